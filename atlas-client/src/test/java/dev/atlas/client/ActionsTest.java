package dev.atlas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.atlas.client.errors.AtlasConflictException;
import dev.atlas.client.errors.AtlasErrorCode;
import dev.atlas.client.errors.AtlasNotFoundException;
import dev.atlas.client.errors.AtlasPermissionException;
import dev.atlas.client.generated.model.ActionLogEntry;
import dev.atlas.client.generated.model.ActionStatus;
import dev.atlas.client.generated.model.BulkActionsResponse;
import dev.atlas.client.generated.model.PendingAction;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The actions group ({@code atlas.actions()}) on WireMock: the request on the wire and the typed answer. */
class ActionsTest extends WireMockSupport {
  static final String ID = "c3e9a1f7-5d2b-4f8e-a6c4-1b7d9e3f5a28";

  static JsonObject row(String status) {
    JsonObject r = new JsonObject();
    r.addProperty("id", ID);
    r.addProperty("requested_at", "2026-12-06T05:02:49.668Z");
    r.add("resolved_at", null);
    r.add("executed_at", null);
    r.addProperty("requested_by", "user-1");
    r.add("approved_by", null);
    r.addProperty("auth_mode", "managed");
    r.addProperty("action_type", "jira:create");
    r.addProperty("target", "RS");
    r.addProperty("summary", "Create JIRA ticket");
    r.add("payload", new JsonObject());
    r.addProperty("status", status);
    r.add("result", null);
    r.add("error", null);
    r.add("rollback_info", null);
    r.add("conversation_id", null);
    r.addProperty("request_id", "req-1");
    r.addProperty("org_id", "org-1");
    return r;
  }

