package dev.atlas.client.mcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** beginConnect over real HTTP: discovery, registration, the authorization URL, and each failure. */
class McpBeginConnectTest extends McpWireMock {

  static Map<String, String> query(String url) {
    HttpUrl u = HttpUrl.get(url);
    return u.queryParameterNames().stream().collect(Collectors.toMap(n -> n, u::queryParameter));
  }

  @Test
  void makesExactlyTwoCallsDiscoveryThenRegistrationAndBuildsTheUrl() {
    stubDiscovery();
    stubRegistration();
    PendingConnect p = mcp().beginConnect("Claude Desktop", REDIRECT);

    List<LoggedRequest> calls = received();
    assertThat(calls).hasSize(2);
    assertThat(calls.get(0).getMethod().getName()).isEqualTo("GET");
    assertThat(calls.get(0).getUrl()).isEqualTo(OAuthWire.DISCOVERY_PATH);
    assertThat(calls.get(0).getHeader("Accept")).isEqualTo("application/json");
    LoggedRequest dcr = calls.get(1);
    assertThat(dcr.getMethod().getName()).isEqualTo("POST");
    assertThat(dcr.getUrl()).isEqualTo("/api/auth/oauth2/register");
    assertThat(dcr.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(dcr.getHeader("Accept")).isEqualTo("application/json");
    assertThat(dcr.containsHeader("Authorization")).isFalse();
    JsonObject body = JsonParser.parseString(dcr.getBodyAsString()).getAsJsonObject();
    assertThat(body).isEqualTo(JsonParser.parseString("{\"client_name\":\"Claude Desktop\",\"redirect_uris\":[\""
        + REDIRECT + "\"],\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"response_types\":[\"code\"],"
        + "\"scope\":\"mcp:read offline_access\",\"token_endpoint_auth_method\":\"none\"}"));

    String url = p.authorizationUrl().orElseThrow();
    assertThat(url).startsWith(issuer() + "/oauth2/authorize?response_type=code&client_id=client-123&redirect_uri=");
    Map<String, String> q = query(url);
    assertThat(HttpUrl.get(url).queryParameterNames()).containsExactly("response_type", "client_id", "redirect_uri",
        "scope", "state", "code_challenge", "code_challenge_method");
    assertThat(q).containsEntry("client_id", "client-123").containsEntry("state", p.state())
        .containsEntry("code_challenge_method", "S256").containsEntry("code_challenge", Pkce.challenge(p.codeVerifier()))
        .containsEntry("redirect_uri", REDIRECT).containsEntry("scope", "mcp:read offline_access");
    assertThat(url).contains("&scope=mcp%3Aread+offline_access&").contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A53682%2Fcallback")
        .doesNotContain("resource=");
    assertThat(p.clientId()).isEqualTo("client-123");
    assertThat(p.tokenEndpoint()).contains(issuer() + "/oauth2/token");
    assertThat(p.issuer()).contains(issuer());
    assertThat(p.redirectUri()).isEqualTo(REDIRECT);
  }

  @Test
  void customScopesReachTheUrlAndTheRegistrationSpaceJoined() {
    stubDiscovery();
    stubRegistration();
    PendingConnect p = mcp().beginConnect(ConnectRequest.of("Cursor", REDIRECT).withScopes(List.of("mcp:read", "mcp:write")));
    assertThat(p.authorizationUrl().orElseThrow()).contains("scope=mcp%3Aread+mcp%3Awrite");
    assertThat(JsonParser.parseString(received().get(1).getBodyAsString()).getAsJsonObject().get("scope").getAsString())
        .isEqualTo("mcp:read mcp:write");
  }

  @Test
  void anEndpointWithAQueryGetsAmpersandAndValuesAreFormEncoded() {
    stubDiscovery(issuer() + "/oauth2/authorize?prompt=consent");
    stubRegistration();
    String redirect = "https://app.example.com/cb?next=/a&b=c d";
    String url = mcp().beginConnect("X", redirect).authorizationUrl().orElseThrow();
    assertThat(url).startsWith(issuer() + "/oauth2/authorize?prompt=consent&response_type=code&")
        .contains("redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb%3Fnext%3D%2Fa%26b%3Dc+d&");
    assertThat(query(url)).containsEntry("redirect_uri", redirect).containsEntry("prompt", "consent");
  }

  @Test
  void theWorkspaceIdOptionIsAcceptedAndChangesNothing() {
    stubDiscovery();
    stubRegistration();
    AtlasMcp mcp = AtlasMcp.builder().apiUrl(base()).secureRandom(fixedRandom()).build();
    String plain = mcp.beginConnect(ConnectRequest.of("C", REDIRECT)).authorizationUrl().orElseThrow();
    String hinted = mcp.beginConnect(ConnectRequest.of("C", REDIRECT).withWorkspaceId("ws-9")).authorizationUrl()
        .orElseThrow();
    assertThat(hinted).isEqualTo(plain).doesNotContain("ws-9");
    List<LoggedRequest> calls = received();
    assertThat(calls).hasSize(4);
    assertThat(calls.get(3).getBodyAsString()).isEqualTo(calls.get(1).getBodyAsString()).doesNotContain("ws-9");
  }

  @Test
  void removesRepeatedTrailingSlashesBeforeDiscovery() {
    stubDiscovery();
    stubRegistration();
    AtlasMcp mcp = AtlasMcp.forServer(base() + "///");
    assertThat(mcp.apiUrl()).isEqualTo(base());
    mcp.beginConnect("C", REDIRECT);
    assertThat(received().get(0).getUrl()).isEqualTo(OAuthWire.DISCOVERY_PATH);
  }

  @Test
  void plainHttpToAnotherHostIsRejectedBeforeAnyCall() {
    assertThatThrownBy(() -> AtlasMcp.forServer("http://evil.example.com").beginConnect("C", REDIRECT))
        .isInstanceOfSatisfying(AtlasMcpException.class, e -> assertThat(e.mcpCode()).isEqualTo(McpErrorCode.INVALID_API_URL))
        .hasMessageContaining("https");
    assertThatThrownBy(() -> AtlasMcp.forServer("not a url").beginConnect("C", REDIRECT))
        .isInstanceOfSatisfying(AtlasMcpException.class, e -> assertThat(e.mcpCode()).isEqualTo(McpErrorCode.INVALID_API_URL));
    assertThat(received()).isEmpty();
  }

  @Test
  void httpOnLocalhostIsAccepted() {
    stubDiscovery();
    stubRegistration();
    String localhost = "http://localhost:" + wm.getPort();
    PendingConnect p = AtlasMcp.forServer(localhost).beginConnect("C", REDIRECT);
    assertThat(p.clientId()).isEqualTo("client-123");
  }

  static Stream<String[]> discoveryFailures() {
    return Stream.of(
        new String[] {"404", "{\"error\":\"not_found\",\"message\":\"OAuth metadata endpoints are only available when "
            + "managed auth is enabled.\"}", "returned 404 for " + "URL" + OAuthWire.DISCOVERY_PATH
            + ": not_found: OAuth metadata endpoints are only available"},
        new String[] {"200", "<!doctype html><html>Sign in</html>", "not a JSON object"},
        new String[] {"200", "{\"issuer\":\"x\",\"authorization_endpoint\":\"y\",\"registration_endpoint\":\"z\"}",
            "no string token_endpoint"},
        new String[] {"200", "{\"issuer\":42,\"authorization_endpoint\":\"y\",\"registration_endpoint\":\"z\","
            + "\"token_endpoint\":\"t\"}", "no string issuer"});
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("discoveryFailures")
  void eachDiscoveryFailureIsDiscoveryFailed(String status, String body, String expected) {
    String[] c = {status, body, expected};
    wm.stubFor(get(urlEqualTo(OAuthWire.DISCOVERY_PATH)).willReturn(aResponse().withStatus(Integer.parseInt(c[0]))
        .withHeader("Content-Type", c[1].startsWith("<") ? "text/html" : "application/json").withBody(c[1])));
    assertThatThrownBy(() -> mcp().beginConnect("C", REDIRECT))
        .isInstanceOfSatisfying(AtlasMcpException.class, e -> assertThat(e.mcpCode()).isEqualTo(McpErrorCode.DISCOVERY_FAILED))
        .hasMessageContaining(c[2].replace("URL", base()));
    assertThat(received()).hasSize(1);
  }

  @Test
  void aNetworkErrorInDiscoveryIsDiscoveryFailedWithTheCauseKept() {
    wm.stubFor(get(urlEqualTo(OAuthWire.DISCOVERY_PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThatThrownBy(() -> mcp().beginConnect("C", REDIRECT))
        .isInstanceOfSatisfying(AtlasMcpException.class, e -> {
          assertThat(e.mcpCode()).isEqualTo(McpErrorCode.DISCOVERY_FAILED);
          assertThat(e.getCause()).isInstanceOf(dev.atlas.client.errors.AtlasConnectionException.class)
              .hasCauseInstanceOf(java.io.IOException.class);
          assertThat(e.httpStatus()).isEmpty();
        });
  }

  @Test
  void aRegistration400IsRegistrationFailedWithTheOAuthErrorText() {
    stubDiscovery();
    wm.stubFor(post(urlPathEqualTo("/api/auth/oauth2/register")).willReturn(json(400,
        "{\"error\":\"invalid_scope\",\"error_description\":\"cannot request scope mcp:admin\"}")));
    assertThatThrownBy(() -> mcp().beginConnect(ConnectRequest.of("C", REDIRECT).withScopes(List.of("mcp:admin"))))
        .isInstanceOfSatisfying(AtlasMcpException.class, e -> {
          assertThat(e.mcpCode()).isEqualTo(McpErrorCode.REGISTRATION_FAILED);
          assertThat(e.httpStatus()).hasValue(400);
          assertThat(e.oauthError()).contains("invalid_scope");
        })
        .hasMessage("Dynamic Client Registration returned 400: invalid_scope: cannot request scope mcp:admin");
  }

  @Test
  void aValidationErrorBodyThatIsNotOAuthShapedIsQuotedRaw() {
    stubDiscovery();
    String body = "{\"message\":\"[body.redirect_uris.0] Redirect URI must use HTTPS (HTTP allowed only for loopback "
        + "hosts)\",\"code\":\"VALIDATION_ERROR\"}";
    wm.stubFor(post(urlPathEqualTo("/api/auth/oauth2/register")).willReturn(json(400, body)));
    assertThatThrownBy(() -> mcp().beginConnect("C", "http://evil.example.com/cb"))
        .isInstanceOf(AtlasMcpException.class).hasMessage("Dynamic Client Registration returned 400: " + body);
  }

  static Stream<String[]> registrationBodies() {
    return Stream.of(new String[] {"not json", "not a JSON object"}, new String[] {"{}", "no client_id"},
        new String[] {"{\"client_id\":\"\"}", "no client_id"}, new String[] {"{\"client_id\":7}", "no client_id"});
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("registrationBodies")
  void aRegistrationWithoutAClientIdIsRegistrationFailed(String body, String expected) {
    String[] c = {body, expected};
    stubDiscovery();
    wm.stubFor(post(urlPathEqualTo("/api/auth/oauth2/register")).willReturn(json(200, c[0])));
    assertThatThrownBy(() -> mcp().beginConnect("C", REDIRECT))
        .isInstanceOfSatisfying(AtlasMcpException.class, e -> assertThat(e.mcpCode()).isEqualTo(McpErrorCode.REGISTRATION_FAILED))
        .hasMessageContaining(c[1]);
  }

  @Test
  void aNetworkErrorInRegistrationIsRegistrationFailed() {
    stubDiscovery();
    wm.stubFor(post(urlPathEqualTo("/api/auth/oauth2/register")).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    assertThatThrownBy(() -> mcp().beginConnect("C", REDIRECT))
        .isInstanceOfSatisfying(AtlasMcpException.class, e -> {
          assertThat(e.mcpCode()).isEqualTo(McpErrorCode.REGISTRATION_FAILED);
          assertThat(e.getCause()).isNotNull();
        });
  }

  @Test
  void statesAndVerifiersAreFreshBase64UrlAndTheVerifierNeverShows() {
    stubDiscovery();
    stubRegistration();
    PendingConnect a = mcp().beginConnect("C", REDIRECT);
    PendingConnect b = mcp().beginConnect("C", REDIRECT);
    for (PendingConnect p : List.of(a, b)) {
      assertThat(p.state()).matches("[A-Za-z0-9_-]{43}");
      assertThat(p.codeVerifier()).matches("[A-Za-z0-9_-]{43}");
      assertThat(p.toString()).doesNotContain(p.codeVerifier()).contains("client-123");
    }
    assertThat(a.state()).isNotEqualTo(b.state()).isNotEqualTo(a.codeVerifier());
    assertThat(a.codeVerifier()).isNotEqualTo(b.codeVerifier());
  }
}
