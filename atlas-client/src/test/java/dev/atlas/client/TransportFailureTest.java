package dev.atlas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.atlas.client.errors.AtlasConnectionException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Failures a retry cannot fix are not retried and say what to do; a connection that broke says whether it ran. */
class TransportFailureTest extends WireMockSupport {
  @RegisterExtension
  static WireMockExtension tls = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().dynamicHttpsPort().bindAddress("127.0.0.1"))
      .build();

  @Test
  void anUnknownHostIsNotRetriedAndNeverReachedTheServer() {
    try (AtlasClient c = builderFor("http://atlas.nonexistent.invalid").apiKey(API_KEY).build()) {
      assertThatThrownBy(() -> c.health()).isInstanceOfSatisfying(AtlasConnectionException.class, e -> {
        assertThat(e.getMessage()).contains("Unknown host atlas.nonexistent.invalid");
        assertThat(e.retryable()).isFalse();
        assertThat(e.requestMayHaveReachedServer()).isFalse();
        assertThat(e.attempts()).isEqualTo(1);
      });
    }
    assertThat(SLEPT).isEmpty();
  }

  @Test
  void httpsOnAPlainHttpPortThatAnswersFailsAtOnceWithAHint() {
    try (AtlasClient c = builderFor("https://127.0.0.1:" + wm.getPort()).apiKey(API_KEY).build()) {
      assertThatThrownBy(() -> c.health()).isInstanceOfSatisfying(AtlasConnectionException.class, e -> {
        assertThat(e.getMessage()).contains("plain HTTP").contains("http://127.0.0.1:" + wm.getPort());
        assertThat(e.retryable()).isFalse();
        assertThat(e.attempts()).isEqualTo(1);
      });
    }
  }

  @Test
  @org.junit.jupiter.api.Timeout(value = 60, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD) // a guard: without the bound the call never ends
  void httpsOnAPortThatNeverAnswersTheHandshakeFailsWithinTheConnectTimeout() throws Exception {
    List<Socket> held = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        AtlasClient c = builderFor("https://127.0.0.1:" + silent.getLocalPort()).apiKey(API_KEY)
            .connectTimeout(Duration.ofMillis(300)).readTimeout(Duration.ZERO).build()) { // no read timeout
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            held.add(silent.accept()); // accept, read nothing, answer nothing
          }
        } catch (Exception e) {
          // closed
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      assertThatThrownBy(() -> c.health()).isInstanceOfSatisfying(AtlasConnectionException.class, e -> {
        assertThat(e.getMessage()).contains("TLS handshake").contains("use http://127.0.0.1:" + silent.getLocalPort());
        assertThat(e.retryable()).isFalse();
        assertThat(e.attempts()).isEqualTo(1);
      });
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }

  @Test
  void anUntrustedCertificateIsNotRetried() {
    try (AtlasClient c = builderFor(tls.getRuntimeInfo().getHttpsBaseUrl()).apiKey(API_KEY).build()) {
      assertThatThrownBy(() -> c.health()).isInstanceOfSatisfying(AtlasConnectionException.class, e -> {
        assertThat(e.getMessage()).contains("TLS");
        assertThat(e.retryable()).isFalse();
        assertThat(e.requestMayHaveReachedServer()).isFalse();
        assertThat(e.attempts()).isEqualTo(1);
      });
    }
  }

  @Test
  void theHandshakeBoundDoesNotLimitHowLongAnAnswerMayTake() throws Exception {
    tls.stubFor(post("/api/v1/query").willReturn(okJson(ListenerTest.ANSWER).withFixedDelay(1_500)));
    try (AtlasClient c = builderFor(tls.getRuntimeInfo().getHttpsBaseUrl()).apiKey(API_KEY).httpClient(trustingAll())
        .connectTimeout(Duration.ofMillis(500)).build()) {
      assertThat(c.query("q").getAnswer()).isEqualTo("42");
    }
  }

  @Test
  void aDerivedClientReusesItsParentsTlsConnections() throws Exception {
    tls.stubFor(post("/api/v1/query").willReturn(okJson(ListenerTest.ANSWER)));
    OkHttpClient http = trustingAll();
    try (AtlasClient parent = builderFor(tls.getRuntimeInfo().getHttpsBaseUrl()).apiKey(API_KEY).httpClient(http)
        .build(); AtlasClient child = parent.withOptions(b -> b.defaultHeader("X-Child", "1"))) {
      parent.query("q");
      child.query("q");
      parent.query("q");
    }
    // OkHttp reuses a pooled connection only when the socket factories are equal
    assertThat(http.connectionPool().connectionCount()).isEqualTo(1);
  }

  /** @return an OkHttpClient that trusts WireMock's self-signed certificate */
  static OkHttpClient trustingAll() throws Exception {
    X509TrustManager trustAll = new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, new TrustManager[] {trustAll}, null);
    return new OkHttpClient.Builder().sslSocketFactory(ctx.getSocketFactory(), trustAll)
        .hostnameVerifier((host, session) -> true).build();
  }
}
