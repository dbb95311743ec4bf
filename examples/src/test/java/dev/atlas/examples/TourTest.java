package dev.atlas.examples;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.atlas.client.AtlasClient;
import dev.atlas.client.ListConversationsParams;
import dev.atlas.client.ListScheduledTasksParams;
import dev.atlas.client.ShareConversationParams;
import dev.atlas.sandbox.AtlasSandbox;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tour as a user runs it ({@code java dev.atlas.examples.Tour}, credentials from the
 * environment), against servers configured like real ones: the sandbox answering as a simple-key
 * server without an organization, or with its actions feature off and no connection named
 * {@code default}. A WireMock proxy in front of it records every request the tour sends, so the
 * test can require that the tour changed only what it created, and deleted that again.
 */
class TourTest {
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  /** The tour's steps, in the order it runs them. */
  private static final List<String> STEPS = List.of("health", "query", "streaming", "stream cancellation",
      "conversations", "scheduled tasks", "dashboards", "validate SQL", "execute SQL", "audit log", "admin overview", "rollback",
      "actions", "agent runs", "batch", "error handling", "listener", "MCP onboarding", "any route");
  /** The sandbox publishes the SDK's own spec: no admin route the SDK lacks, so the door calls a covered one. */
  private static final String ANY_ROUTE = "passed; skipped admin route the SDK lacks: the server publishes no admin "
      + "GET without ids that the SDK lacks (the sandbox publishes the SDK's own)";

  private AtlasSandbox sandbox;
  private WireMockServer proxy;

  record Run(int exitCode, String output, Map<String, String> summary) {}

  @AfterEach
  void stop() {
    if (proxy != null) {
      proxy.stop();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void onASimpleKeyServerWithoutOrganizationTheRefusedStepsAreSkippedAndNothingElseIsTouched() throws Exception {
    start(AtlasSandbox.builder().simpleKeyWithoutOrganization().withoutActions().oauth(false));
    String othersConversation = someoneElsesStarredConversation();

    Run run = tour(proxy.baseUrl());

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.summary().keySet()).as(run.output()).containsExactlyElementsOf(STEPS);
    String noOrganization = "400 bad_request \"No active organization. Set an active org first.\"";
    assertThat(run.summary().get("scheduled tasks")).startsWith("skipped: " + noOrganization);
    assertThat(run.summary().get("audit log")).startsWith("skipped: " + noOrganization);
    assertThat(run.summary().get("dashboards")).startsWith("skipped: " + noOrganization);
    assertThat(run.summary().get("admin overview")).startsWith("passed; skipped ")
        .contains("connections: " + noOrganization, "plugins: 403 forbidden_role \"Platform admin role required\"",
            "connection test: the server listed no connection to test");
    assertThat(run.output()).as("the admin example goes on to the semantic layer").contains("Entity orders: ");
    assertThat(run.summary().get("rollback")).startsWith("skipped: this run created no action to roll back");
    assertThat(run.summary().get("execute SQL")).as("explore needs no workspace; SQL and metrics do")
        .startsWith("passed; skipped execute SQL: 400 bad_request \"Your login is not bound to a workspace.")
        .contains("run metric: 400 bad_request");
    assertThat(run.summary().get("any route")).isEqualTo(ANY_ROUTE);
    assertThat(run.summary().get("error handling"))
        .isEqualTo("passed; skipped rate-limit retries: needs a fault injected by the sandbox; runs only on the sandbox");
    assertThat(run.summary().get("MCP onboarding")).as("an api-key-mode server answers 404 on OAuth discovery")
        .startsWith("skipped: MCP onboarding is not available on this server: ").contains("404");
    for (String step : List.of("health", "query", "streaming", "stream cancellation", "conversations", "validate SQL",
        "batch", "listener")) {
      assertThat(run.summary().get(step)).as(step).isEqualTo("passed");
    }
    assertThat(changesToWhatTheTourDidNotCreate(p -> false)).isEmpty();
    assertTheTourCleanedUp(othersConversation);
  }

  @Test
  void onAServerWithoutActionsAndWithoutADefaultConnectionTheTourFindsItsIds() throws Exception {
    start(AtlasSandbox.builder().withoutActions().connection("warehouse", "analytics"));
    String othersConversation = someoneElsesStarredConversation();

    Run run = tour(proxy.baseUrl());

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.summary().keySet()).as(run.output()).containsExactlyElementsOf(STEPS);
    assertThat(run.output()).contains("(* * * * *, group analytics)", "Test warehouse: healthy");
    assertThat(run.summary().get("rollback")).as("the plain-text 404 of a server without actions")
        .startsWith("skipped: ").contains("404", "text/plain", "POST /api/v1/actions/");
    for (String step : STEPS.subList(0, STEPS.indexOf("rollback"))) {
      assertThat(run.summary().get(step)).as(step).isEqualTo("passed");
    }
    // behind the proxy the server advertises its own origin for registration: the client sends no
    // credential to another origin, so the agent has no workspace and the tour names what it leaves
    assertThat(run.summary().get("MCP onboarding")).as("the client it registered is named, not revoked")
        .matches("passed; skipped revoke the agent: left behind OAuth client \\w+ \"Claude Desktop\": "
            + "registered without a workspace, .*404 not_found.*");
    // testing a listed connection is a health check: it changes nothing, and is the one POST to an id not ours;
    // the OAuth client the tour tries to revoke was registered at the endpoint the server advertises, not through the proxy
    Matcher registered = Pattern.compile("Registered OAuth client (\\w+)").matcher(run.output());
    assertThat(registered.find()).as(run.output()).isTrue();
    String ownClient = "/api/v1/admin/oauth-clients/" + registered.group(1) + "/revoke";
    assertThat(changesToWhatTheTourDidNotCreate(path -> path.equals("/api/v1/admin/connections/warehouse/test")
        || path.equals(ownClient))).isEmpty();
    assertTheTourCleanedUp(othersConversation);
    try (AtlasClient atlas = direct()) {
      assertThat(atlas.scheduledTasks().list(ListScheduledTasksParams.defaults().withEnabled(true)).total()).isZero();
    }
  }