  private static void answer(int status, String body) {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody(body)));
  }

  @Test
  void listSendsTheStatusAndLimitAndTypesTheSnakeCaseRows() {
    JsonArray rows = new JsonArray();
    rows.add(row("executed"));
    JsonObject newer = row("paused_by_policy");
    newer.addProperty("id", UUID.randomUUID().toString());
    rows.add(newer);
    JsonObject body = new JsonObject();
    body.add("actions", rows);
    answer(200, body.toString());

    Page<ActionLogEntry> page = client().actions().list(ListActionsParams.defaults().withStatus(ActionStatus.EXECUTED)
        .withLimit(10));

    LoggedRequest req = onlyRequest();
    assertThat(req.getMethod().getName()).isEqualTo("GET");
    assertThat(req.getUrl()).isEqualTo("/api/v1/actions?status=executed&limit=10");
    assertThat(page.items()).hasSize(2);
    assertThat(page.hasNextPage()).as("the server offers no offset").isFalse();
    ActionLogEntry first = page.items().get(0);
    assertThat(first.getStatus()).isEqualTo(ActionStatus.EXECUTED);
    assertThat(first.getActionType()).isEqualTo("jira:create");
    assertThat(first.getRequestedAt().isParsed()).isTrue();
    assertThat(first.getResolvedAt()).isNull();
    ActionLogEntry unknown = page.items().get(1);
    assertThat(unknown.getStatus()).isEqualTo(ActionStatus.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(unknown.getAdditionalProperties()).containsEntry("status", "paused_by_policy");
  }

  @Test
  void listWithDefaultsSendsNoQueryAndGetReadsOne() {
    answer(200, "{\"actions\":[]}");
    assertThat(client().actions().list().items()).isEmpty();
    assertThat(onlyRequest().getUrl()).isEqualTo("/api/v1/actions");
    wm.resetAll();
    answer(200, row("pending").toString());
    assertThat(client().actions().get(ID).getStatus()).isEqualTo(ActionStatus.PENDING);
    assertThat(onlyRequest().getUrl()).isEqualTo("/api/v1/actions/" + ID);
  }

  @Test
  void approveAQueriesPendingActionGoesToTheClientsBaseUrlNotTheApproveUrl() {
    JsonObject executed = row("executed");
    JsonObject rollback = new JsonObject();
    rollback.addProperty("method", "transition");
    executed.add("rollback_info", rollback);
    answer(200, executed.toString());
    PendingAction proposed = new PendingAction().id(ID).type("createJiraTicket").target("").summary("Create ticket")
        .approveUrl("http://atlas-internal:3001/api/v1/actions/" + ID + "/approve")
        .denyUrl("http://atlas-internal:3001/api/v1/actions/" + ID + "/deny");

    ActionLogEntry out = client().actions().approve(proposed);

    LoggedRequest req = onlyRequest();
    assertThat(req.getMethod().getName()).isEqualTo("POST");
    assertThat(req.getUrl()).isEqualTo("/api/v1/actions/" + ID + "/approve");
    assertThat(req.getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
    assertThat(out.getStatus()).isEqualTo(ActionStatus.EXECUTED);
    assertThat(out.getRollbackInfo().getMethod()).isEqualTo("transition");
  }

  @Test
  void denySendsTheReasonAndNoReasonSendsNone() {
    JsonObject denied = row("denied");
    denied.addProperty("error", "Not this quarter");
    answer(200, denied.toString());
    ActionLogEntry out = client().actions().deny(ID, DenyActionParams.defaults().withReason("Not this quarter"));
    LoggedRequest req = onlyRequest();
    assertThat(req.getUrl()).isEqualTo("/api/v1/actions/" + ID + "/deny");
    assertThat(JsonParser.parseString(req.getBodyAsString())).isEqualTo(JsonParser.parseString(
        "{\"reason\":\"Not this quarter\"}"));
    assertThat(out.getStatus()).isEqualTo(ActionStatus.DENIED);
    assertThat(out.getError()).isEqualTo("Not this quarter");
    wm.resetRequests();
    client().actions().deny(ID);
    assertThat(JsonParser.parseString(onlyRequest().getBodyAsString())).isEqualTo(new JsonObject());
  }

  @Test
  void bulkOf101IdsIsSplitInTwoRequestsAndMerged() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      ids.add(UUID.randomUUID().toString());
    }
    wm.stubFor(post(urlPathEqualTo("/api/v1/actions/bulk")).atPriority(1).withRequestBody(matchingJsonPath("$.ids[99]"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(
            "{\"updated\":[\"" + ids.get(0) + "\"],\"notFound\":[\"" + ids.get(1) + "\"],\"forbidden\":[],"
                + "\"errors\":[{\"id\":\"" + ids.get(2) + "\",\"error\":\"Action has already been resolved.\"}]}")));
    wm.stubFor(post(urlPathEqualTo("/api/v1/actions/bulk")).atPriority(5).willReturn(aResponse().withStatus(200).withHeader("Content-Type",
            "application/json").withBody("{\"updated\":[],\"notFound\":[],\"forbidden\":[\"" + ids.get(100)
                + "\"],\"errors\":[]}")));

    BulkActionsResponse merged = client().actions().denyAll(ids, DenyActionParams.defaults().withReason("no"));

    List<LoggedRequest> sent = received();
    assertThat(sent).hasSize(2);
    JsonObject first = JsonParser.parseString(sent.get(0).getBodyAsString()).getAsJsonObject();
    JsonObject second = JsonParser.parseString(sent.get(1).getBodyAsString()).getAsJsonObject();
    assertThat(first.getAsJsonArray("ids")).hasSize(100);
    assertThat(first.get("action").getAsString()).isEqualTo("deny");
    assertThat(first.get("reason").getAsString()).isEqualTo("no");
    assertThat(second.getAsJsonArray("ids")).hasSize(1);
    assertThat(second.getAsJsonArray("ids").get(0).getAsString()).isEqualTo(ids.get(100));
    assertThat(merged.getUpdated()).containsExactly(ids.get(0));
    assertThat(merged.getNotFound()).containsExactly(ids.get(1));
    assertThat(merged.getForbidden()).containsExactly(ids.get(100));
    assertThat(merged.getErrors()).singleElement().satisfies(e -> assertThat(e.getId()).isEqualTo(ids.get(2)));
  }

  @Test
  void aFailedChunkPutsItsIdsInErrorsAndAllChunksFailingThrows() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      ids.add(UUID.randomUUID().toString());
    }
    wm.stubFor(post(urlPathEqualTo("/api/v1/actions/bulk")).atPriority(1).withRequestBody(matchingJsonPath("$.ids[99]"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(
            "{\"updated\":[],\"notFound\":[],\"forbidden\":[],\"errors\":[]}")));
    wm.stubFor(post(urlPathEqualTo("/api/v1/actions/bulk")).atPriority(5)
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(
            "{\"error\":\"validation_error\",\"message\":\"Invalid request body.\"}")));
    BulkActionsResponse merged = client().actions().approveAll(ids);
    assertThat(merged.getErrors()).hasSize(50).allSatisfy(e -> assertThat(e.getError()).contains("Invalid request body."));

    wm.resetAll();
    answer(400, "{\"error\":\"validation_error\",\"message\":\"Invalid request body.\"}");
    assertThatThrownBy(() -> client().actions().approveAll(List.of(ID)))
        .isInstanceOf(dev.atlas.client.errors.AtlasInvalidRequestException.class);
    assertThatThrownBy(() -> client().actions().approveAll(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aServerWithoutActionsIsATypedNotAvailableWithAClearMessage() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404).withHeader("Content-Type", "text/plain")
        .withBody("404 Not Found")));
    assertThatThrownBy(() -> client().actions().approve(ID))
        .isInstanceOfSatisfying(AtlasNotFoundException.class, e -> assertThat(e.code())
            .isEqualTo(AtlasErrorCode.NOT_AVAILABLE))
        .hasMessageContaining("actions are not enabled on this server");
    assertThatThrownBy(() -> client().actions().list()).hasMessageContaining("actions are not enabled on this server");
    assertThat(client().actions().listAsync(ListActionsParams.defaults(), RequestOptions.defaults())
        .handle((r, e) -> e.getCause()).join()).isInstanceOf(AtlasNotFoundException.class)
        .hasMessageContaining("actions are not enabled");
  }

  @Test
  void aMembers403AndAWrongStates409AreTypedWithTheServersMessage() {
    answer(403, "{\"error\":\"forbidden\",\"message\":\"Insufficient role to approve this action.\",\"requestId\":\"r-1\"}");
    assertThatThrownBy(() -> client().actions().approve(ID))
        .isInstanceOf(AtlasPermissionException.class)
        .hasMessageContaining("Insufficient role to approve this action.")
        .hasMessageContaining("needs role admin or owner");
    wm.resetAll();
    answer(409, "{\"error\":\"conflict\",\"message\":\"Action has already been resolved.\"}");
    assertThatThrownBy(() -> client().actions().deny(ID))
        .isInstanceOf(AtlasConflictException.class)
        .hasMessageContaining("Action has already been resolved.")
        .hasMessageContaining("no longer pending");
    assertThat(received()).hasSize(1); // an acting POST is not retried
  }

  @Test
  void theAsyncFormsSendTheSameRequests() {
    answer(200, row("executed").toString());
    assertThat(client().actions().approveAsync(ID, RequestOptions.defaults()).join().getStatus())
        .isEqualTo(ActionStatus.EXECUTED);
    assertThat(client().actions().getAsync(ID, RequestOptions.defaults()).join().getId()).isEqualTo(ID);
    assertThat(client().actions().denyAsync(ID, DenyActionParams.defaults(), RequestOptions.defaults()).join())
        .isNotNull();
    wm.resetAll();
    answer(200, "{\"updated\":[\"" + ID + "\"],\"notFound\":[],\"forbidden\":[],\"errors\":[]}");
    assertThat(client().actions().approveAllAsync(List.of(ID, ID), RequestOptions.defaults()).join().getUpdated())
        .containsExactly(ID);
    assertThat(JsonParser.parseString(onlyRequest().getBodyAsString()).getAsJsonObject().getAsJsonArray("ids"))
        .as("duplicates are sent once").hasSize(1);
  }
}
