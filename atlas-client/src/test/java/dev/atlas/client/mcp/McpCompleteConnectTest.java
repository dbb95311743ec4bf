package dev.atlas.client.mcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** completeConnect and refresh over real HTTP: the checks in order, the token request, the claims. */
class McpCompleteConnectTest extends McpWireMock {
  static final McpCallback OK = McpCallback.of("state-1", "code-abc");

  static McpErrorCode codeOf(Runnable r) {
    try {
      r.run();
    } catch (AtlasMcpException e) {
      return e.mcpCode();
    }
    throw new AssertionError("no AtlasMcpException");
  }

  @Test
  void theHappyPathPostsOneFormAndReturnsTokensAndWorkspace() {
    String token = jwt(claims());
    stubToken(200, tokenBody(token));
    McpTokens t = mcp().completeConnect(pending(), OK);

    assertThat(t.accessToken()).isEqualTo(token);
    assertThat(t.refreshToken()).contains("refresh-abc");
    assertThat(t.workspaceId()).isEqualTo("ws-123");
    assertThat(t.workspaces()).isEmpty();
    assertThat(t.warnings()).isEmpty();
    assertThat(t.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
    assertThat(t.tokenType()).contains("Bearer");
    assertThat(t.scope()).contains("mcp:read offline_access");
    assertThat(t.clientId()).isEqualTo("client-123");
    assertThat(t.toString()).doesNotContain(token).doesNotContain("refresh-abc");
    LoggedRequest req = received().get(0);
    assertThat(received()).hasSize(1);
    assertThat(req.getMethod().getName()).isEqualTo("POST");
    assertThat(req.getUrl()).isEqualTo("/api/auth/oauth2/token");
    assertThat(req.getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(req.getHeader("Accept")).isEqualTo("application/json");
    assertThat(req.containsHeader("Authorization")).isFalse();
    assertThat(req.getBodyAsString()).isEqualTo("grant_type=authorization_code&code=code-abc&redirect_uri="
        + "http%3A%2F%2F127.0.0.1%3A53682%2Fcallback&client_id=client-123&code_verifier=verifier-xyz-0123456789"
        + "&resource=" + UrlRules.formEncode(base() + "/mcp"));
  }

  @Test
  void theResourceDefaultsToTheMcpEndpointAndAnOverrideOrNoneIsHonoured() {
    stubToken(200, tokenBody(jwt(claims())));
    mcp().completeConnect(pending(), OK, "https://mcp.example.com/mcp");
    mcp().completeConnect(pending(), OK, "");
    mcp().completeConnect(pending(), OK, null);
    List<LoggedRequest> calls = received();
    assertThat(calls.get(0).getBodyAsString()).endsWith("&resource=https%3A%2F%2Fmcp.example.com%2Fmcp");
    assertThat(calls.get(1).getBodyAsString()).endsWith("&code_verifier=verifier-xyz-0123456789");
    assertThat(calls.get(2).getBodyAsString()).doesNotContain("resource");
  }

  @Test
  void expiresInThatIsNotAPositiveNumberMeansOneHour() {
    JsonObject body = new JsonObject();
    body.addProperty("access_token", jwt(claims()));
    body.addProperty("expires_in", "7200");
    body.addProperty("refresh_token", 5);
    stubToken(200, body.toString());
    McpTokens t = mcp().completeConnect(pending(), OK);
    assertThat(t.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
    assertThat(t.refreshToken()).isEmpty();
    body.addProperty("expires_in", 60);
    stubToken(200, body.toString());
    assertThat(mcp().completeConnect(pending(), OK).expiresAt()).isEqualTo(NOW.plusSeconds(60));
  }

  @Test
  void aStateMismatchFailsBeforeAnyCall() {
    assertThatThrownBy(() -> mcp().completeConnect(pending(), McpCallback.of("forged", "code-abc")))
        .isInstanceOfSatisfying(AtlasMcpException.class,
            e -> assertThat(e.mcpCode()).isEqualTo(McpErrorCode.CALLBACK_STATE_MISMATCH))
        .hasMessageContaining("state mismatch");
    assertThat(codeOf(() -> mcp().completeConnect(pending(), McpCallback.fromQuery("code=x"))))
        .isEqualTo(McpErrorCode.CALLBACK_STATE_MISMATCH);
    assertThat(received()).isEmpty();
  }

  @Test
  void aMissingCodeAndAnErrorCallbackFailBeforeAnyCall() {
    assertThat(codeOf(() -> mcp().completeConnect(pending(), McpCallback.of("state-1", null))))
        .isEqualTo(McpErrorCode.CALLBACK_MISSING_CODE);
    assertThat(codeOf(() -> mcp().completeConnect(pending(), McpCallback.of("state-1", ""))))
        .isEqualTo(McpErrorCode.CALLBACK_MISSING_CODE);
    McpCallback denied = McpCallback.fromQuery("error=access_denied&error_description=User+denied+access&state=state-1");
    assertThatThrownBy(() -> mcp().completeConnect(pending(), denied))
        .isInstanceOfSatisfying(AtlasMcpException.class, e -> {
          assertThat(e.mcpCode()).isEqualTo(McpErrorCode.TOKEN_EXCHANGE_FAILED);
          assertThat(e.oauthError()).contains("access_denied");
        })
        .hasMessageContaining("access_denied: User denied access");
    assertThat(received()).isEmpty();
  }

  @Test
  void eachFailedCheckHasItsOwnCode() {
    JsonObject noWorkspace = claims();
    noWorkspace.remove(WS_CLAIM);
    stubToken(200, tokenBody(jwt(noWorkspace)));
    assertThat(codeOf(() -> mcp().completeConnect(pending(), OK))).isEqualTo(McpErrorCode.MISSING_WORKSPACE_CLAIM);
    JsonObject emptyWorkspace = claims();
    emptyWorkspace.addProperty(WS_CLAIM, "");
    stubToken(200, tokenBody(jwt(emptyWorkspace)));
    assertThat(codeOf(() -> mcp().completeConnect(pending(), OK))).isEqualTo(McpErrorCode.MISSING_WORKSPACE_CLAIM);

    JsonObject wrongIssuer = claims();
    wrongIssuer.addProperty("iss", "https://evil.example.com/api/auth");
    stubToken(200, tokenBody(jwt(wrongIssuer)));
    assertThat(codeOf(() -> mcp().completeConnect(pending(), OK))).isEqualTo(McpErrorCode.ISSUER_MISMATCH);

    stubToken(400, "{\"error\":\"invalid_request\",\"error_description\":\"missing code_verifier\"}");
    assertThat(codeOf(() -> mcp().completeConnect(pending(), OK))).isEqualTo(McpErrorCode.TOKEN_EXCHANGE_FAILED);

    PendingConnect httpToken = PendingConnect.builder().state("state-1").codeVerifier("v").clientId("c")
        .redirectUri(REDIRECT).tokenEndpoint("http://auth.example.com/token").issuer(issuer()).build();
    assertThat(codeOf(() -> mcp().completeConnect(httpToken, OK))).isEqualTo(McpErrorCode.INVALID_TOKEN_ENDPOINT);
    int calls = received().size();
    assertThat(codeOf(() -> AtlasMcp.forServer("http://api.example.com").completeConnect(pending(), OK)))
        .isEqualTo(McpErrorCode.INVALID_API_URL);
    assertThat(received()).hasSize(calls);
  }

  @Test
  void aTokenErrorCarriesTheOAuthErrorAndDescription() {
    stubToken(401, "{\"error\":\"invalid_request\",\"error_description\":\"code verification failed\"}");
    assertThatThrownBy(() -> mcp().completeConnect(pending(), OK))
        .isInstanceOfSatisfying(AtlasMcpException.class, e -> {
          assertThat(e.httpStatus()).hasValue(401);
          assertThat(e.oauthError()).contains("invalid_request");
        })
        .hasMessage("Token endpoint returned 401: invalid_request: code verification failed");
  }

  @Test
  void aSecondSubmitOfTheSameCodeFailsAfterTwoServerCalls() {
    wm.stubFor(post(urlPathEqualTo("/api/auth/oauth2/token")).inScenario("code").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(json(200, tokenBody(jwt(claims())))).willSetStateTo("used"));
    wm.stubFor(post(urlPathEqualTo("/api/auth/oauth2/token")).inScenario("code").whenScenarioStateIs("used")
        .willReturn(json(401, "{\"error\":\"invalid_grant\",\"error_description\":\"invalid code\"}")));
    AtlasMcp mcp = mcp();
    mcp.completeConnect(pending(), OK);
    assertThatThrownBy(() -> mcp.completeConnect(pending(), OK)).isInstanceOfSatisfying(AtlasMcpException.class,
        e -> assertThat(e.mcpCode()).isEqualTo(McpErrorCode.TOKEN_EXCHANGE_FAILED)).hasMessageContaining("invalid_grant: invalid code");
    assertThat(received()).hasSize(2);
  }

  @Test
  void tokenBodiesWithoutAnAccessTokenOrNotJsonOrNoAnswerAreTokenExchangeFailed() {
    for (String body : List.of("{}", "{\"access_token\":\"\"}", "{\"access_token\":12}", "<html>", "")) {
      stubToken(200, body);
      assertThat(codeOf(() -> mcp().completeConnect(pending(), OK))).as(body).isEqualTo(McpErrorCode.TOKEN_EXCHANGE_FAILED);
    }
    wm.stubFor(post(urlPathEqualTo("/api/auth/oauth2/token")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThat(codeOf(() -> mcp().completeConnect(pending(), OK))).isEqualTo(McpErrorCode.TOKEN_EXCHANGE_FAILED);
  }

  @Test
  void anOpaqueOrBrokenTokenIsMalformedJwt() {
    for (String token : List.of("opaque0123456789abcdefghijklmnop", "a.b", "a.b.c.d", "eyJhbGciOiJFZERTQSJ9.***.sig",
        "eyJhbGciOiJFZERTQSJ9.bm90IGpzb24.sig", "eyJhbGciOiJFZERTQSJ9.WzFd.sig")) {
      stubToken(200, tokenBody(token));
      assertThat(codeOf(() -> mcp().completeConnect(pending(), OK))).as(token).isEqualTo(McpErrorCode.MALFORMED_JWT);
    }
  }

  @Test
  void theIssuerCheckNamesBothIssuers() {
    JsonObject missing = claims();
    missing.remove("iss");
    JsonObject numeric = claims();
    numeric.addProperty("iss", 42);
    JsonObject wrong = claims();
    wrong.addProperty("iss", issuer().toUpperCase());
    for (JsonObject c : List.of(missing, numeric, wrong)) {
      stubToken(200, tokenBody(jwt(c)));
      assertThatThrownBy(() -> mcp().completeConnect(pending(), OK))
          .isInstanceOfSatisfying(AtlasMcpException.class, e -> assertThat(e.mcpCode()).isEqualTo(McpErrorCode.ISSUER_MISMATCH))
          .hasMessageContaining(issuer())
          .hasMessageContaining(c == missing ? "no iss claim" : c == numeric ? "42" : issuer().toUpperCase());
    }
  }

  @Test
  void thePluralWorkspaceClaimIsReadLeniently() {
    JsonObject multi = claims();
    multi.add(WSS_CLAIM, array("ws-123", "ws-2", "ws-123"));
    stubToken(200, tokenBody(jwt(multi)));
    McpTokens t = mcp().completeConnect(pending(), OK);
    assertThat(t.workspaces()).containsExactly("ws-123", "ws-2", "ws-123");
    assertThat(t.warnings()).isEmpty();

    JsonObject notArray = claims();
    notArray.addProperty(WSS_CLAIM, "ws-123");
    stubToken(200, tokenBody(jwt(notArray)));
    t = mcp().completeConnect(pending(), OK);
    assertThat(t.workspaces()).isEmpty();
    assertThat(t.warnings()).singleElement().asString().contains("not an array");

    JsonObject mixed = claims();
    JsonArray a = array("ws-1");
    a.add(JsonNull.INSTANCE);
    a.add(42);
    a.add("");
    a.add("ws-2");
    mixed.add(WSS_CLAIM, a);
    stubToken(200, tokenBody(jwt(mixed)));
    t = mcp().completeConnect(pending(), OK);
    assertThat(t.workspaces()).containsExactly("ws-1", "ws-2");
    assertThat(t.warnings()).singleElement().asString().contains("3 non-string or empty");
  }

  static JsonArray array(String... values) {
    JsonArray a = new JsonArray();
    for (String v : values) {
      a.add(v);
    }
    return a;
  }

  @Test
  void withoutAKeptEndpointDiscoveryRunsAgainAndFillsOnlyWhatIsMissing() {
    stubDiscovery();
    stubToken(200, tokenBody(jwt(claims())));
    PendingConnect noEndpoint = PendingConnect.builder().state("state-1").codeVerifier("v").clientId("c")
        .redirectUri(REDIRECT).build();
    assertThat(mcp().completeConnect(noEndpoint, OK).tokenEndpoint()).isEqualTo(issuer() + "/oauth2/token");
    assertThat(received()).extracting(LoggedRequest::getUrl).containsExactly(OAuthWire.DISCOVERY_PATH,
        "/api/auth/oauth2/token");

    PendingConnect emptyEndpoint = PendingConnect.builder().state("state-1").codeVerifier("v").clientId("c")
        .redirectUri(REDIRECT).tokenEndpoint("").build();
    assertThat(codeOf(() -> mcp().completeConnect(emptyEndpoint, OK))).isEqualTo(McpErrorCode.INVALID_TOKEN_ENDPOINT);
    PendingConnect emptyIssuer = PendingConnect.builder().state("state-1").codeVerifier("v").clientId("c")
        .redirectUri(REDIRECT).issuer("").build();
    assertThat(codeOf(() -> mcp().completeConnect(emptyIssuer, OK))).isEqualTo(McpErrorCode.ISSUER_MISMATCH);
  }

  @Test
  void aTokenEndpointOnHttp127001IsAccepted() {
    stubToken(200, tokenBody(jwt(claims())));
    PendingConnect p = PendingConnect.builder().state("state-1").codeVerifier("v").clientId("c").redirectUri(REDIRECT)
        .tokenEndpoint("http://127.0.0.1:" + wm.getPort() + "/api/auth/oauth2/token").issuer(issuer()).build();
    assertThat(mcp().completeConnect(p, OK).workspaceId()).isEqualTo("ws-123");
    assertThat(received()).hasSize(1);
  }

  @Test
  void secretsTheServerEchoesAreMaskedInTheMessage() {
    stubToken(400, "{\"error\":\"invalid_grant\",\"error_description\":\"code code-abc with verifier "
        + "verifier-xyz-0123456789 is bad\"}");
    assertThatThrownBy(() -> mcp().completeConnect(pending(), OK)).hasMessageNotContaining("code-abc")
        .hasMessageNotContaining("verifier-xyz-0123456789").hasMessageContaining("code **** with verifier ****");
  }

  // ------------------------------------------------------------------ refresh

  @Test
  void refreshPostsTheRefreshGrantWithTheResourceAndRotates() {
    stubToken(200, tokenBody(jwt(claims())));
    McpTokens first = mcp().completeConnect(pending(), OK);
    JsonObject body = new JsonObject();
    body.addProperty("access_token", jwt(claims()));
    body.addProperty("refresh_token", "refresh-new");
    body.addProperty("expires_in", 3600);
    stubToken(200, body.toString());
    McpTokens second = mcp().refresh(first);
    assertThat(second.refreshToken()).contains("refresh-new");
    assertThat(second.workspaceId()).isEqualTo("ws-123");
    assertThat(received().get(1).getBodyAsString()).isEqualTo("grant_type=refresh_token&refresh_token=refresh-abc"
        + "&client_id=client-123&resource=" + UrlRules.formEncode(base() + "/mcp"));

    body.remove("refresh_token");
    stubToken(200, body.toString());
    assertThat(mcp().refresh(second).refreshToken()).as("kept when none is sent").contains("refresh-new");
  }

  @Test
  void refreshFromStoredValuesDiscoversAndAFailedRefreshIsTokenExchangeFailed() {
    stubDiscovery();
    stubToken(200, tokenBody(jwt(claims())));
    McpTokens t = mcp().refresh("client-123", "refresh-abc");
    assertThat(t.tokenEndpoint()).isEqualTo(issuer() + "/oauth2/token");
    assertThat(t.resource()).contains(base() + "/mcp");
    stubToken(401, "{\"error\":\"invalid_grant\",\"error_description\":\"invalid refresh token\"}");
    assertThatThrownBy(() -> mcp().refresh(t)).isInstanceOfSatisfying(AtlasMcpException.class, e -> {
      assertThat(e.mcpCode()).isEqualTo(McpErrorCode.TOKEN_EXCHANGE_FAILED);
      assertThat(e.oauthError()).contains("invalid_grant");
    }).hasMessageNotContaining("refresh-abc");
  }

  @Test
  void refreshWithoutARefreshTokenIsRefusedWithoutACall() {
    JsonObject body = new JsonObject();
    body.addProperty("access_token", jwt(claims()));
    stubToken(200, body.toString());
    McpTokens t = mcp().completeConnect(pending(), OK);
    assertThatThrownBy(() -> mcp().refresh(t)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("offline_access");
    assertThat(received()).hasSize(1);
  }

  @Test
  void machineToMachineIsNeverSupported() {
    assertThatThrownBy(() -> mcp().connectMachineToMachine("id", "secret", List.of("mcp:read")))
        .isInstanceOfSatisfying(AtlasMcpException.class, e -> assertThat(e.mcpCode()).isEqualTo(McpErrorCode.GRANT_NOT_SUPPORTED))
        .hasMessageContaining("client_credentials").hasMessageContaining("authorization-code")
        .hasMessageNotContaining("secret");
    assertThat(received()).isEmpty();
  }
}
