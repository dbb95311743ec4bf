package dev.atlas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.atlas.client.generated.model.ShareMode;
import dev.atlas.client.generated.model.UpdateScheduledTaskInput;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The names 1.x deprecated still work, and send exactly what their replacements send. */
@SuppressWarnings("deprecation")
class DeprecatedNamesTest extends WireMockSupport {

  private static List<LoggedRequest> sent() {
    return received();
  }

  @Test
  void queryOptionsSendWhatQueryParamsSend() {
    wm.stubFor(post("/api/v1/query").willReturn(okJson(ListenerTest.ANSWER)));
    client().query("q", QueryOptions.none().withConversationId("c-1").withConnectionId("pg"));
    client().query("q", QueryParams.defaults().withConversationId("c-1").withConnectionId("pg"));
    assertThat(sent()).hasSize(2);
    assertThat(sent().get(0).getBodyAsString()).isEqualTo(sent().get(1).getBodyAsString()).contains("c-1", "pg");
    assertThat(RequestOptions.none()).isSameAs(RequestOptions.defaults());
  }

  @Test
  void anAuditLogFilterAndAuditLogSendWhatListAuditLogParamsSend() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/admin/audit")).willReturn(okJson("{\"rows\":[],\"total\":0,\"limit\":5,"
        + "\"offset\":0}")));
    client().auditLog(AuditLogFilter.builder().limit(5).success(false).from(LocalDate.of(2026, 3, 1))
        .to(LocalDate.of(2026, 3, 2)).actorKind("mcp").build());
    client().admin().audit(ListAuditLogParams.defaults().withLimit(5).withSuccess(false)
        .withFrom(LocalDate.of(2026, 3, 1)).withTo(LocalDate.of(2026, 3, 2)).withActorKind("mcp"));
    assertThat(sent()).hasSize(2);
    assertThat(sent().get(0).getUrl()).isEqualTo(sent().get(1).getUrl()).contains("to=2026-03-03");
  }

  @Test
  void taskChangesAndTheInputOverloadSendWhatUpdateScheduledTaskParamsSends() {
    wm.stubFor(put("/api/v1/scheduled-tasks/t-1").willReturn(okJson(WireExactnessTest.TASK)));
    client().scheduledTasks().update("t-1", TaskChanges.of(new UpdateScheduledTaskInput().enabled(true))
        .clearConnectionGroupId());
    client().scheduledTasks().update("t-1", UpdateScheduledTaskParams.defaults().withEnabled(true)
        .clearConnectionGroupId());
    client().scheduledTasks().update("t-1", new UpdateScheduledTaskInput().name("n"));
    client().scheduledTasks().update("t-1", UpdateScheduledTaskParams.defaults().withName("n"));
    assertThat(sent()).extracting(LoggedRequest::getBodyAsString).containsExactly(
        "{\"enabled\":true,\"connectionGroupId\":null}", "{\"enabled\":true,\"connectionGroupId\":null}",
        "{\"name\":\"n\"}", "{\"name\":\"n\"}");
  }

  @Test
  void shareOptionsAndSemanticEntitiesParamsSendWhatTheirReplacementsSend() {
    wm.stubFor(post("/api/v1/conversations/c-1/share").willReturn(okJson(
        "{\"token\":\"tok\",\"url\":\"https://x/s/tok\",\"expiresAt\":null,\"shareMode\":\"org\"}")));
    wm.stubFor(get(urlPathEqualTo("/api/v1/admin/semantic/entities")).willReturn(okJson(SpecExamples.successExample("listSemanticEntities").toString())));
    client().conversations().share("c-1", ShareOptions.defaults().withShareMode(ShareMode.ORG));
    client().conversations().share("c-1", ShareConversationParams.defaults().withShareMode(ShareMode.ORG));
    client().admin().semantic().entities(SemanticEntitiesParams.defaults().withConnection("pg"));
    client().admin().semantic().entities(ListSemanticEntitiesParams.defaults().withConnection("pg"));
    assertThat(sent()).hasSize(4);
    assertThat(sent().get(0).getBodyAsString()).isEqualTo(sent().get(1).getBodyAsString()).contains("org");
    assertThat(sent().get(2).getUrl()).isEqualTo(sent().get(3).getUrl()).contains("connection=pg");
  }
}