  @Test
  void onAServerWhoseCallsFailNoStepSaysPassed() throws Exception {
    start(AtlasSandbox.builder().oauth(false));
    // a spent workspace key: every question answers 500 auth_error; and a run now the server refuses
    proxy.stubFor(post(urlPathEqualTo("/api/v1/query")).atPriority(1).willReturn(envelope(500, "auth_error",
        "Authentication service error")));
    proxy.stubFor(post(urlPathMatching("/api/v1/scheduled-tasks/[^/]+/run")).atPriority(1).willReturn(envelope(500,
        "internal_error", "Failed to trigger scheduled task")));

    Run run = tour(proxy.baseUrl());

    assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
    assertThat(run.summary().get("batch")).as(run.output())
        .startsWith("FAILED: 6 part(s) failed: question 0: 500 auth_error \"Authentication service error\"");
    assertThat(run.summary().get("query")).startsWith("FAILED: ").contains("auth_error");
    assertThat(run.summary().get("scheduled tasks")).as("a 500 on run now is a failure, not a skip")
        .startsWith("FAILED: 1 part(s) failed: run now: 500 internal_error \"Failed to trigger scheduled task\"");
    assertThat(run.output()).contains("Paused; enabled tasks now: 0").as("the step went on and cleaned up");
  }

