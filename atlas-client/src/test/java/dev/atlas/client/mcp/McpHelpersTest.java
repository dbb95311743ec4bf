package dev.atlas.client.mcp;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The helpers: error detail of non-2xx answers, the https rule, the two encodings, PKCE. */
class McpHelpersTest extends McpWireMock {

  static String tokenError(int status, String body) {
    stubToken(status, body);
    try {
      mcp().completeConnect(pending(), McpCallback.of("state-1", "c"));
    } catch (AtlasMcpException e) {
      return e.getMessage();
    }
    throw new AssertionError("no exception");
  }

  @Test
  void theErrorDetailFollowsTheBodysShape() {
    assertThat(tokenError(500, "")).isEqualTo("Token endpoint returned 500");
    assertThat(tokenError(400, "{\"error\":\"invalid_grant\",\"error_description\":\"expired\","
        + "\"error_uri\":\"https://docs.example.com/e\"}"))
        .isEqualTo("Token endpoint returned 400: invalid_grant: expired: see https://docs.example.com/e");
    assertThat(tokenError(400, "{\"error\":\"invalid_client\"}")).isEqualTo("Token endpoint returned 400: invalid_client");
    assertThat(tokenError(429, "{\"message\":\"Too many requests. Please try again later.\"}"))
        .isEqualTo("Token endpoint returned 429: {\"message\":\"Too many requests. Please try again later.\"}");
    assertThat(tokenError(502, "Bad gateway")).isEqualTo("Token endpoint returned 502: Bad gateway");
    String big = "x".repeat(3000);
    assertThat(tokenError(502, big)).isEqualTo("Token endpoint returned 502: " + "x".repeat(1024) + "…");
  }

  @Test
  void aBodyThatCannotBeReadIsReportedInline() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
        try (Socket s = server.accept()) {
          s.getInputStream().read(new byte[8192]);
          OutputStream out = s.getOutputStream();
          out.write(("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n"
              + "{\"error\":").getBytes(StandardCharsets.US_ASCII));
          out.flush();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      PendingConnect p = PendingConnect.builder().state("s").codeVerifier("v").clientId("c").redirectUri(REDIRECT)
          .tokenEndpoint("http://127.0.0.1:" + server.getLocalPort() + "/token").issuer(issuer()).build();
      assertThatThrownBy(() -> mcp().completeConnect(p, McpCallback.of("s", "code")))
          .isInstanceOfSatisfying(AtlasMcpException.class, e -> assertThat(e.mcpCode()).isEqualTo(McpErrorCode.TOKEN_EXCHANGE_FAILED))
          .hasMessageStartingWith("Token endpoint returned 400: <failed to read response body: ");
      served.join();
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://api.example.com|true", "https://api.example.com:8443/x|true", "http://localhost|true",
      "http://LOCALHOST:3001|true", "http://127.0.0.1:3001|true", "http://api.example.com|false",
      "http://[::1]:3001|false", "http://127.0.0.2|false", "ftp://example.com|false", "not a url|false",
      "/relative/path|false", "''|false"})
  void theHttpsRuleUsesTheCodeOfTheCheck(String url, boolean ok) {
    for (McpErrorCode code : List.of(McpErrorCode.INVALID_API_URL, McpErrorCode.INVALID_TOKEN_ENDPOINT)) {
      if (ok) {
        UrlRules.requireSecure(url, code, "x");
      } else {
        assertThatThrownBy(() -> UrlRules.requireSecure(url, code, "x"))
            .isInstanceOfSatisfying(AtlasMcpException.class, e -> assertThat(e.mcpCode()).isEqualTo(code));
      }
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "ws-123|ws-123", "a/b c|a%2Fb%20c", "~!'()*|~!'()*", "-_.|-_.", "a+b=c&d|a%2Bb%3Dc%26d", "é|%C3%A9",
      "😀|%F0%9F%98%80", "?#%|%3F%23%25", "日本|%E6%97%A5%E6%9C%AC"})
  void encodeComponentMatchesJavaScript(String in, String out) {
    assertThat(UrlRules.encodeComponent(in)).isEqualTo(out);
  }

  @Test
  void encodeComponentRefusesALoneSurrogateAsJavaScriptDoes() {
    assertThatThrownBy(() -> UrlRules.encodeComponent("a\uD800b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void formEncodingIsWhatwg() {
    assertThat(UrlRules.formEncode("mcp:read offline_access")).isEqualTo("mcp%3Aread+offline_access");
    assertThat(UrlRules.formEncode("a/b&c=d*-._~")).isEqualTo("a%2Fb%26c%3Dd*-._%7E");
  }

  @Test
  void trailingSlashesAreAllRemoved() {
    assertThat(UrlRules.stripTrailingSlashes("https://a.example.com///")).isEqualTo("https://a.example.com");
    assertThat(UrlRules.stripTrailingSlashes("https://a.example.com/x")).isEqualTo("https://a.example.com/x");
  }

  @Test
  void pkceIsS256OverTheVerifierDeterministicWithAFixedRandomAndUniqueOtherwise() throws Exception {
    String v = Pkce.randomToken(fixedRandom());
    assertThat(v).isEqualTo(Pkce.randomToken(fixedRandom())).matches("[A-Za-z0-9_-]{43}").doesNotContain("=");
    byte[] expected = new byte[32];
    for (int i = 0; i < 32; i++) {
      expected[i] = (byte) i;
    }
    assertThat(Base64.getUrlDecoder().decode(v)).isEqualTo(expected);
    String challenge = Pkce.challenge(v);
    assertThat(challenge).matches("[A-Za-z0-9_-]{43}").isEqualTo(Base64.getUrlEncoder().withoutPadding()
        .encodeToString(MessageDigest.getInstance("SHA-256").digest(v.getBytes(StandardCharsets.US_ASCII))));
    // RFC 7636 appendix B
    assertThat(Pkce.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
        .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    Set<String> seen = new HashSet<>();
    java.security.SecureRandom real = new java.security.SecureRandom();
    for (int i = 0; i < 100; i++) {
      seen.add(Pkce.randomToken(real));
    }
    assertThat(seen).hasSize(100);
  }

  @Test
  void everyCallCarriesTheUserAgentAndNoCredentials() {
    stubDiscovery();
    stubRegistration();
    mcp().beginConnect("C", REDIRECT);
    received().forEach(r -> {
      assertThat(r.getHeader("User-Agent")).isEqualTo("atlas-java/" + dev.atlas.client.AtlasClient.version() + " (mcp)");
      assertThat(r.containsHeader("Authorization")).isFalse();
    });
    wm.verify(1, postRequestedFor(urlPathEqualTo("/api/auth/oauth2/register")));
  }
}
