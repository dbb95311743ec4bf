package dev.atlas.client.mcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A WireMock authorization server on 127.0.0.1 and the helpers of the MCP tests. */
abstract class McpWireMock {
  static final Instant NOW = Instant.parse("2026-11-27T16:00:00Z");
  static final String WS_CLAIM = "https://atlas.useatlas.dev/workspace_id";
  static final String WSS_CLAIM = "https://atlas.useatlas.dev/workspace_ids";
  static final String REDIRECT = "http://127.0.0.1:53682/callback";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @org.junit.jupiter.api.AfterEach
  void recordOperations() {
    dev.atlas.client.OperationJournal.record(wm.getAllServeEvents());
  }

  static String base() {
    return wm.baseUrl();
  }

  static String issuer() {
    return base() + "/api/auth";
  }

  static AtlasMcp mcp() {
    return AtlasMcp.builder().apiUrl(base()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  }

  /** Serves the discovery document with endpoints on WireMock. */
  static void stubDiscovery() {
    stubDiscovery(issuer() + "/oauth2/authorize");
  }

  static void stubDiscovery(String authorizationEndpoint) {
    JsonObject m = new JsonObject();
    m.addProperty("issuer", issuer());
    m.addProperty("authorization_endpoint", authorizationEndpoint);
    m.addProperty("token_endpoint", issuer() + "/oauth2/token");
    m.addProperty("registration_endpoint", issuer() + "/oauth2/register");
    m.addProperty("jwks_uri", issuer() + "/jwks");
    wm.stubFor(get(urlEqualTo(OAuthWire.DISCOVERY_PATH)).willReturn(json(200, m.toString())));
  }

  static void stubRegistration() {
    wm.stubFor(post(urlPathEqualTo("/api/auth/oauth2/register")).willReturn(json(200,
        "{\"client_id\":\"client-123\",\"client_name\":\"Claude\",\"public\":true}")));
  }

  static void stubToken(int status, String body) {
    wm.stubFor(post(urlPathEqualTo("/api/auth/oauth2/token")).willReturn(json(status, body)));
  }

  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  /** @return an unsigned JWT with these claims (the SDK does not check signatures) */
  static String jwt(JsonObject claims) {
    Base64.Encoder e = Base64.getUrlEncoder().withoutPadding();
    return e.encodeToString("{\"alg\":\"EdDSA\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + e.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
  }

  /** @return the claims of a good single-workspace token */
  static JsonObject claims() {
    JsonObject c = new JsonObject();
    c.addProperty(WS_CLAIM, "ws-123");
    c.addProperty("iss", issuer());
    c.addProperty("sub", "user-1");
    c.addProperty("aud", base() + "/mcp");
    return c;
  }

  static String tokenBody(String accessToken) {
    JsonObject o = new JsonObject();
    o.addProperty("access_token", accessToken);
    o.addProperty("refresh_token", "refresh-abc");
    o.addProperty("token_type", "Bearer");
    o.addProperty("expires_in", 3600);
    o.addProperty("scope", "mcp:read offline_access");
    return o.toString();
  }

  /** @return a pending connection as beginConnect would keep it */
  static PendingConnect pending() {
    return PendingConnect.builder().state("state-1").codeVerifier("verifier-xyz-0123456789").clientId("client-123")
        .redirectUri(REDIRECT).tokenEndpoint(issuer() + "/oauth2/token").issuer(issuer()).build();
  }

  /** @return every request WireMock received in this test, oldest first */
  static List<LoggedRequest> received() {
    List<LoggedRequest> all = new ArrayList<>(wm.getAllServeEvents().stream().map(e -> e.getRequest()).toList());
    Collections.reverse(all);
    return all;
  }

  /** A random source that gives the same bytes every time: for deterministic PKCE. */
  static SecureRandom fixedRandom() {
    return new SecureRandom() {
      private static final long serialVersionUID = 1L;

      @Override
      public void nextBytes(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
          bytes[i] = (byte) i;
        }
      }
    };
  }
}
