package dev.atlas.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.errors.AtlasConnectionException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An {@code https://} URL aimed at the sandbox's plain-HTTP port: the sandbox's server waits
 * silently for a request line it never gets, so the client's handshake bound is what ends the call
 * (there is no read timeout here: without the bound the call would never end, and the guard fails it).
 */
class HttpsOnThePlainPortTest {
  @Test
  @org.junit.jupiter.api.Timeout(value = 60, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD) // a guard
  void theClientGivesUpWithinTheConnectTimeoutAndSaysToUseHttp() {
    try (AtlasSandbox sandbox = AtlasSandbox.start()) {
      int port = URI.create(sandbox.baseUrl()).getPort();
      try (AtlasClient atlas = AtlasClient.builder().baseUrl("https://127.0.0.1:" + port).apiKey(sandbox.apiKey())
          .connectTimeout(Duration.ofMillis(500)).readTimeout(Duration.ZERO).build()) {
        assertThatThrownBy(atlas::health).isInstanceOfSatisfying(AtlasConnectionException.class, e -> {
          assertThat(e.getMessage()).contains("TLS handshake").contains("use http://127.0.0.1:" + port);
          assertThat(e.retryable()).isFalse();
          assertThat(e.attempts()).isEqualTo(1);
        });
      }
    }
  }
}
