package dev.atlas.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.atlas.client.AtlasClient;
import dev.atlas.client.errors.AtlasInvalidRequestException;
import dev.atlas.client.errors.AtlasNotFoundException;
import dev.atlas.client.generated.model.ListWorkspaceOAuthClientsResponse;
import dev.atlas.client.generated.model.OAuthTokenState;
import dev.atlas.client.mcp.AtlasMcp;
import dev.atlas.client.mcp.AtlasMcpException;
import dev.atlas.client.mcp.ConnectRequest;
import dev.atlas.client.mcp.LoopbackReceiver;
import dev.atlas.client.mcp.McpCallback;
import dev.atlas.client.mcp.McpClientType;
import dev.atlas.client.mcp.McpErrorCode;
import dev.atlas.client.mcp.McpTokens;
import dev.atlas.client.mcp.PendingConnect;
import dev.atlas.client.retry.RetryPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sandbox as authorization server, end to end through the SDK and a loopback receiver. */
class McpSandboxTest {
  static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  final SpecValidatingInterceptor spec = new SpecValidatingInterceptor();
  final List<AutoCloseable> open = new ArrayList<>();

  AtlasSandbox sandbox(AtlasSandbox.Builder b) {
    AtlasSandbox s = b.start();
    open.add(s);
    return s;
  }

  AtlasClient client(AtlasSandbox s) {
    AtlasClient c = AtlasClient.builder().baseUrl(s.baseUrl()).apiKey(s.apiKey()).retryPolicy(RetryPolicy.none())
        .addNetworkInterceptor(spec).build();
    open.add(c);
    return c;
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
    assertThat(spec.problems).isEmpty();
  }

