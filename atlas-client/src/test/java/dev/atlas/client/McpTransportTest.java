package dev.atlas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.atlas.client.errors.AtlasConnectionException;
import dev.atlas.client.errors.AtlasErrorCode;
import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.mcp.AtlasMcp;
import dev.atlas.client.mcp.AtlasMcpException;
import dev.atlas.client.mcp.ConnectRequest;
import dev.atlas.client.mcp.McpCallback;
import dev.atlas.client.mcp.McpErrorCode;
import dev.atlas.client.mcp.PendingConnect;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The MCP onboarding's OAuth calls go through the client's transport (listeners, HTTP log,
 * failure hints) and carry the client's credential on the dynamic client registration only.
 */
class McpTransportTest extends WireMockSupport {
  private static final String REDIRECT = "http://127.0.0.1:9/callback";

  private static String issuer() {
    return wm.baseUrl() + "/api/auth";
  }

  private static void stubFlow() {
    wm.stubFor(get(urlEqualTo("/.well-known/oauth-authorization-server/api/auth")).willReturn(json(200,
        "{\"issuer\":\"" + issuer() + "\",\"authorization_endpoint\":\"" + issuer() + "/oauth2/authorize\","
            + "\"token_endpoint\":\"" + issuer() + "/oauth2/token\",\"registration_endpoint\":\"" + issuer()
            + "/oauth2/register\"}")));
    wm.stubFor(post(urlEqualTo("/api/auth/oauth2/register")).willReturn(json(200, "{\"client_id\":\"c-1\"}")));
    Base64.Encoder e = Base64.getUrlEncoder().withoutPadding();
    String claims = "{\"iss\":\"" + issuer() + "\",\"https://atlas.useatlas.dev/workspace_id\":\"ws-1\"}";
    String jwt = e.encodeToString("{\"alg\":\"EdDSA\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + e.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    wm.stubFor(post(urlEqualTo("/api/auth/oauth2/token")).willReturn(json(200, "{\"access_token\":\"" + jwt
        + "\",\"refresh_token\":\"rt-secret-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  private static LoggedRequest only(String path) {
    List<LoggedRequest> r = received().stream().filter(x -> x.getUrl().equals(path)).toList();
    assertThat(r).as(path).hasSize(1);
    return r.get(0);
  }

  private static boolean carriesCredential(LoggedRequest r) {
    return r.containsHeader("Authorization") || r.containsHeader("X-API-Key")
        || r.getBodyAsString().contains(API_KEY);
  }

  private static McpCallback callbackFor(PendingConnect p) {
    return McpCallback.of(p.state(), "the-code");
  }

  @Test
  void aBoundBeginConnectSendsTheClientsCredentialOnTheRegistrationOnly() {
    stubFlow();
    PendingConnect p;
    try (AtlasClient atlas = builder().apiKey(API_KEY).build()) {
      p = atlas.mcp().beginConnect(ConnectRequest.of("CLI", REDIRECT));
      atlas.mcp().completeConnect(p, callbackFor(p));
    }
    assertThat(only("/api/auth/oauth2/register").getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
    assertThat(carriesCredential(only("/.well-known/oauth-authorization-server/api/auth"))).isFalse();
    assertThat(carriesCredential(only("/api/auth/oauth2/token"))).isFalse();
    assertThat(p.authorizationUrl().orElseThrow()).doesNotContain(API_KEY);
  }

  @Test
  void theRegistrationCarriesTheCredentialInTheHeaderTheClientUses() {
    stubFlow();
    try (AtlasClient atlas = builder().apiKey(API_KEY).apiKeyHeader(ApiKeyHeader.X_API_KEY).build()) {
      atlas.mcp().beginConnect(ConnectRequest.of("CLI", REDIRECT));
    }
    LoggedRequest register = only("/api/auth/oauth2/register");
    assertThat(register.getHeader("X-API-Key")).isEqualTo(API_KEY);
    assertThat(register.containsHeader("Authorization")).isFalse();
  }

  @Test
  void theStandaloneFormRegistersAnonymously() {
    stubFlow();
    AtlasMcp mcp = AtlasMcp.forServer(wm.baseUrl());
    PendingConnect p = mcp.beginConnect("CLI", REDIRECT);
    mcp.completeConnect(p, callbackFor(p));
    assertThat(received()).hasSize(3).noneMatch(McpTransportTest::carriesCredential);
  }

  @Test
  void theOAuthCallsReachTheClientsListenersByName() {
    stubFlow();
    List<String> heard = new CopyOnWriteArrayList<>();
    AtlasListener listener = new AtlasListener() {
      @Override
      public void callEnded(CallInfo call, CallResult result) {
        heard.add(call.operation() + " " + call.method() + " " + result.status().orElse(0));
      }
    };
    try (AtlasClient atlas = builder().apiKey(API_KEY).addListener(listener).build()) {
      PendingConnect p = atlas.mcp().beginConnect(ConnectRequest.of("CLI", REDIRECT));
      atlas.mcp().completeConnect(p, callbackFor(p));
    }
    assertThat(heard).containsExactly("discoverOAuthServer GET 200", "registerOAuthClient POST 200",
        "exchangeOAuthCode POST 200");
  }

  @Test
  void theInterceptorsAddedForTheApiDoNotSeeTheOAuthCalls() {
    stubFlow();
    List<String> seen = new CopyOnWriteArrayList<>();
    okhttp3.Interceptor spy = chain -> {
      seen.add(chain.request().url().encodedPath());
      return chain.proceed(chain.request());
    };
    try (AtlasClient atlas = builder().apiKey(API_KEY).addInterceptor(spy).addNetworkInterceptor(spy).build()) {
      atlas.mcp().beginConnect(ConnectRequest.of("CLI", REDIRECT));
    }
    assertThat(received()).hasSize(2);
    assertThat(seen).isEmpty();
  }

  @Test
  void theHttpLogShowsTheOAuthCallsWithTheirSecretsMasked() {
    stubFlow();
    List<String> lines = new CopyOnWriteArrayList<>();
    try (AtlasClient atlas = builder().apiKey(API_KEY).httpLogging(HttpLogLevel.BODY, lines::add).build()) {
      PendingConnect p = atlas.mcp().beginConnect(ConnectRequest.of("CLI", REDIRECT));
      atlas.mcp().completeConnect(p, callbackFor(p));
    }
    String log = String.join("\n", lines);
    assertThat(log).contains("/.well-known/oauth-authorization-server/api/auth", "/api/auth/oauth2/register",
        "/api/auth/oauth2/token", "\"access_token\":\"****\"", "code=****");
    assertThat(log).doesNotContain(API_KEY, "rt-secret-1", "the-code", "eyJ");
  }

  @Test
  void aTransportFailureIsAnAtlasExceptionWithTheTransportsHint() {
    wm.stubFor(get(urlEqualTo("/.well-known/oauth-authorization-server/api/auth"))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThatThrownBy(() -> client().mcp().beginConnect(ConnectRequest.of("CLI", REDIRECT)))
        .isInstanceOfSatisfying(AtlasMcpException.class, e -> {
          assertThat(e.mcpCode()).isEqualTo(McpErrorCode.DISCOVERY_FAILED);
          assertThat(e.code()).isEqualTo(AtlasErrorCode.NETWORK_ERROR);
          assertThat(e.getCause()).isInstanceOf(AtlasConnectionException.class);
          assertThat(e.getMessage()).contains("Connection failed");
        });
  }

  @Test
  void aRefusedConnectionSaysWhereAsAnApiCallWould() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    AtlasMcp mcp = AtlasMcp.forServer("http://127.0.0.1:" + port);
    assertThatThrownBy(() -> mcp.beginConnect("CLI", REDIRECT)).isInstanceOfSatisfying(AtlasException.class, e -> {
      assertThat(e).isInstanceOf(AtlasMcpException.class);
      assertThat(e.getMessage()).contains("Could not connect to 127.0.0.1:" + port);
      assertThat(e.retryable()).isTrue();
      assertThat(e.requestMayHaveReachedServer()).isFalse();
    });
  }

  @Test
  void oneCatchOfAtlasExceptionCoversTheWholeMcpGroup() {
    wm.stubFor(get(urlEqualTo("/.well-known/oauth-authorization-server/api/auth")).willReturn(json(404,
        "{\"error\":\"not_found\",\"message\":\"no\"}")));
    AtlasException caught = null;
    try {
      client().mcp().beginConnect(ConnectRequest.of("CLI", REDIRECT));
    } catch (AtlasException e) {
      caught = e;
    }
    assertThat(caught).isInstanceOf(AtlasMcpException.class);
    assertThat(caught.status()).isEqualTo(404);
    assertThat(caught.rawCode()).isEqualTo("discovery_failed");
  }
}
