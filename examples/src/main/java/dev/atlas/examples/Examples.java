package dev.atlas.examples;

import dev.atlas.client.AtlasClient;
import dev.atlas.sandbox.AtlasSandbox;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Shared setup of the examples: a client for the Atlas server named by {@code ATLAS_BASE_URL} with
 * the credential {@link AtlasClient#fromEnv()} reads ({@code ATLAS_API_KEY}, optionally sent as
 * {@code X-API-Key} with {@code ATLAS_API_KEY_HEADER=x-api-key}, or {@code ATLAS_BEARER_TOKEN}),
 * otherwise for an {@link AtlasSandbox} started in-process. Against a real server it first says
 * which server it talks to and what the examples create and delete there.
 */
public final class Examples {
  private static AtlasSandbox sandbox;

  private Examples() {}

  /**
   * Connects to the configured Atlas, or to the embedded sandbox when none is configured.
   *
   * @return a client; close it when done
   */
  public static synchronized AtlasClient connect() {
    String url = setting("atlas.baseUrl", "ATLAS_BASE_URL");
    if (url != null) {
      AtlasClient client = AtlasClient.fromEnv();
      announce(url);
      return client;
    }
    if (sandbox == null) {
      sandbox = AtlasSandbox.builder().pacing(java.time.Duration.ofMillis(15)).start();
      Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
      System.out.println("(no ATLAS_BASE_URL: using the embedded Atlas sandbox at " + sandbox.baseUrl() + ")");
    }
    return AtlasClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).build();
  }

  /** @return the embedded sandbox, if the examples run against it */
  public static synchronized Optional<AtlasSandbox> sandbox() {
    return Optional.ofNullable(sandbox);
  }

  /** @return whether the examples run against the embedded sandbox (not a real server) */
  public static boolean onSandbox() {
    return sandbox().isPresent();
  }

  /**
   * Lets time pass on the server: the embedded sandbox's clock is moved on at once; against a real
   * server this waits, a second longer than asked (the server's timestamps are to the second).
   *
   * @param duration how long, by the server's clock
   * @param what what the wait is for, for the line it prints
   */
  public static void waitOnServer(java.time.Duration duration, String what) {
    if (duration.isNegative() || duration.isZero()) {
      return;
    }
    Optional<AtlasSandbox> s = sandbox();
    if (s.isPresent()) {
      s.get().advanceClock(duration);
      System.out.println("(moved the sandbox's clock on " + duration.toSeconds() + " s " + what + ")");
      return;
    }
    java.time.Duration wait = duration.plusSeconds(1);
    System.out.println("Waiting " + wait.toSeconds() + " s " + what + "...");
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting " + what, e);
    }
  }

  /** Stops the sandbox if one was started. */
  public static synchronized void shutdown() {
    if (sandbox != null) {
      sandbox.close();
      sandbox = null;
    }
  }

  /**
   * Runs one example on its own: connects, runs it, prints its outcome, stops the sandbox; exits
   * with status 1 when it failed (not when the server refused it for its configuration).
   *
   * @param name the example's name
   * @param example the example
   */
  public static void runAlone(String name, Consumer<AtlasClient> example) {
    Outcomes outcomes = new Outcomes();
    try (AtlasClient atlas = connect()) {
      outcomes.run(name, () -> example.accept(atlas));
    } finally {
      shutdown();
    }
    outcomes.printSummary();
    if (outcomes.anyFailed()) {
      System.exit(1);
    }
  }

  /**
   * Prints a heading.
   *
   * @param title the heading
   */
  public static void heading(String title) {
    System.out.println();
    System.out.println("== " + title + " " + "=".repeat(Math.max(0, 70 - title.length())));
  }

  /** Says, before anything changes, which server this is and what the examples do to it. */
  private static void announce(String url) {
    heading("A real Atlas server");
    System.out.println("Server:     " + url);
    System.out.println("Credential: " + describeCredential());
    System.out.println("""
        The examples change only what they create, and delete it again before they end, also when
        a step fails:
          - the conversations of the questions they ask (about a dozen); one of them is starred,
            shared and unshared before it is deleted;
          - one scheduled task "Atlas SDK tour ..." (every minute, email to tour@example.com): it
            waits until the task is due (its next run time, at most a minute), runs it once, pauses
            and deletes it (the server's delete disables it and keeps its runs);
          - rollback: only an action that task's run recorded, if the server records one.
          - MCP onboarding: on a server in managed mode, registers one public OAuth client
            "Claude Desktop", prints its consent URL (it holds no token until a user consents in
            a browser) and revokes it again where the credential allows it (an admin of the
            workspace it was registered in); otherwise the summary names the client it leaves.
        Everything else is only read. The audit log keeps the queries that ran. Demos that need
        injected faults (rate limits) run only on the sandbox and are skipped here.""");
  }

  /** @return the kind of credential and how it is sent; never the credential itself */
  static String describeCredential() {
    String key = setting("atlas.apiKey", "ATLAS_API_KEY");
    String token = setting("atlas.bearerToken", "ATLAS_BEARER_TOKEN");
    String header = Optional.ofNullable(setting("atlas.apiKeyHeader", "ATLAS_API_KEY_HEADER")).orElse("authorization");
    if (key != null) {
      return "API key (" + key.length() + " characters, not shown) sent as "
          + (header.trim().toLowerCase(Locale.ROOT).equals("x-api-key") ? "X-API-Key" : "Authorization: Bearer");
    }
    if (token != null) {
      return "bearer token (" + token.length() + " characters, not shown) sent as Authorization: Bearer";
    }
    return "none";
  }

  /** @return the system property, else the environment variable, as {@link AtlasClient#fromEnv()} reads them */
  private static String setting(String property, String env) {
    String v = System.getProperty(property);
    if (v == null || v.isBlank()) {
      v = System.getenv(env);
    }
    return v == null || v.isBlank() ? null : v.trim();
  }
}
