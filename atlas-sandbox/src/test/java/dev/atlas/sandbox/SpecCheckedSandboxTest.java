package dev.atlas.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.retry.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;

/**
 * A sandbox shared by a test class and a client whose every exchange is validated against the spec:
 * a test fails when a request or an answer leaves it. A subclass starts it in its {@code @BeforeAll}.
 */
abstract class SpecCheckedSandboxTest {
  static final SpecValidatingInterceptor spec = new SpecValidatingInterceptor();
  static AtlasSandbox sandbox;
  static AtlasClient atlas;

  /** Starts the class's sandbox from the given builder and a client without retries. */
  static void startSandbox(AtlasSandbox.Builder builder) {
    sandbox = builder.start();
    atlas = AtlasClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).retryPolicy(RetryPolicy.none())
        .addNetworkInterceptor(spec).build();
  }

  @AfterEach
  void everyExchangeMatchedTheSpec() {
    List<String> problems = new ArrayList<>(spec.problems);
    spec.problems.clear();
    assertThat(problems).isEmpty();
  }

  @AfterAll
  static void stopSandbox() {
    atlas.close();
    sandbox.close();
  }
}