  /** Plays the browser: GET the consent URL, return the redirect's Location. */
  static URI consent(String authorizationUrl) throws Exception {
    HttpResponse<String> r = BROWSER.send(HttpRequest.newBuilder(URI.create(authorizationUrl)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    return URI.create(r.headers().firstValue("Location").orElseThrow());
  }

  static JsonObject claims(String jwt) {
    return JsonParser.parseString(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8))
        .getAsJsonObject();
  }

  @Test
  void connectsThroughTheLoopbackReceiverListsRefreshesAndRevokes() throws Exception {
    AtlasSandbox s = sandbox(AtlasSandbox.builder());
    AtlasClient atlas = client(s);
    McpTokens tokens;
    try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
      PendingConnect p = atlas.mcp().beginConnect(ConnectRequest.of("Claude Desktop", receiver.redirectUri()));
      URI back = consent(p.authorizationUrl().orElseThrow());
      assertThat(back.toString()).startsWith(receiver.redirectUri() + "?code=");
      McpCallback cb = McpCallback.fromUri(back);
      assertThat(cb.issuer()).contains(s.oauthIssuer());
      HttpResponse<String> page = BROWSER.send(HttpRequest.newBuilder(back).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(page.body()).contains("return to the terminal");
      tokens = atlas.mcp().completeConnect(p, receiver.awaitCallback(p.state()));
    }
    assertThat(tokens.workspaceId()).isEqualTo("ws-sandbox");
    assertThat(tokens.workspaces()).isEmpty();
    assertThat(tokens.refreshToken()).isPresent();
    assertThat(s.isSignedAccessToken(tokens.accessToken())).isTrue();
    JsonObject claims = claims(tokens.accessToken());
    assertThat(claims.get("iss").getAsString()).isEqualTo(s.baseUrl() + "/api/auth");
    assertThat(claims.get("aud").getAsString()).isEqualTo(s.baseUrl() + "/mcp");
    assertThat(claims.get("azp").getAsString()).isEqualTo(tokens.clientId());
    assertThat(atlas.mcp().buildConfig(McpClientType.CLAUDE_DESKTOP, tokens).url())
        .isEqualTo(s.baseUrl() + "/mcp/ws-sandbox");

    // as on the server: a registered client gets no user owner, also after consent
    assertThat(atlas.mcp().listAgents().getClients()).isEmpty();

    McpTokens refreshed = atlas.mcp().onboarding().refresh(tokens);
    assertThat(s.isSignedAccessToken(refreshed.accessToken())).isTrue();
    assertThat(refreshed.refreshToken()).isPresent().isNotEqualTo(tokens.refreshToken());
    assertThatThrownBy(() -> atlas.mcp().onboarding().refresh(tokens)).as("the old refresh token was rotated out")
        .isInstanceOfSatisfying(AtlasMcpException.class, e -> assertThat(e.oauthError()).contains("invalid_grant"));

    assertThatThrownBy(() -> atlas.mcp().revokeAgent(tokens.clientId())).as("not the caller's own client")
        .isInstanceOfSatisfying(AtlasNotFoundException.class, e -> assertThat(e.serverMessage())
            .contains("OAuth client not found."));
    assertThat(spec.validated).contains("GET /api/v1/me/oauth-clients -> 200",
        "POST /api/v1/me/oauth-clients/" + tokens.clientId() + "/revoke -> 404");
  }

  /** Registers a client over HTTP, as an SDK does, with the given Authorization header or none. */
  static String register(AtlasSandbox s, String name, String authorization) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.baseUrl() + "/api/auth/oauth2/register"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"client_name\":\""
            + name + "\",\"redirect_uris\":[\"http://127.0.0.1:9/callback\"],\"token_endpoint_auth_method\":\"none\"}"));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    HttpResponse<String> r = BROWSER.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
    return JsonParser.parseString(r.body()).getAsJsonObject().get("client_id").getAsString();
  }

  @Test
  void aClientRegisteredWithTheUsersCredentialIsTheWorkspacesAndItsAdminsRevokeIt() throws Exception {
    AtlasSandbox s = sandbox(AtlasSandbox.builder());
    AtlasClient atlas = client(s);
    String signedIn = register(s, "Claude Desktop", "Bearer " + s.apiKey());
    String anonymous = register(s, "Cursor", null);
    String wrongKey = register(s, "Zed", "Bearer not-the-key");
    // a client of the standalone onboarding, which registers without credentials
    AtlasMcp standalone = AtlasMcp.forServer(s.baseUrl());
    PendingConnect p = standalone.beginConnect(ConnectRequest.of("CLI", "http://127.0.0.1:9/callback"));
    standalone.completeConnect(p, McpCallback.fromUri(consent(p.authorizationUrl().orElseThrow())));

    ListWorkspaceOAuthClientsResponse list = atlas.admin().agents().list();
    assertThat(list.getClients()).as("only the client registered with the user's credential")
        .singleElement().satisfies(a -> {
          assertThat(a.getClientId()).isEqualTo(signedIn);
          assertThat(a.getClientName()).isEqualTo("Claude Desktop");
          assertThat(a.getTokenState()).isEqualTo(OAuthTokenState.RECONNECT_REQUIRED);
          assertThat(a.getRateLimitPerMinute()).isNull();
          assertThat(a.getCreatedAt().isParsed()).isTrue();
        });
    assertThat(atlas.mcp().listAgents().getClients()).as("no kind has a user owner").isEmpty();

    assertThat(atlas.admin().agents().setRateLimit(signedIn, 120).getRateLimitPerMinute()).isEqualTo(120);
    assertThat(atlas.admin().agents().list().getClients().get(0).getRateLimitPerMinute()).isEqualTo(120);
    assertThat(atlas.admin().agents().clearRateLimit(signedIn).getRateLimitPerMinute()).isNull();
    assertThat(atlas.admin().agents().list().getClients().get(0).getRateLimitPerMinute()).isNull();
    HttpResponse<String> missing = BROWSER.send(HttpRequest.newBuilder(URI.create(s.baseUrl()
            + "/api/v1/admin/oauth-clients/" + signedIn + "/rate-limit")).header("Authorization", "Bearer " + s.apiKey())
        .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(missing.statusCode()).isEqualTo(422);
    assertThat(missing.body()).contains("\"validation_error\"", "requestsPerMinute");

    for (String foreign : List.of(anonymous, wrongKey, p.clientId())) {
      assertThatThrownBy(() -> atlas.admin().agents().revoke(foreign)).as("a client of no workspace")
          .isInstanceOfSatisfying(AtlasNotFoundException.class, e -> assertThat(e.serverMessage())
              .contains("OAuth client not found in this workspace."));
      assertThatThrownBy(() -> atlas.admin().agents().setRateLimit(foreign, 10)).isInstanceOf(AtlasNotFoundException.class);
    }
    assertThat(atlas.admin().agents().revoke(signedIn).getSuccess()).isTrue();
    assertThat(atlas.admin().agents().list().getClients()).isEmpty();
    assertThatThrownBy(() -> atlas.admin().agents().revoke(signedIn)).as("already revoked")
        .isInstanceOf(AtlasNotFoundException.class);
    assertThat(spec.validated).contains("GET /api/v1/admin/oauth-clients -> 200",
        "PATCH /api/v1/admin/oauth-clients/" + signedIn + "/rate-limit -> 200",
        "POST /api/v1/admin/oauth-clients/" + signedIn + "/revoke -> 200",
        "POST /api/v1/admin/oauth-clients/" + signedIn + "/revoke -> 404");
  }

  @Test
  void theServersErrorAnswersReachTheSdk() throws Exception {
    AtlasSandbox s = sandbox(AtlasSandbox.builder());
    AtlasMcp mcp = AtlasMcp.forServer(s.baseUrl());
    String redirect = "http://127.0.0.1:9/callback";
    PendingConnect p = mcp.beginConnect(ConnectRequest.of("CLI", redirect));
    McpCallback cb = McpCallback.fromUri(consent(p.authorizationUrl().orElseThrow()));
    PendingConnect wrongVerifier = PendingConnect.builder().state(p.state()).codeVerifier("x".repeat(43))
        .clientId(p.clientId()).redirectUri(redirect).tokenEndpoint(p.tokenEndpoint().orElseThrow())
        .issuer(p.issuer().orElseThrow()).build();
    assertThatThrownBy(() -> mcp.completeConnect(wrongVerifier, cb)).isInstanceOfSatisfying(AtlasMcpException.class,
        e -> assertThat(e.httpStatus()).hasValue(401))
        .hasMessage("Token endpoint returned 401: invalid_request: code verification failed");
    assertThatThrownBy(() -> mcp.completeConnect(p, cb)).as("a code is single-use")
        .isInstanceOfSatisfying(AtlasMcpException.class, e -> assertThat(e.mcpCode()).isEqualTo(McpErrorCode.TOKEN_EXCHANGE_FAILED))
        .hasMessage("Token endpoint returned 401: invalid_grant: invalid code");

    McpCallback fresh = McpCallback.fromUri(consent(p.authorizationUrl().orElseThrow()));
    assertThatThrownBy(() -> mcp.completeConnect(p, fresh, null)).as("no resource: an opaque token")
        .isInstanceOfSatisfying(AtlasMcpException.class, e -> assertThat(e.mcpCode()).isEqualTo(McpErrorCode.MALFORMED_JWT));

    String plain = p.authorizationUrl().orElseThrow().replace("code_challenge_method=S256", "code_challenge_method=plain");
    HttpResponse<String> r = BROWSER.send(HttpRequest.newBuilder(URI.create(plain)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("VALIDATION_ERROR");

    String widened = p.authorizationUrl().orElseThrow().replace("scope=mcp%3Aread+offline_access", "scope=mcp%3Awrite");
    McpCallback refused = McpCallback.fromUri(consent(widened));
    assertThat(refused.error()).contains("invalid_scope");
    assertThatThrownBy(() -> mcp.completeConnect(p, refused)).isInstanceOfSatisfying(AtlasMcpException.class,
        e -> assertThat(e.oauthError()).contains("invalid_scope"));

    assertThatThrownBy(() -> mcp.beginConnect(ConnectRequest.of("CLI", "http://evil.example.com/cb")))
        .isInstanceOfSatisfying(AtlasMcpException.class, e -> assertThat(e.mcpCode()).isEqualTo(McpErrorCode.REGISTRATION_FAILED))
        .hasMessageContaining("Redirect URI must use HTTPS");
    assertThatThrownBy(() -> mcp.beginConnect(ConnectRequest.of("CLI", redirect).withScopes(List.of("mcp:admin"))))
        .hasMessage("Dynamic Client Registration returned 400: invalid_scope: cannot request scope mcp:admin");
  }

  @Test
  void multiWorkspaceTokensCarryThePluralClaimAndTheConfigGetsEnv() throws Exception {
    AtlasSandbox s = sandbox(AtlasSandbox.builder().workspaces("ws-a", "ws-b"));
    AtlasMcp mcp = AtlasMcp.forServer(s.baseUrl());
    PendingConnect p = mcp.beginConnect(ConnectRequest.of("Cursor", "http://localhost:9/cb"));
    McpTokens t = mcp.completeConnect(p, McpCallback.fromUri(consent(p.authorizationUrl().orElseThrow())));
    assertThat(t.workspaceId()).isEqualTo("ws-a");
    assertThat(t.workspaces()).containsExactly("ws-a", "ws-b");
    assertThat(mcp.buildConfig(McpClientType.CURSOR, t).json()).contains("\"ATLAS_DEFAULT_WORKSPACE\": \"ws-a\"");
  }

  @Test
  void inApiKeyModeDiscoveryIs404AndThereAreNoAgents() {
    AtlasSandbox s = sandbox(AtlasSandbox.builder().oauth(false));
    AtlasClient atlas = client(s);
    assertThatThrownBy(() -> atlas.mcp().beginConnect(ConnectRequest.of("CLI", "http://127.0.0.1:9/cb")))
        .isInstanceOfSatisfying(AtlasMcpException.class, e -> {
          assertThat(e.mcpCode()).isEqualTo(McpErrorCode.DISCOVERY_FAILED);
          assertThat(e.httpStatus()).hasValue(404);
        })
        .hasMessage("Atlas auth discovery returned 404 for " + s.baseUrl() + "/.well-known/oauth-authorization-server"
            + "/api/auth: not_found: OAuth metadata endpoints are only available when managed auth is enabled.");
    assertThat(atlas.mcp().listAgents().getClients()).isEmpty();
    assertThatThrownBy(() -> atlas.mcp().revokeAgent("claude-desktop")).isInstanceOf(AtlasNotFoundException.class);
    assertThat(atlas.admin().agents().list().getClients()).isEmpty();
    assertThatThrownBy(() -> atlas.admin().agents().revoke("claude-desktop")).isInstanceOf(AtlasNotFoundException.class);
    assertThatThrownBy(() -> atlas.mcp().revokeAgent("a".repeat(300))).isInstanceOfSatisfying(
        AtlasInvalidRequestException.class, e -> assertThat(e.details()).isNotEmpty());
  }

  @Test
  void theDiscoveryDocumentsAreServedWithCors() throws Exception {
    AtlasSandbox s = sandbox(AtlasSandbox.builder());
    for (String path : List.of("/.well-known/oauth-authorization-server/api/auth", "/.well-known/openid-configuration/api/auth",
        "/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource/mcp/ws-sandbox")) {
      HttpResponse<String> r = BROWSER.send(HttpRequest.newBuilder(URI.create(s.baseUrl() + path)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }
    HttpResponse<String> jwks = BROWSER.send(HttpRequest.newBuilder(URI.create(s.baseUrl() + "/api/auth/jwks")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(jwks.body()).contains("\"crv\":\"Ed25519\"");
  }
}
