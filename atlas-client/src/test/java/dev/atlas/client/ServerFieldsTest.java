package dev.atlas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atlas.client.generated.model.AuditLogEntry;
import dev.atlas.client.generated.model.EntitySummary;
import dev.atlas.client.generated.model.ListEntitiesResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fields running servers send that the SDK now types instead of leaving in additional properties. */
class ServerFieldsTest extends WireMockSupport {
  @Test
  void auditRowsCarryTheirActorAndTheAppliedLimitIsKnown() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/admin/audit")).willReturn(okJson("{\"rows\":[{\"id\":\"a-1\","
        + "\"timestamp\":\"2026-11-27T08:00:00.000Z\",\"sql\":\"SELECT 1\",\"success\":true,\"actor_kind\":\"mcp\","
        + "\"client_id\":\"cl-1\",\"tool_name\":\"executeSQL\",\"parent_audit_id\":null,\"deleted_at\":null}],"
        + "\"total\":1,\"limit\":200,\"offset\":0}")));
    Page<AuditLogEntry> page = client().admin().audit(ListAuditLogParams.defaults().withLimit(500));
    AuditLogEntry row = page.items().get(0);
    assertThat(row.getActorKind()).isEqualTo("mcp");
    assertThat(row.getClientId()).isEqualTo("cl-1");
    assertThat(row.getToolName()).isEqualTo("executeSQL");
    assertThat(row.getParentAuditId()).isNull();
    assertThat(row.getDeletedAt()).isNull();
    assertThat(row.getAdditionalProperties()).isNullOrEmpty();
    assertThat(page.requestedLimit()).contains(500);
    assertThat(page.appliedLimit()).contains(200);
  }

  @Test
  void entitySummariesCarryTheirSourceAndStatus() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/admin/semantic/entities")).willReturn(okJson("{\"entities\":[{\"name\":"
        + "\"orders\",\"table\":\"orders\",\"sourceKind\":\"yaml\",\"displayName\":\"Orders\",\"connectionId\":\"default\","
        + "\"source\":\"entities/orders.yml\",\"status\":\"published\",\"updatedAt\":\"Sun Nov 22 2026 07:58:28 GMT+0000"
        + " (Coordinated Universal Time)\"}],\"noIntrospectedTables\":false}")));
    ListEntitiesResponse r = client().admin().semantic().entities();
    EntitySummary e = r.getEntities().get(0);
    assertThat(List.of(e.getSourceKind(), e.getDisplayName(), e.getConnectionId(), e.getSource(), e.getStatus()))
        .containsExactly("yaml", "Orders", "default", "entities/orders.yml", "published");
    assertThat(e.getUpdatedAt().toInstant()).isPresent();
    assertThat(e.getUpdatedAt().raw()).startsWith("Sun Nov 22 2026");
    assertThat(r.getNoIntrospectedTables()).isFalse();
  }

  @Test
  void providerMetadataReachesTheTypedEvents() {
    wm.stubFor(post("/api/v1/chat").willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(
        "data: {\"type\":\"text-start\",\"id\":\"t1\",\"providerMetadata\":{\"anthropic\":{\"cache\":true}}}\n\n"
        + "data: {\"type\":\"tool-input-available\",\"toolCallId\":\"c1\",\"toolName\":\"executeSQL\",\"input\":{},"
        + "\"providerMetadata\":{\"p\":{\"x\":1}}}\n\n"
        + "data: {\"type\":\"tool-output-available\",\"toolCallId\":\"c1\",\"output\":{},\"providerMetadata\":{\"p\":{}}}\n\n"
        + "data: {\"type\":\"text-end\",\"id\":\"t1\"}\n\n")));
    try (AtlasStream s = client().streamQuery("q")) {
      List<StreamEvent> events = s.stream().toList();
      assertThat(((StreamEvent.PartBoundary) events.get(0)).providerMetadata()).get().asString()
          .isEqualTo("{\"anthropic\":{\"cache\":true}}");
      assertThat(((StreamEvent.ToolCall) events.get(1)).providerMetadata()).get().asString().isEqualTo("{\"p\":{\"x\":1}}");
      assertThat(((StreamEvent.ToolResult) events.get(2)).providerMetadata()).get().asString().isEqualTo("{\"p\":{}}");
      assertThat(events.get(3)).isEqualTo(new StreamEvent.PartBoundary("text-end", "t1"));
    }
  }

  @Test
  void anEnumValueFromANewerServerKeepsItsText() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations")).willReturn(okJson("{\"conversations\":["
        + "{\"id\":\"c-1\",\"userId\":null,\"title\":null,\"surface\":\"teams\",\"connectionId\":null,"
        + "\"connectionGroupId\":null,\"starred\":false,\"createdAt\":\"2026-11-27T00:00:00Z\","
        + "\"updatedAt\":\"2026-11-27T00:00:00Z\"},"
        + "{\"id\":\"c-2\",\"userId\":null,\"title\":null,\"surface\":\"api\",\"connectionId\":null,"
        + "\"connectionGroupId\":null,\"starred\":false,\"createdAt\":\"2026-11-27T00:00:00Z\","
        + "\"updatedAt\":\"2026-11-27T00:00:00Z\"}],\"total\":2}")));
    List<dev.atlas.client.generated.model.Conversation> items = client().conversations().list().items();
    assertThat(items.get(0).getSurface().name()).isEqualTo("UNKNOWN_DEFAULT_OPEN_API");
    assertThat(items.get(0).getAdditionalProperties()).containsEntry("surface", "teams");
    assertThat(items.get(1).getSurface().getValue()).isEqualTo("api");
    assertThat(items.get(1).getAdditionalProperties()).isNullOrEmpty();
    String written = dev.atlas.client.generated.invoker.JSON.getGson().toJson(items.get(0));
    assertThat(written).as("written back as sent").contains("\"surface\":\"teams\"");
  }

  @Test
  void theHealthOfSourcesAndConnectionsIsTypedWithParsedTimestamps() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/admin/connections")).willReturn(okJson("{\"connections\":[{\"id\":\"default\","
        + "\"dbType\":\"postgres\",\"health\":{\"status\":\"healthy\",\"latencyMs\":12,\"checkedAt\":"
        + "\"Sun Nov 22 2026 07:58:28 GMT+0000 (Coordinated Universal Time)\",\"extra\":true}},"
        + "{\"id\":\"other\",\"dbType\":\"mysql\",\"health\":null}]}")));
    List<dev.atlas.client.generated.model.ConnectionInfo> connections = client().admin().connections().getConnections();
    SourceHealth h = SourceHealth.of(connections.get(0).getHealth()).orElseThrow();
    assertThat(h.status()).contains("healthy");
    assertThat(h.latencyMs()).hasValue(12.0);
    assertThat(h.checkedAt().orElseThrow().toInstant()).contains(java.time.Instant.parse("2026-11-22T07:58:28Z"));
    assertThat(h.fields()).containsEntry("extra", true);
    assertThat(SourceHealth.of(connections.get(1).getHealth())).isEmpty();
    dev.atlas.client.generated.model.ConnectionHealth typed = SourceHealth.connectionHealth(connections.get(0))
        .orElseThrow();
    assertThat(typed.getStatus().getValue()).isEqualTo("healthy");
    assertThat(typed.getLatencyMs()).isEqualByComparingTo("12");
    assertThat(typed.getCheckedAt().toInstant()).contains(java.time.Instant.parse("2026-11-22T07:58:28Z"));
    assertThat(typed.getCheckedAt().raw()).startsWith("Sun Nov 22 2026");
    assertThat(SourceHealth.connectionHealth(connections.get(1))).isEmpty();

    dev.atlas.client.generated.model.HealthResponse report = dev.atlas.client.generated.invoker.JSON.getGson().fromJson(
        SpecExamples.successExample("getHealth"), dev.atlas.client.generated.model.HealthResponse.class);
    report.putSourcesItem("warehouse", java.util.Map.of("status", "degraded", "checkedAt", "2026-11-27T08:00:00Z"));
    assertThat(SourceHealth.sources(report).get("warehouse").checkedAt().orElseThrow().toInstant())
        .contains(java.time.Instant.parse("2026-11-27T08:00:00Z"));
  }

  @Test
  void theOverviewsWorkspaceIsTyped() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/admin/overview")).willReturn(okJson("{\"connections\":1,\"entities\":3,"
        + "\"plugins\":0,\"queriesLast24h\":null,\"workspace\":{\"id\":\"org-1\",\"name\":\"Acme\",\"slug\":\"acme\","
        + "\"planTier\":\"trial\",\"planName\":\"Trial\",\"trialEndsAt\":\"2026-12-20T00:00:00.000Z\","
        + "\"trial_started_at\":\"Sun Dec 06 2026 05:08:32 GMT+0000 (Coordinated Universal Time)\",\"region\":\"eu\","
        + "\"seats\":5}}")));
    dev.atlas.client.generated.model.AdminOverview overview = client().admin().overview();
    AdminWorkspace w = AdminWorkspace.of(overview).orElseThrow();
    assertThat(w.id()).contains("org-1");
    assertThat(w.name()).contains("Acme");
    assertThat(w.slug()).contains("acme");
    assertThat(w.planTier()).contains("trial");
    assertThat(w.planName()).contains("Trial");
    assertThat(w.region()).contains("eu");
    assertThat(w.trialEndsAt().orElseThrow().toInstant()).contains(java.time.Instant.parse("2026-12-20T00:00:00Z"));
    assertThat(w.trialStartedAt().orElseThrow().toInstant()).contains(java.time.Instant.parse("2026-12-06T05:08:32Z"));
    assertThat(w.fields()).containsKey("seats").as("kept in the server's order").containsKey("slug");
    assertThat(overview.getQueriesLast24h()).isNull();

    wm.stubFor(get(urlPathEqualTo("/api/v1/admin/overview")).willReturn(okJson("{\"connections\":1,\"entities\":3,"
        + "\"plugins\":0,\"workspace\":null}")));
    assertThat(AdminWorkspace.of(client().admin().overview())).isEmpty();
  }
}
