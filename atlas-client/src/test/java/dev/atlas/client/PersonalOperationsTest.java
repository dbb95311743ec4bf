package dev.atlas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlas.client.errors.AtlasNotFoundException;
import dev.atlas.client.generated.model.McpPrompts;
import dev.atlas.client.generated.model.MyConnectionGroups;
import dev.atlas.client.generated.model.Session;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Sessions, me/* and an own agent's workspaces on the wire. */
class PersonalOperationsTest extends WireMockSupport {
  @Test
  void sessionsAreListedAndOneIsRevokedWithItsIdEncoded() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/sessions")).willReturn(okJson("{\"sessions\":[{\"id\":\"s/1\","
        + "\"createdAt\":\"2026-12-01T08:00:00.000Z\",\"updatedAt\":\"2026-12-06T10:15:00.000Z\","
        + "\"expiresAt\":\"2026-12-08T08:00:00.000Z\",\"ipAddress\":null,\"userAgent\":\"Mozilla/5.0\"}]}")));
    Session s = client().sessions().list().getSessions().get(0);
    assertThat(s.getIpAddress()).isNull();
    assertThat(s.getExpiresAt().toInstant()).contains(Instant.parse("2026-12-08T08:00:00Z"));
    wm.stubFor(delete(urlPathEqualTo("/api/v1/sessions/s%2F1")).willReturn(okJson("{\"success\":true}")));
    assertThat(client().sessions().revoke("s/1").getSuccess()).isTrue();
  }

  @Test
  void connectionGroupsMcpUsageAndPromptsAreRead() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/me/connection-groups")).willReturn(okJson("{\"groups\":[{\"id\":\"g\",\"name\":\"g\","
        + "\"primaryConnectionId\":null,\"members\":[{\"connectionId\":\"c\",\"dbType\":\"unknown\",\"description\":null}]}],"
        + "\"restDatasources\":[],\"reason\":null}")));
    MyConnectionGroups g = client().me().connectionGroups();
    assertThat(g.getGroups().get(0).getMembers().get(0).getDbType()).isEqualTo("unknown");
    assertThat(g.getReason()).isNull();
    wm.stubFor(get(urlPathEqualTo("/api/v1/me/mcp-usage")).willReturn(okJson("{\"clients\":[{\"clientId\":\"k\","
        + "\"currentMinuteWeightedRequests\":12,\"ceiling\":60,\"percentUsed\":20,\"resetAt\":\"2026-12-06T10:16:00.000Z\"}]}")));
    assertThat(client().me().mcpUsage().getClients().get(0).getPercentUsed()).isEqualTo(20);
    wm.stubFor(get(urlPathEqualTo("/api/v1/me/mcp-prompts")).willReturn(okJson("{\"prompts\":[{\"source\":\"builtin\","
        + "\"name\":\"p\",\"description\":\"d\",\"arguments\":[{\"name\":\"table\",\"description\":\"t\",\"required\":true}]}],"
        + "\"canonicalGate\":{\"exposed\":false,\"toggle\":\"auto\",\"reason\":\"no-demo-signal\"}}")));
    McpPrompts p = client().me().mcpPrompts();
    assertThat(p.getPrompts().get(0).getArguments().get(0).getRequired()).isTrue();
    assertThat(p.getCanonicalGate().getReason()).isEqualTo("no-demo-signal");
  }

  @Test
  void preferencesAreReadAndUpdatedWithASetOrAnExplicitNullValue() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/me/preferences")).willReturn(okJson("{\"defaultLanding\":\"chat\"}")));
    assertThat(client().me().preferences().getDefaultLanding()).isEqualTo("chat");
    wm.stubFor(patch(urlPathEqualTo("/api/v1/me/preferences")).willReturn(okJson("{\"defaultLanding\":\"admin\"}")));
    assertThat(client().me().updatePreferences(UpdateMyPreferencesParams.defaults().withDefaultLanding("admin"))
        .getDefaultLanding()).isEqualTo("admin");
    assertThat(received().get(1).getBodyAsString()).isEqualTo("{\"defaultLanding\":\"admin\"}");
    client().me().updatePreferences(UpdateMyPreferencesParams.defaults().clearDefaultLanding());
    assertThat(received().get(2).getBodyAsString()).isEqualTo("{\"defaultLanding\":null}");
    client().me().updatePreferences(UpdateMyPreferencesParams.defaults());
    assertThat(received().get(3).getBodyAsString()).as("nothing set, nothing sent").isEqualTo("{}");
  }

  @Test
  void anAgentsScopeIsSetAndOneWorkspaceRevokedWithBothIdsEncoded() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/me/oauth-clients/k%201/workspace-scope")).willReturn(okJson(
        "{\"success\":true,\"workspaceScope\":\"multi\",\"grantedWorkspaceIds\":[\"org_1\",\"org_2\"]}")));
    assertThat(client().mcp().workspaces().setScope("k 1", "multi").getGrantedWorkspaceIds()).containsExactly("org_1", "org_2");
    assertThat(onlyRequest().getBodyAsString()).isEqualTo("{\"mode\":\"multi\"}");
    assertThatThrownBy(() -> client().mcp().workspaces().setScope("k", "all")).isInstanceOf(IllegalArgumentException.class);
    wm.stubFor(delete(urlPathEqualTo("/api/v1/me/oauth-clients/k/workspaces/org%2F2")).willReturn(okJson(
        "{\"success\":true,\"removed\":1}")));
    assertThat(client().mcp().workspaces().revoke("k", "org/2").getRemoved()).isEqualTo(1);
    wm.stubFor(delete(urlPathEqualTo("/api/v1/me/oauth-clients/k/workspaces/org_9")).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"not_found\",\"message\":\"Workspace grant not found.\"}")));
    assertThatThrownBy(() -> client().mcp().workspaces().revoke("k", "org_9")).isInstanceOf(AtlasNotFoundException.class);
  }
}
