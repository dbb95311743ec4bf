package dev.atlas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.atlas.client.errors.AtlasErrorCode;
import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.errors.AtlasNotFoundException;
import dev.atlas.client.generated.model.ListOAuthClientsResponse;
import dev.atlas.client.generated.model.OAuthClient;
import dev.atlas.client.generated.model.OAuthTokenState;
import dev.atlas.client.generated.model.OAuthWorkspaceScope;
import dev.atlas.client.generated.model.RevokeOAuthClientResponse;
import dev.atlas.client.mcp.AtlasMcpException;
import dev.atlas.client.mcp.ConnectRequest;
import dev.atlas.client.mcp.McpErrorCode;
import org.junit.jupiter.api.Test;

/** atlas.mcp(): the agents calls with the client's credentials, the OAuth flow without them. */
class McpAgentsTest extends WireMockSupport {
  static final String LIST = "{\"clients\":[{\"clientId\":\"kQ3v\",\"clientName\":\"Claude Desktop\",\"redirectUris\":"
      + "[\"http://127.0.0.1:5/callback\"],\"createdAt\":\"2026-11-27T16:14:15.000Z\",\"updatedAt\":null,"
      + "\"disabled\":false,\"type\":null,\"lastUsedAt\":null,\"tokenCount\":0,\"tokenState\":\"reconnect_required\","
      + "\"rateLimitPerMinute\":120,\"workspaceScope\":\"multi\",\"grantedWorkspaceIds\":[\"ws-1\",\"ws-2\"]}],"
      + "\"deployMode\":\"self-hosted\"}";

  @Test
  void listAgentsGetsTheExactUrlWithTheBearerAndTypesEveryField() {
    wm.stubFor(get(urlEqualTo("/api/v1/me/oauth-clients")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(LIST)));
    try (AtlasClient atlas = builder().bearerToken("tok").build()) {
      ListOAuthClientsResponse r = atlas.mcp().listAgents();
      LoggedRequest req = onlyRequest();
      assertThat(req.getAbsoluteUrl()).isEqualTo(wm.baseUrl() + "/api/v1/me/oauth-clients");
      assertThat(req.getHeader("Authorization")).isEqualTo("Bearer tok");
      assertThat(req.getBodyAsString()).isEmpty();
      assertThat(r.getDeployMode().getValue()).isEqualTo("self-hosted");
      OAuthClient c = r.getClients().get(0);
      assertThat(c.getClientName()).isEqualTo("Claude Desktop");
      assertThat(c.getCreatedAt().value()).hasValueSatisfying(t -> assertThat(t.getYear()).isEqualTo(2026));
      assertThat(c.getCreatedAt().raw()).isEqualTo("2026-11-27T16:14:15.000Z");
      assertThat(c.getUpdatedAt()).isNull();
      assertThat(c.getTokenState()).isEqualTo(OAuthTokenState.RECONNECT_REQUIRED);
      assertThat(c.getRateLimitPerMinute()).isEqualTo(120);
      assertThat(c.getWorkspaceScope()).isEqualTo(OAuthWorkspaceScope.MULTI);
      assertThat(c.getGrantedWorkspaceIds()).containsExactly("ws-1", "ws-2");
    }
  }

  @Test
  void revokeAgentPostsToTheEncodedIdAndReturnsTheCount() {
    wm.stubFor(post(urlEqualTo("/api/v1/me/oauth-clients/a%2Fb%20c/revoke")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"success\":true,\"tokensRevoked\":4}")));
    RevokeOAuthClientResponse r = client().mcp().revokeAgent("a/b c");
    assertThat(r.getSuccess()).isTrue();
    assertThat(r.getTokensRevoked()).isEqualTo(4);
    assertThat(onlyRequest().getMethod().getName()).isEqualTo("POST");
  }

  @Test
  void revokingAnUnknownAgentIsNotFoundAndABadBodyIsInvalidResponse() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"not_found\",\"message\":\"OAuth client not found.\",\"requestId\":\"r1\"}")));
    assertThatThrownBy(() -> client().mcp().revokeAgent("claude-desktop"))
        .isInstanceOfSatisfying(AtlasNotFoundException.class, e -> {
          assertThat(e.code()).isEqualTo(AtlasErrorCode.NOT_FOUND);
          assertThat(e.serverMessage()).contains("OAuth client not found.");
        });
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
        .withBody("<html>proxy</html>")));
    assertThatThrownBy(() -> client().mcp().listAgents()).isInstanceOfSatisfying(AtlasException.class,
        e -> assertThat(e.code()).isEqualTo(AtlasErrorCode.INVALID_RESPONSE));
    assertThatThrownBy(() -> client().mcp().revokeAgent("..")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aServerInApiKeyModeFailsDiscoveryWithItsOwn404() {
    wm.stubFor(get(urlEqualTo("/.well-known/oauth-authorization-server/api/auth")).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"not_found\",\"message\":\"OAuth metadata "
            + "endpoints are only available when managed auth is enabled.\"}")));
    assertThatThrownBy(() -> client().mcp().beginConnect(ConnectRequest.of("CLI", "http://127.0.0.1:9/callback")))
        .isInstanceOfSatisfying(AtlasMcpException.class, e -> {
          assertThat(e.mcpCode()).isEqualTo(McpErrorCode.DISCOVERY_FAILED);
          assertThat(e.code()).isEqualTo(AtlasErrorCode.NOT_FOUND);
          assertThat(e.rawCode()).isEqualTo("discovery_failed");
          assertThat(e.httpStatus()).hasValue(404);
        })
        .hasMessageContaining("returned 404").hasMessageContaining("only available when managed auth is enabled");
  }
}
