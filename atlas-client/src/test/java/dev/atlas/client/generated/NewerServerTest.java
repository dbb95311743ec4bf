package dev.atlas.client.generated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlas.client.generated.invoker.JSON;
import dev.atlas.client.generated.model.ActionStatus;
import dev.atlas.client.generated.model.ConversationSurface;
import dev.atlas.client.generated.model.ConversationWithMessages;
import dev.atlas.client.generated.model.ListConversationsResponse;
import dev.atlas.client.generated.model.QueryResponse;
import dev.atlas.client.generated.model.RollbackActionResponse;
import dev.atlas.client.generated.model.ScheduledTaskRun;
import dev.atlas.client.generated.model.UpdateScheduledTaskInput;
import dev.atlas.client.generated.model.ValidateSQLResponse;
import dev.atlas.client.generated.model.ValidationLayer;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generated models read what real and newer servers send: unknown fields and enum values,
 * JavaScript timestamps, SQL values as strings. These tests fail if the generator options that
 * make this so ({@code disallowAdditionalPropertiesIfNotPresent=false}, {@code enumUnknownDefaultCase},
 * the {@code atlas-timestamp} type mapping) are dropped.
 */
class NewerServerTest {

  @Test
  void unknownFieldsAreAcceptedAndKept() {
    String json = "{\"conversations\":[{\"id\":\"6f1c2a4e-8b7d-4c1e-9a3f-2d5e7b9c1a40\",\"userId\":null,\"title\":null,"
        + "\"surface\":\"api\",\"connectionId\":null,\"connectionGroupId\":null,\"starred\":false,"
        + "\"createdAt\":\"2026-11-22T07:58:28Z\",\"updatedAt\":\"2026-11-22T07:58:28Z\","
        + "\"notebookState\":null,\"futureField\":{\"nested\":[1,2]},\"futureFlag\":true}],"
        + "\"total\":1,\"nextCursor\":\"abc\"}";
    ListConversationsResponse r = JSON.getGson().fromJson(json, ListConversationsResponse.class);
    assertThat(r.getTotal()).isEqualTo(1);
    assertThat(r.getAdditionalProperties()).containsEntry("nextCursor", "abc");
    assertThat(r.getConversations().get(0).getAdditionalProperties()).containsKeys("futureField", "futureFlag");
  }

  @Test
  void aMissingRequiredFieldFailsInANestedModelToo() {
    String json = "{\"conversations\":[{\"userId\":null}],\"total\":1}";
    assertThatThrownBy(() -> JSON.getGson().fromJson(json, ListConversationsResponse.class))
        .hasMessageContaining("The required field `").hasMessageContaining("is not found");
  }

  @Test
  void unknownEnumValuesParseToTheUnknownCase() {
    String json = "{\"conversations\":[{\"id\":\"6f1c2a4e-8b7d-4c1e-9a3f-2d5e7b9c1a40\",\"userId\":\"u\",\"title\":\"t\","
        + "\"surface\":\"teams\",\"connectionId\":null,\"connectionGroupId\":null,\"starred\":true,"
        + "\"createdAt\":\"2026-11-22T07:58:28Z\",\"updatedAt\":\"2026-11-22T07:58:28Z\"}],\"total\":1}";
    ListConversationsResponse r = JSON.getGson().fromJson(json, ListConversationsResponse.class);
    assertThat(r.getConversations().get(0).getSurface()).isEqualTo(ConversationSurface.UNKNOWN_DEFAULT_OPEN_API);

    ValidateSQLResponse v = JSON.getGson().fromJson(
        "{\"valid\":false,\"errors\":[{\"layer\":\"cost_guard\",\"message\":\"too expensive\"}],\"tables\":[]}",
        ValidateSQLResponse.class);
    assertThat(v.getErrors().get(0).getLayer()).isEqualTo(ValidationLayer.UNKNOWN_DEFAULT_OPEN_API);
  }

