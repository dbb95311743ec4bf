package dev.atlas.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atlas.client.AtlasClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Started as {@code main} starts it, without ATLAS_BASE_URL: the embedded sandbox answers. */
class EmbeddedSandboxTest {
  @Test
  void withoutAnAtlasTheApplicationAnswersFromTheEmbeddedSandbox() throws Exception {
    String url = System.getenv("ATLAS_BASE_URL");
    assumeTrue(url == null || url.isBlank(), "ATLAS_BASE_URL is set: the application would use that Atlas");
    try (ConfigurableApplicationContext app = AtlasSpringBootExample.run("--server.port=0",
        "--spring.main.banner-mode=off")) {
      assertThat(app.getBean(AtlasClient.class).baseUrl()).startsWith("http://127.0.0.1:");
      int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
      HttpResponse<String> answer = AtlasSpringBootExampleTest.get(port, "/ask?question="
          + URLEncoder.encode("How many orders are there?", StandardCharsets.UTF_8));
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).contains("\"answer\":\"");
    }
  }
}
