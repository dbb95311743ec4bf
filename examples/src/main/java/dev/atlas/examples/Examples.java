package dev.atlas.examples;

import dev.atlas.client.AtlasClient;
import dev.atlas.sandbox.AtlasSandbox;

/**
 * Shared setup of the examples: a client for {@code ATLAS_BASE_URL} and {@code ATLAS_API_KEY} when
 * set, otherwise for an {@link AtlasSandbox} started in-process.
 */
public final class Examples {
  private static AtlasSandbox sandbox;

  private Examples() {}

  /**
   * Connects to the configured Atlas, or to the recorded stand-in when none is configured.
   *
   * @return a client; close it when done
   */
  public static synchronized AtlasClient connect() {
    String url = System.getenv("ATLAS_BASE_URL");
    if (url != null && !url.isBlank()) {
      return AtlasClient.fromEnv();
    }
    if (sandbox == null) {
      sandbox = AtlasSandbox.builder().pacing(java.time.Duration.ofMillis(15)).start();
      Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
      System.out.println("(no ATLAS_BASE_URL: using the embedded Atlas sandbox at " + sandbox.baseUrl() + ")");
    }
    return AtlasClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).build();
  }

  /** @return the embedded sandbox, if the examples run against it */
  public static synchronized java.util.Optional<AtlasSandbox> sandbox() {
    return java.util.Optional.ofNullable(sandbox);
  }

  /** Stops the sandbox if one was started. */
  public static synchronized void shutdown() {
    if (sandbox != null) {
      sandbox.close();
      sandbox = null;
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
}
