package dev.atlas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The cold start's guard: a new JVM that builds a client and asks one question loads only what
 * that path needs. Cold start is within a thin margin of its target (docs/benchmarks.md), and its
 * cost is, first of all, classes loaded; this counts them from the JVM's class-loading log (not a
 * timing), so that a change that drags more of the SDK, the generated registry or unused models
 * onto the first call's path fails here before a benchmark run shows it. (The generated {@code JSON}
 * registry is loaded, by design, on a background thread from {@code builder()}: see
 * {@code Json.preloadInBackground}.) The bounds are the counts measured when the test was written
 * plus a little room; raise one only with a measured reason.
 */
class FirstCallClassLoadingTest extends WireMockSupport {
  /** Classes of the SDK's own code (not generated; lambdas included) a first query loaded: 56 when this was written. */
  static final int MAX_SDK_CLASSES = 60;
  /** Generated classes (APIs, invoker, the models the query reads) a first query loaded: 58 when this was written. */
  static final int MAX_GENERATED_CLASSES = 64;
  /** Every class the JVM loaded, JDK and libraries included: 2,546 when this was written (Java 17). */
  static final int MAX_ALL_CLASSES = 2700;

  /** What the child JVM runs: build a client, ask one question, print the answer. */
  public static final class FirstCall {
    /**
     * @param args the server's base URL
     * @throws Exception if the call fails
     */
    public static void main(String[] args) throws Exception {
      try (AtlasClient atlas = AtlasClient.builder().baseUrl(args[0]).apiKey("sk-first-call").build()) {
        System.out.println("ANSWER " + atlas.query("What was last month's revenue?").getAnswer());
      }
    }
  }

  @Test
  void theFirstQueryLoadsOnlyWhatItsPathNeeds() throws Exception {
    wm.stubFor(post(urlEqualTo("/api/v1/query")).willReturn(okJson(SpecExamples.successExample("query").toString())));
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info", "-Xshare:auto", "-cp", System.getProperty("java.class.path"), FirstCall.class.getName(),
        wm.baseUrl()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("ANSWER " + SpecExamples.successExample("query").getAsJsonObject().get("answer").getAsString());

    List<String> loaded = out.lines().filter(l -> l.contains("[class,load]")).map(l -> l.split("\\s+")[1]).toList();
    List<String> sdk = loaded.stream().filter(c -> c.startsWith("dev.atlas.client.") && !c.startsWith("dev.atlas.client.generated."))
        .toList();
    List<String> generated = loaded.stream().filter(c -> c.startsWith("dev.atlas.client.generated.")).toList();
    System.out.println("first query: " + loaded.size() + " classes, " + sdk.size() + " SDK, " + generated.size()
        + " generated");

    assertThat(loaded).contains("dev.atlas.client.generated.model.QueryResponse")
        .doesNotContain("io.gsonfire.GsonFireBuilder",
            "dev.atlas.client.generated.model.ScheduledTask", // a model the query does not use
            "dev.atlas.client.generated.api.ConversationsApi", "dev.atlas.client.generated.api.AdminApi", // lazy groups
            "dev.atlas.client.BatchRunner", "dev.atlas.client.OAuthCalls", "dev.atlas.client.AtlasStream",
            "dev.atlas.client.SseParser");
    assertThat(sdk).as("no MCP, internal or batch class on a query's path")
        .noneMatch(c -> c.startsWith("dev.atlas.client.mcp.") || c.startsWith("dev.atlas.client.internal.")
            || c.startsWith("dev.atlas.client.batch."));
    assertThat(sdk).as("SDK classes a first query loads").hasSizeLessThanOrEqualTo(MAX_SDK_CLASSES);
    assertThat(generated).as("generated classes a first query loads").hasSizeLessThanOrEqualTo(MAX_GENERATED_CLASSES);
    assertThat(loaded).as("classes a first query loads, all told").hasSizeLessThanOrEqualTo(MAX_ALL_CLASSES);
  }
}
