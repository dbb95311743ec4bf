package dev.atlas.client.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The loopback receiver over real HTTP: one callback, its page, strays passed over, each failure, and the timeout. */
class LoopbackReceiverTest {
  static final HttpClient BROWSER = HttpClient.newHttpClient();

  static HttpResponse<String> visit(String url) throws Exception {
    return BROWSER.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static McpErrorCode codeOf(Runnable r) {
    try {
      r.run();
    } catch (AtlasMcpException e) {
      return e.mcpCode();
    }
    throw new AssertionError("no AtlasMcpException");
  }

  @Test
  void acceptsOneCallbackOn127001AndTellsTheUserToReturnToTheTerminal() throws Exception {
    try (LoopbackReceiver r = LoopbackReceiver.start()) {
      assertThat(r.redirectUri()).matches("http://127\\.0\\.0\\.1:\\d+/callback");
      assertThat(visit(r.redirectUri().replace("/callback", "/favicon.ico")).statusCode()).isEqualTo(404);
      HttpResponse<String> page = visit(r.redirectUri() + "?code=c%2B1&state=s-1&iss=https%3A%2F%2Fa.example.com");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
      assertThat(page.body()).contains("return to the terminal");
      McpCallback cb = r.awaitCallback("s-1");
      assertThat(cb.code()).contains("c+1");
      assertThat(cb.state()).contains("s-1");
      assertThat(cb.issuer()).contains("https://a.example.com");
      assertThat(cb.toString()).doesNotContain("c+1");
    }
  }

  @Test
  void aSecondCallbackIsRefused() throws Exception {
    try (LoopbackReceiver r = LoopbackReceiver.start()) {
      assertThat(visit(r.redirectUri() + "?code=c&state=s").statusCode()).isEqualTo(200);
      assertThat(visit(r.redirectUri() + "?code=other&state=s").statusCode()).isEqualTo(409);
      assertThat(r.awaitCallback("s").code()).contains("c");
    }
  }

  @Test
  void anErrorCallbackFailsWithTheServersErrorText() throws Exception {
    try (LoopbackReceiver r = LoopbackReceiver.start()) {
      HttpResponse<String> page = visit(r.redirectUri() + "?error=access_denied&error_description=User+said+%3Cno%3E&state=s");
      assertThat(page.body()).contains("access_denied").contains("&lt;no&gt;").doesNotContain("<no>");
      assertThatThrownBy(() -> r.awaitCallback("s"))
          .isInstanceOfSatisfying(AtlasMcpException.class, e -> {
            assertThat(e.mcpCode()).isEqualTo(McpErrorCode.TOKEN_EXCHANGE_FAILED);
            assertThat(e.oauthError()).contains("access_denied");
          })
          .hasMessageContaining("access_denied: User said <no>");
    }
  }

  @Test
  void strayRequestsAreAnsweredAndTheWaitGoesOnUntilTheAwaitedCallback() throws Exception {
    try (LoopbackReceiver r = LoopbackReceiver.start(Duration.ofSeconds(20))) {
      // before the state is known: a reload of an old tab is answered, and later passed over
      assertThat(visit(r.redirectUri() + "?code=old&state=earlier").statusCode()).isEqualTo(200);
      CompletableFuture<McpCallback> awaited = CompletableFuture.supplyAsync(() -> r.awaitCallback("s"));
      // once it is known: strays are told apart and answered 400; none of them ends the wait
      HttpResponse<String> stray = visitUntil(r.redirectUri() + "?code=forged&state=forged", 400);
      assertThat(stray.body()).contains("still waiting");
      assertThat(visit(r.redirectUri()).statusCode()).isEqualTo(400); // a prefetch of the bare path
      assertThat(visit(r.redirectUri() + "?error=access_denied&state=forged").statusCode()).isEqualTo(400);
      assertThat(visit(r.redirectUri().replace("/callback", "/favicon.ico")).statusCode()).isEqualTo(404);
      assertThat(awaited).isNotDone();
      assertThat(visit(r.redirectUri() + "?code=real&state=s").statusCode()).isEqualTo(200);
      assertThat(awaited.get(10, TimeUnit.SECONDS).code()).contains("real");
    }
  }

  @Test
  void anErrorWithoutStateEndsTheWait() throws Exception {
    try (LoopbackReceiver r = LoopbackReceiver.start(Duration.ofSeconds(20))) {
      visit(r.redirectUri() + "?error=server_error");
      assertThat(codeOf(() -> r.awaitCallback("s"))).isEqualTo(McpErrorCode.TOKEN_EXCHANGE_FAILED);
    }
  }

  @Test
  void onlyStraysUntilTheTimeoutIsCallbackTimeoutCountingThem() throws Exception {
    try (LoopbackReceiver r = LoopbackReceiver.start(Duration.ofMillis(300))) {
      visit(r.redirectUri() + "?code=c&state=forged");
      assertThatThrownBy(() -> r.awaitCallback("s"))
          .isInstanceOfSatisfying(AtlasMcpException.class, e -> assertThat(e.mcpCode()).isEqualTo(McpErrorCode.CALLBACK_TIMEOUT))
          .hasMessageContaining("1 request(s) with another state or none were ignored");
    }
  }

  /** Visits until the receiver answers {@code status}: it learns the state when awaitCallback starts, on another thread. */
  static HttpResponse<String> visitUntil(String url, int status) throws Exception {
    for (int i = 0; i < 200; i++) {
      HttpResponse<String> r = visit(url.replace("state=forged", "state=forged" + i));
      if (r.statusCode() == status) {
        return r;
      }
      Thread.sleep(25);
    }
    throw new AssertionError("the receiver never answered " + status + " for " + url);
  }

  @Test
  void aCallbackWithoutCodeFails() throws Exception {
    try (LoopbackReceiver r = LoopbackReceiver.start()) {
      assertThat(visit(r.redirectUri() + "?state=s").statusCode()).isEqualTo(400);
      assertThat(codeOf(() -> r.awaitCallback("s"))).isEqualTo(McpErrorCode.CALLBACK_MISSING_CODE);
    }
  }

  @Test
  void noCallbackInTimeIsCallbackTimeoutAndTheServerStops() throws Exception {
    try (LoopbackReceiver r = LoopbackReceiver.start(Duration.ofMillis(100))) {
      assertThatThrownBy(() -> r.awaitCallback("s"))
          .isInstanceOfSatisfying(AtlasMcpException.class, e -> assertThat(e.mcpCode()).isEqualTo(McpErrorCode.CALLBACK_TIMEOUT))
          .hasMessageContaining(r.redirectUri());
      assertThatThrownBy(() -> visit(r.redirectUri() + "?code=c&state=s")).isInstanceOf(java.io.IOException.class);
    }
  }

  @Test
  void onlyGetIsAccepted() throws Exception {
    try (LoopbackReceiver r = LoopbackReceiver.start()) {
      HttpResponse<String> post = BROWSER.send(HttpRequest.newBuilder(URI.create(r.redirectUri() + "?code=c&state=s"))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(post.statusCode()).isEqualTo(405);
      visit(r.redirectUri() + "?code=c&state=s");
      assertThat(r.awaitCallback("s").code()).contains("c");
    }
  }
}