  @Test
  void recordedConversationWithJavascriptTimestampsParses() {
    String json = "{\"id\":\"6f1c2a4e-8b7d-4c1e-9a3f-2d5e7b9c1a40\",\"userId\":\"user-1\",\"title\":\"Revenue\","
        + "\"surface\":\"api\",\"connectionId\":null,\"connectionGroupId\":null,\"starred\":false,"
        + "\"createdAt\":\"Sun Nov 22 2026 07:58:28 GMT+0000 (Coordinated Universal Time)\","
        + "\"updatedAt\":\"Sun Nov 22 2026 07:58:29 GMT+0000 (Coordinated Universal Time)\","
        + "\"messages\":[{\"id\":\"c3e9a1f7-5d2b-4f8e-a6c4-1b7d9e3f5a28\",\"conversationId\":\"6f1c2a4e-8b7d-4c1e-9a3f-2d5e7b9c1a40\","
        + "\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"11621 orders\"},"
        + "{\"type\":\"tool-invocation\",\"args\":{\"sql\":\"SELECT 1\"},\"result\":{\"rows\":[]}}],"
        + "\"createdAt\":\"Sun Nov 22 2026 07:58:28 GMT+0000 (Coordinated Universal Time)\"}]}";
    ConversationWithMessages c = JSON.getGson().fromJson(json, ConversationWithMessages.class);
    assertThat(c.getCreatedAt().toInstant()).contains(Instant.parse("2026-11-22T07:58:28Z"));
    assertThat(c.getUpdatedAt().raw()).isEqualTo("Sun Nov 22 2026 07:58:29 GMT+0000 (Coordinated Universal Time)");
    assertThat(c.getMessages().get(0).getCreatedAt().isParsed()).isTrue();
    assertThat(c.getMessages().get(0).getContent()).isInstanceOf(java.util.List.class);
  }

  @Test
  void sqlValuesKeepTheirJsonEncoding() {
    String json = "{\"answer\":\"There were 11621 orders.\",\"sql\":[\"SELECT COUNT(*) AS order_count FROM orders\"],"
        + "\"data\":[{\"columns\":[\"order_count\",\"avg\"],\"rows\":[{\"order_count\":\"11621\",\"avg\":12.5,\"x\":null,\"big\":12345678901234567890.10}]}],"
        + "\"steps\":2,\"usage\":{\"totalTokens\":900,\"promptTokens\":700}}";
    QueryResponse q = JSON.getGson().fromJson(json, QueryResponse.class);
    Map<String, Object> row = q.getData().get(0).getRows().get(0);
    assertThat(row.get("order_count")).isEqualTo("11621");
    // untyped numbers keep their exact text (the generated registry's template reads them lazily)
    assertThat(row.get("avg")).isInstanceOf(Number.class).hasToString("12.5");
    assertThat(((Number) row.get("avg")).doubleValue()).isEqualTo(12.5);
    assertThat(new java.math.BigDecimal(row.get("big").toString())).isEqualByComparingTo("12345678901234567890.10");
    assertThat(row).containsKey("x");
  }

  @Test
  void snakeCaseRollbackRowParses() {
    String json = "{\"id\":\"0b8e6a3c-1f2d-4e5a-9c7b-8d6f4a2e1c30\",\"requested_at\":\"2026-11-22T07:58:28.000Z\","
        + "\"resolved_at\":null,\"executed_at\":\"2026-11-22 07:59:00+00\",\"requested_by\":\"user-1\",\"approved_by\":null,"
        + "\"auth_mode\":\"simple-key\",\"action_type\":\"jira:create\",\"target\":\"PROJ\",\"summary\":\"Create ticket\","
        + "\"payload\":{},\"status\":\"archived\",\"result\":null,\"error\":null,"
        + "\"rollback_info\":{\"method\":\"DELETE\",\"params\":{\"key\":\"PROJ-1\"}},\"conversation_id\":null,"
        + "\"request_id\":null,\"org_id\":null,\"warning\":\"handler failed\"}";
    RollbackActionResponse r = JSON.getGson().fromJson(json, RollbackActionResponse.class);
    assertThat(r.getStatus()).isEqualTo(ActionStatus.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(r.getExecutedAt().toInstant()).contains(Instant.parse("2026-11-22T07:59:00Z"));
    assertThat(r.getWarning()).isEqualTo("handler failed");
    assertThat(r.getRollbackInfo().getMethod()).isEqualTo("DELETE");
  }

  @Test
  void runWithNullsParses() {
    String json = "{\"id\":\"r1\",\"taskId\":\"t1\",\"startedAt\":\"2026-11-22T09:00:00Z\",\"completedAt\":null,"
        + "\"status\":\"queued\",\"conversationId\":null,\"actionId\":null,\"error\":null,\"tokensUsed\":null,"
        + "\"deliveryStatus\":null,\"deliveryError\":null,\"createdAt\":\"2026-11-22T09:00:00Z\"}";
    ScheduledTaskRun run = JSON.getGson().fromJson(json, ScheduledTaskRun.class);
    assertThat(run.getCompletedAt()).isNull();
    assertThat(run.getStatus().getValue()).isEqualTo("unknown_default_open_api");
  }

  @Test
  void unsetFieldsOfARequestAreNotSent() {
    String json = JSON.getGson().toJson(new UpdateScheduledTaskInput().enabled(false));
    assertThat(json).isEqualTo("{\"enabled\":false}");
  }
}
