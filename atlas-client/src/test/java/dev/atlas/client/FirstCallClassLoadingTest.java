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
 * A new JVM that builds a client and asks one question must not load the generated {@code JSON}
 * registry (every model and adapter factory, about 200 classes, and GsonFire): that was the largest
 * cost of a client's start-up that plain OkHttp + Gson does not have. Checked from the JVM's class
 * loading log, not by timing.
 */
class FirstCallClassLoadingTest extends WireMockSupport {

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
  void theFirstQueryLoadsOnlyTheModelsItUses() throws Exception {
    wm.stubFor(post(urlEqualTo("/api/v1/query")).willReturn(okJson(SpecExamples.successExample("query").toString())));
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"), FirstCall.class.getName(), wm.baseUrl())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("ANSWER " + SpecExamples.successExample("query").getAsJsonObject().get("answer").getAsString());

    List<String> loaded = out.lines().filter(l -> l.contains("[class,load]")).map(l -> l.split("\\s+")[1]).toList();
    assertThat(loaded).contains("dev.atlas.client.generated.model.QueryResponse", "dev.atlas.client.internal.Models")
        .doesNotContain("dev.atlas.client.generated.invoker.JSON", "io.gsonfire.GsonFireBuilder",
            // a model the query does not use
            "dev.atlas.client.generated.model.ScheduledTask");
    long models = loaded.stream().filter(c -> c.startsWith("dev.atlas.client.generated.model.")).count();
    assertThat(models).as("generated model classes loaded").isLessThan(60);
  }
}
