package dev.atlas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.generated.model.ConversationMemory;
import dev.atlas.client.generated.model.PublicConversation;
import dev.atlas.client.generated.model.ScheduledTaskRunOfTask;
import dev.atlas.client.generated.model.TaskDeliveryPreview;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Conversation memory, a shared conversation, a task's delivery preview and every task's runs on the wire. */
class HistoryOperationsTest extends WireMockSupport {
  static final String CID = "4f7c2a9e-1b3d-4e5f-8a6b-7c8d9e0f1a2b";
  static final String TID = "9b1f0c2d-3e4a-4b5c-8d6e-7f8091a2b3c4";

  @Test
  void memoryIsReadWithItsValuesAsSentAndResetAnswersItsCount() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations/" + CID + "/memory")).willReturn(okJson("{\"slots\":["
        + "{\"namespace\":\"preferences\",\"value\":{\"currency\":\"EUR\"},\"updatedAt\":\"2026-12-06T10:15:00.000Z\"},"
        + "{\"namespace\":\"topic\",\"value\":\"revenue\",\"updatedAt\":\"2026-12-06T10:16:00.000Z\"}]}")));
    ConversationMemory m = client().conversations().memory().get(CID);
    assertThat(m.getSlots()).hasSize(2);
    assertThat(m.getSlots().get(0).getValue()).isEqualTo(Map.of("currency", "EUR"));
    assertThat(m.getSlots().get(1).getValue()).isEqualTo("revenue");
    assertThat(m.getSlots().get(1).getUpdatedAt().toInstant()).contains(Instant.parse("2026-12-06T10:16:00Z"));
    wm.stubFor(delete(urlPathEqualTo("/api/v1/conversations/" + CID + "/memory")).willReturn(okJson("{\"cleared\":2}")));
    assertThat(client().conversations().memory().reset(CID).getCleared()).isEqualTo(2);
    assertThat(received().get(1).getMethod().getName()).isEqualTo("DELETE");
  }

  @Test
  void aSharedConversationKeepsItsJavaScriptDateTextAndItsTokenIsEncoded() {
    String js = "Sun Dec 06 2026 10:15:00 GMT+0000 (Coordinated Universal Time)";
    wm.stubFor(get(urlPathEqualTo("/api/public/conversations/sh_5f2c9e1a7b3d4c8e9f0a1b2c3d")).willReturn(okJson(
        "{\"title\":null,\"surface\":\"teams\",\"createdAt\":\"" + js + "\",\"shareMode\":\"public\",\"messages\":["
        + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Revenue?\"}],\"createdAt\":\"" + js + "\"}]}")));
    PublicConversation p = client().conversations().shared().get("sh_5f2c9e1a7b3d4c8e9f0a1b2c3d");
    assertThat(p.getTitle()).isNull();
    assertThat(p.getSurface()).as("open text: a newer surface is kept").isEqualTo("teams");
    assertThat(p.getCreatedAt().raw()).isEqualTo(js);
    assertThat(p.getCreatedAt().toInstant()).contains(Instant.parse("2026-12-06T10:15:00Z"));
    assertThat(p.getMessages().get(0).getRole()).isEqualTo("user");
    wm.stubFor(get(urlPathEqualTo("/api/public/conversations/a%2Fb")).willReturn(aResponse().withStatus(410)
        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"expired\"}")));
    assertThatThrownBy(() -> client().conversations().shared().get("a/b"))
        .isInstanceOfSatisfying(AtlasException.class, e -> {
          assertThat(e.status()).isEqualTo(410);
          assertThat(e.rawCode()).isEqualTo("expired");
        });
  }

  @Test
  void aDeliveryPreviewIsAPostThatSendsNoBody() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/scheduled-tasks/" + TID + "/preview")).willReturn(okJson(
        "{\"channel\":\"email\",\"email\":{\"subject\":\"Atlas: Weekly revenue\",\"body\":\"<h1>Weekly</h1>\"}}")));
    TaskDeliveryPreview p = client().scheduledTasks().delivery().preview(TID);
    assertThat(p.getChannel()).isEqualTo("email");
    assertThat(p.getEmail().getSubject()).isEqualTo("Atlas: Weekly revenue");
    assertThat(p.getSlack()).isNull();
    assertThat(onlyRequest().getBodyAsString()).isEmpty();
  }

  @Test
  void everyTasksRunsArePagedWithTheirFiltersInTheServersNames() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/scheduled-tasks/runs")).willReturn(okJson("{\"runs\":[{\"id\":\"r1\","
        + "\"taskId\":\"" + TID + "\",\"startedAt\":\"Sun Dec 06 2026 10:15:00 GMT+0000 (Coordinated Universal Time)\","
        + "\"completedAt\":null,\"status\":\"failed\",\"conversationId\":null,\"actionId\":null,\"error\":\"boom\","
        + "\"tokensUsed\":null,\"deliveryStatus\":\"failed_permanent\",\"deliveryError\":\"550\","
        + "\"createdAt\":\"2026-12-06T10:15:00.000Z\",\"taskName\":\"Weekly revenue\"}],\"total\":3}")));
    Page<ScheduledTaskRunOfTask> page = client().scheduledTasks().allRuns().list(ListAllScheduledTaskRunsParams.defaults()
        .withLimit(1).withTaskId(TID).withStatus("failed").withDateFrom(LocalDate.of(2026, 12, 1))
        .withDateTo(LocalDate.of(2026, 12, 6)));
    assertThat(onlyRequest().getUrl()).isEqualTo("/api/v1/scheduled-tasks/runs?limit=1&task_id=" + TID
        + "&status=failed&date_from=2026-12-01&date_to=2026-12-06");
    assertThat(page.total()).isEqualTo(3);
    ScheduledTaskRunOfTask run = page.items().get(0);
    assertThat(run.getTaskName()).isEqualTo("Weekly revenue");
    assertThat(run.getStartedAt().toInstant()).contains(Instant.parse("2026-12-06T10:15:00Z"));
    assertThat(run.getDeliveryStatus().getValue()).isEqualTo("failed_permanent");
    assertThat(page.hasNextPage()).isTrue();
    page.nextPage();
    assertThat(received().get(1).getUrl()).contains("offset=1");
  }
}
