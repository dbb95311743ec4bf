package dev.atlas.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atlas.sandbox.AtlasSandbox;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The example application on a random port, its starter pointed at a sandbox the way a Spring test
 * does it ({@code @DynamicPropertySource}): it answers a question, and shows Atlas in its health
 * and its timers in its metrics, all over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AtlasSpringBootExampleTest {
  static final AtlasSandbox SANDBOX = AtlasSandbox.start();

  @DynamicPropertySource
  static void atlas(DynamicPropertyRegistry registry) {
    registry.add("atlas.base-url", SANDBOX::baseUrl);
    registry.add("atlas.api-key", SANDBOX::apiKey);
  }

  @AfterAll
  static void stopSandbox() {
    SANDBOX.close();
  }

  @Value("${local.server.port}")
  int port;

  static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void answersAQuestionAndShowsAtlasInHealthAndMetrics() throws Exception {
    int before = SANDBOX.requestCount();
    HttpResponse<String> answer = get(port, "/ask?question="
        + URLEncoder.encode("How many orders are there?", StandardCharsets.UTF_8));
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"question\":\"How many orders are there?\"").contains("\"answer\":\"")
        .containsPattern("\"conversationId\":\"[0-9a-f-]{36}\"");
    assertThat(SANDBOX.requestCount()).as("the answer came from the sandbox").isGreaterThan(before);

    HttpResponse<String> health = get(port, "/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"atlas\":{").contains("\"status\":\"UP\"").contains("\"checks\":{")
        .doesNotContain(SANDBOX.apiKey());

    HttpResponse<String> calls = get(port, "/actuator/metrics/atlas.client.calls");
    assertThat(calls.statusCode()).isEqualTo(200);
    assertThat(calls.body()).contains("\"name\":\"atlas.client.calls\"").contains("\"query\"").contains("\"SUCCESS\"");
  }

  @Test
  void aBlankQuestionIsA400ProblemDetailAndIsNotSent() throws Exception {
    int before = SANDBOX.requestCount();
    for (String blank : new String[] {"", "%20%20"}) {
      HttpResponse<String> answer = get(port, "/ask?question=" + blank);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
      assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
          .startsWith("application/problem+json"));
      assertThat(answer.body()).contains("\"status\":400").contains("The question must not be blank.");
    }
    HttpResponse<String> missing = get(port, "/ask");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
        .startsWith("application/problem+json"));
    assertThat(SANDBOX.requestCount()).as("nothing reached Atlas").isEqualTo(before);
  }
}