  @Test
  void anAdminStepWhosePartsWereAllRefusedIsSkipped() throws Exception {
    start(AtlasSandbox.builder().simpleKeyWithoutOrganization().withoutActions().oauth(false));
    for (String path : List.of("/api/v1/admin/overview", "/api/v1/admin/semantic/entities")) {
      proxy.stubFor(get(urlPathEqualTo(path)).atPriority(1).willReturn(envelope(403, "forbidden_role",
          "Admin role required")));
    }

    Run run = tour(proxy.baseUrl());

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.summary().get("admin overview")).as(run.output())
        .startsWith("skipped: every part was skipped: overview: 403 forbidden_role \"Admin role required\"")
        .contains("connections: 400 bad_request", "semantic layer: 403 forbidden_role");
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder envelope(int status, String code,
      String message) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"" + code + "\",\"message\":\"" + message + "\",\"requestId\":\"r-1\"}");
  }

  @Test
  void onTheEmbeddedSandboxEveryStepPasses() throws Exception {
    Run run = run(Map.of());

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("using the embedded Atlas sandbox").doesNotContain("A real Atlas server")
        .as("the task is made due by moving the sandbox's clock, then runs")
        .contains("(moved the sandbox's clock on ", "Run now: Task triggered", "Run success at ");
    assertThat(run.summary()).as(run.output()).hasSize(STEPS.size()).allSatisfy((step, result) -> {
      if (step.equals("any route")) {
        assertThat(result).as(step).isEqualTo(ANY_ROUTE);
      } else {
        assertThat(result).as(step).isEqualTo("passed");
      }
    });
  }

  private void start(AtlasSandbox.Builder builder) {
    // the tour runs in another process and cannot move the sandbox's clock: its task is due at once
    sandbox = builder.apiKey("sk-tour-test-0123456789").tasksDueAtOnce().start();
    proxy = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true));
    proxy.start();
    proxy.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(sandbox.baseUrl())));
  }

  private AtlasClient direct() {
    return AtlasClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).build();
  }

  /** A conversation the tour must leave alone: made before it, starred and shared, so the most recent. */
  private String someoneElsesStarredConversation() {
    try (AtlasClient atlas = direct()) {
      String id = atlas.query("What is the average order value?").getConversationId();
      atlas.conversations().star(id);
      atlas.conversations().share(id, ShareConversationParams.defaults());
      return id;
    }
  }

  private void assertTheTourCleanedUp(String othersConversation) {
    try (AtlasClient atlas = direct()) {
      assertThat(atlas.conversations().list(ListConversationsParams.defaults().withLimit(100)).items())
          .as("only the conversation the tour did not make is left").singleElement()
          .satisfies(c -> assertThat(c.getId()).isEqualTo(othersConversation))
          .satisfies(c -> assertThat(c.getStarred()).isTrue());
      assertThat(atlas.conversations().shareStatus(othersConversation).getShared()).isTrue();
    }
  }

  /**
   * Walks the recorded requests in order. An id is the tour's when it came back from a request that
   * created something (a POST to a collection) or from a read of something of the tour's.
   *
   * @param allowed paths of changing requests that are allowed anyway
   * @return every DELETE, PATCH, PUT or POST to an id the tour did not create
   */
  private List<String> changesToWhatTheTourDidNotCreate(Predicate<String> allowed) {
    List<ServeEvent> events = new ArrayList<>(proxy.getAllServeEvents());
    java.util.Collections.reverse(events); // WireMock lists the newest first
    assertThat(events).isNotEmpty();
    Set<String> created = new HashSet<>();
    List<String> foreign = new ArrayList<>();
    for (ServeEvent e : events) {
      String method = e.getRequest().getMethod().value();
      String path = URI.create(e.getRequest().getUrl()).getPath();
      List<String> ids = ids(path);
      boolean changes = !method.equals("GET") && !method.equals("HEAD");
      boolean ours = created.containsAll(ids);
      if (changes && !ours && !allowed.test(path)) {
        foreign.add(method + " " + path);
      }
      if (ours && (changes || !ids.isEmpty())) {
        created.addAll(uuids(e.getResponse().getBodyAsString()));
        for (String header : List.of("x-conversation-id", "x-run-id")) { // a stream's conversation and run
          HttpHeader id = e.getResponse().getHeaders().getHeader(header);
          if (id.isPresent()) {
            created.add(id.firstValue().toLowerCase());
          }
        }
      }
    }
    assertThat(created).as("the tour created things").isNotEmpty();
    return foreign;
  }

  /** The collections whose next path segment is an id, a UUID or not (a connection is {@code warehouse}). */
  private static final Set<String> COLLECTIONS = Set.of("conversations", "scheduled-tasks", "connections", "plugins",
      "actions", "entities", "oauth-clients");

  /** @return the ids a request path names: every UUID, and every segment that follows a collection */
  private static List<String> ids(String path) {
    List<String> out = uuids(path);
    String[] segments = path.split("/");
    for (int i = 0; i + 1 < segments.length; i++) {
      if (COLLECTIONS.contains(segments[i]) && !out.contains(segments[i + 1].toLowerCase())) {
        out.add(segments[i + 1].toLowerCase());
      }
    }
    return out;
  }

  private static List<String> uuids(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = UUID.matcher(text == null ? "" : text);
    while (m.find()) {
      out.add(m.group().toLowerCase());
    }
    return out;
  }

  private Run tour(String baseUrl) throws IOException, InterruptedException {
    Run run = run(Map.of("ATLAS_BASE_URL", baseUrl, "ATLAS_API_KEY", sandbox.apiKey()));
    assertThat(run.output()).as("says where it is before it changes anything")
        .contains("Server:     " + baseUrl, "Credential: API key (23 characters, not shown) sent as Authorization: Bearer",
            "delete it again")
        .doesNotContain(sandbox.apiKey());
    assertThat(run.output().indexOf("Server:")).isLessThan(run.output().indexOf("== Query"));
    return run;
  }

  /** Runs the tour in its own JVM, as the README's command does, with the given environment. */
  private static Run run(Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Tour.class.getName());
    pb.environment().keySet().removeIf(k -> k.startsWith("ATLAS_"));
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = p.waitFor();
    Map<String, String> summary = new LinkedHashMap<>();
    int at = output.indexOf("== Summary");
    assertThat(at).as(output).isNotNegative();
    Matcher m = Pattern.compile("(?m)^  (\\S.{19}) (.*)$").matcher(output.substring(at));
    while (m.find()) {
      summary.put(m.group(1).strip(), m.group(2).strip());
    }
    return new Run(exit, output, summary);
  }
}
