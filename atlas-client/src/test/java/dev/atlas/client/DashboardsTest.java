package dev.atlas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static dev.atlas.client.DashboardFixtures.C;
import static dev.atlas.client.DashboardFixtures.CARD;
import static dev.atlas.client.DashboardFixtures.D;
import static dev.atlas.client.DashboardFixtures.DASHBOARD;
import static dev.atlas.client.DashboardFixtures.SUMMARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.atlas.client.errors.AtlasConflictException;
import dev.atlas.client.errors.AtlasErrorCode;
import dev.atlas.client.generated.model.AddDashboardCardRequest;
import dev.atlas.client.generated.model.CardKind;
import dev.atlas.client.generated.model.CreateDashboardRequest;
import dev.atlas.client.generated.model.Dashboard;
import dev.atlas.client.generated.model.DashboardCard;
import dev.atlas.client.generated.model.DashboardDraft;
import dev.atlas.client.generated.model.DashboardSummary;
import dev.atlas.client.generated.model.PreviewDashboardCardRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Dashboards, cards and drafts on WireMock: the request on the wire and the typed result of each operation. */
class DashboardsTest extends WireMockSupport {
  private static void answer(int status, String body) {
    wm.stubFor(any(anyUrl()).willReturn(body == null ? aResponse().withStatus(status)
        : aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
  }

  private static String wire(LoggedRequest r) {
    return r.getMethod().getName() + " " + r.getUrl() + (r.getBodyAsString().isEmpty() ? "" : " " + r.getBodyAsString());
  }

  private static String last() {
    List<LoggedRequest> all = received();
    return wire(all.get(all.size() - 1));
  }

  @Test
  void listPagesWithTotalAndTypedTimestamps() {
    answer(200, "{\"dashboards\":[" + SUMMARY + "],\"total\":3}");
    Page<DashboardSummary> page = client().dashboards().list(ListDashboardsParams.defaults().withLimit(1).withOffset(1));
    assertThat(last()).isEqualTo("GET /api/v1/dashboards?limit=1&offset=1");
    assertThat(page.total()).isEqualTo(3);
    assertThat(page.hasNextPage()).isTrue();
    DashboardSummary d = page.items().get(0);
    assertThat(d.getCardCount()).isEqualTo(1);
    assertThat(d.getUpdatedAt().toInstant()).isPresent();
    assertThat(d.getUpdatedAt().raw()).startsWith("Sun Dec 06 2026");
    assertThat(d.getParameters().get(0).getDefault()).isEqualTo("north");
  }

  @Test
  void createGetAndDeleteSendWhatTheContractSays() throws Exception {
    answer(201, SUMMARY);
    assertThat(client().dashboards().create("Revenue").getId()).isEqualTo(D);
    assertThat(last()).isEqualTo("POST /api/v1/dashboards {\"title\":\"Revenue\"}");
    assertThat(client().dashboards().createAsync(new CreateDashboardRequest().title("Revenue").description("Weekly"),
        RequestOptions.defaults()).get(10, TimeUnit.SECONDS).getTitle()).isEqualTo("Revenue");
    answer(200, DASHBOARD);
    Dashboard d = client().dashboards().get(D);
    assertThat(last()).isEqualTo("GET /api/v1/dashboards/" + D);
    DashboardCard card = d.getCards().get(0);
    assertThat(card.getCachedRows().get(0)).containsEntry("orders", "1894");
    assertThat(card.getLayout().getW()).isEqualTo(6);
    client().dashboards().getAsync(D, DashboardView.DRAFT, RequestOptions.defaults()).get(10, TimeUnit.SECONDS);
    assertThat(last()).isEqualTo("GET /api/v1/dashboards/" + D + "?view=draft");
    answer(204, null);
    client().dashboards().delete(D);
    assertThat(last()).isEqualTo("DELETE /api/v1/dashboards/" + D);
  }

  @Test
  void updateSendsSetFieldsAndExplicitNullsAndA204IsNoBodyNotAnError() throws Exception {
    answer(200, DASHBOARD);
    WriteResult<Dashboard> r = client().dashboards().update(D, UpdateDashboardParams.defaults().withTitle("Sales")
        .clearDescription().clearRefreshSchedule());
    assertThat(r.hasBody()).isTrue();
    assertThat(r.orElseThrow().getTitle()).isEqualTo("Revenue");
    assertThat(last()).isEqualTo("PATCH /api/v1/dashboards/" + D
        + " {\"title\":\"Sales\",\"description\":null,\"refreshSchedule\":null}");
    answer(204, null);
    WriteResult<Dashboard> none = client().dashboards().update(D, UpdateDashboardParams.defaults()
        .withRefreshSchedule("0 7 * * *"));
    assertThat(none.hasBody()).isFalse();
    assertThat(none.value()).isEmpty();
    assertThat(last()).isEqualTo("PATCH /api/v1/dashboards/" + D + " {\"refreshSchedule\":\"0 7 * * *\"}");
    assertThat(client().dashboards().updateAsync(D, UpdateDashboardParams.defaults().withDescription("d"),
        RequestOptions.defaults()).get(10, TimeUnit.SECONDS).hasBody()).isFalse();
  }

  @Test
  void aNon204EmptyBodyIsStillAnInvalidResponse() {
    answer(200, null);
    assertThatThrownBy(() -> client().dashboards().update(D, UpdateDashboardParams.defaults().withTitle("x")))
        .isInstanceOf(dev.atlas.client.errors.AtlasInvalidResponseException.class);
  }

  @Test
  void refreshAllAndSuggestAndSessions() {
    answer(200, "{\"refreshed\":1,\"failed\":1,\"total\":2,\"errors\":[{\"cardId\":\"" + C + "\",\"reason\":\"persist_failed\"}]}");
    assertThat(client().dashboards().refresh(D).getErrors().get(0)).containsEntry("reason", "persist_failed");
    assertThat(last()).isEqualTo("POST /api/v1/dashboards/" + D + "/refresh");
    client().dashboards().refresh(D, DashboardView.DRAFT, RequestOptions.defaults());
    assertThat(last()).isEqualTo("POST /api/v1/dashboards/" + D + "/refresh?view=draft");
    answer(200, "{\"suggestions\":[{\"title\":\"Trend\",\"sql\":\"SELECT 1\",\"chartConfig\":{\"type\":\"line\","
        + "\"categoryColumn\":\"m\",\"valueColumns\":[\"n\"]},\"reason\":\"Shows the trend.\"}]}");
    assertThat(client().dashboards().suggestCards(D).getSuggestions().get(0).getReason()).isEqualTo("Shows the trend.");
    assertThat(last()).isEqualTo("POST /api/v1/dashboards/" + D + "/suggest");
    answer(200, "{\"sessions\":[{\"conversationId\":\"c-1\",\"userId\":null,\"title\":null,\"createdAt\":\""
        + DashboardFixtures.JS + "\",\"updatedAt\":\"" + DashboardFixtures.JS + "\",\"messageCount\":2}]}");
    assertThat(client().dashboards().sessions().list(D).getSessions().get(0).getMessageCount()).isEqualTo(2);
    assertThat(last()).isEqualTo("GET /api/v1/dashboards/" + D + "/sessions");
    answer(200, "{\"conversationId\":\"c-1\",\"dashboardId\":\"" + D + "\",\"userId\":\"u\",\"title\":\"t\",\"createdAt\":\""
        + DashboardFixtures.JS + "\",\"updatedAt\":\"" + DashboardFixtures.JS + "\",\"messages\":[{\"role\":\"user\"}]}");
    assertThat(client().dashboards().sessions().get(D, C).getMessages()).hasSize(1);
    assertThat(last()).isEqualTo("GET /api/v1/dashboards/" + D + "/sessions/" + C);
  }

  @Test
  void cardsAddUpdateRemoveRefreshRenderPreview() {
    answer(201, CARD);
    DashboardCard added = client().dashboards().cards().add(D, new AddDashboardCardRequest().title("Orders")
        .sql("SELECT COUNT(*) AS orders FROM orders"));
    assertThat(added.getKind()).isEqualTo(CardKind.CHART);
    assertThat(last()).isEqualTo("POST /api/v1/dashboards/" + D
        + "/cards {\"title\":\"Orders\",\"sql\":\"SELECT COUNT(*) AS orders FROM orders\"}");
    answer(200, CARD);
    assertThat(client().dashboards().cards().update(D, C, UpdateDashboardCardParams.defaults().withTitle("N")
        .withPosition(2)).orElseThrow().getId()).isEqualTo(C);
    assertThat(last()).isEqualTo("PATCH /api/v1/dashboards/" + D + "/cards/" + C + " {\"title\":\"N\",\"position\":2}");
    answer(204, null);
    assertThat(client().dashboards().cards().update(D, C, UpdateDashboardCardParams.defaults().withSql("SELECT 2"))
        .hasBody()).isFalse();
    client().dashboards().cards().remove(D, C);
    assertThat(last()).isEqualTo("DELETE /api/v1/dashboards/" + D + "/cards/" + C);
    assertThat(client().dashboards().cards().refresh(D, C).hasBody()).isFalse();
    assertThat(last()).isEqualTo("POST /api/v1/dashboards/" + D + "/cards/" + C + "/refresh");
    answer(200, CARD);
    assertThat(client().dashboards().cards().refresh(D, C, DashboardView.DRAFT, RequestOptions.defaults())
        .orElseThrow().getCachedColumns()).containsExactly("orders");
    assertThat(last()).isEqualTo("POST /api/v1/dashboards/" + D + "/cards/" + C + "/refresh?view=draft");
    answer(200, "{\"columns\":[\"orders\"],\"rows\":[{\"orders\":\"3259\"}],\"rowCount\":1,\"executionMs\":7,"
        + "\"truncated\":false,\"maskingApplied\":false,\"comparison\":null}");
    assertThat(client().dashboards().cards().render(D, C, RenderDashboardCardParams.defaults()
        .withParameter("region", "south").withParameter("year", 2026)).getRows().get(0)).containsEntry("orders", "3259");
    assertThat(last()).isEqualTo("POST /api/v1/dashboards/" + D + "/cards/" + C
        + "/render {\"parameters\":{\"region\":\"south\",\"year\":2026}}");
    answer(200, "{\"columns\":[\"n\"],\"rows\":[{\"n\":\"11621\"}],\"rowCount\":1,\"executionMs\":4.5,\"truncated\":false,"
        + "\"maskingApplied\":true}");
    assertThat(client().dashboards().cards().preview("SELECT COUNT(*) AS n FROM orders").getMaskingApplied()).isTrue();
    assertThat(last()).isEqualTo("POST /api/v1/dashboards/preview-card {\"sql\":\"SELECT COUNT(*) AS n FROM orders\"}");
    client().dashboards().cards().preview(new PreviewDashboardCardRequest().sql("SELECT 1").connectionId("wh"),
        RequestOptions.defaults());
    assertThat(last()).endsWith("{\"sql\":\"SELECT 1\",\"connectionId\":\"wh\"}");
  }

  @Test
  void draftsStatusForkPublishDiscardRebaseUndo() {
    answer(200, "{\"hasDraft\":true,\"publishedBaselineAt\":\"2026-12-06 05:08:32.838793+00\",\"dashboardUpdatedAt\":\""
        + DashboardFixtures.JS + "\",\"staleBaseline\":true,\"updatedAt\":\"" + DashboardFixtures.JS + "\"}");
    var status = client().dashboards().drafts().status(D);
    assertThat(status.getStaleBaseline()).isTrue();
    assertThat(status.getPublishedBaselineAt().toInstant()).isPresent(); // PostgreSQL text parses too
    assertThat(last()).isEqualTo("GET /api/v1/dashboards/" + D + "/draft/status");
    answer(200, "{\"draft\":{\"userId\":\"u\",\"dashboardId\":\"" + D + "\",\"snapshot\":{},\"publishedBaselineAt\":"
        + "\"2026-12-06 05:08:32.838793+00\",\"updatedAt\":\"" + DashboardFixtures.JS + "\"},\"view\":" + DASHBOARD + "}");
    DashboardDraft draft = client().dashboards().drafts().getOrFork(D);
    assertThat(draft.getView().getCards()).hasSize(1);
    assertThat(last()).isEqualTo("GET /api/v1/dashboards/" + D + "/draft");
    answer(200, "{\"ok\":true,\"opsApplied\":2,\"refreshingCardIds\":[\"" + C + "\"]}");
    assertThat(client().dashboards().drafts().publish(D).getRefreshingCardIds()).containsExactly(C);
    assertThat(last()).isEqualTo("POST /api/v1/dashboards/" + D + "/draft/publish");
    answer(409, "{\"error\":\"stale_baseline\",\"message\":\"Rebase first\",\"requestId\":\"r\"}");
    assertThatThrownBy(() -> client().dashboards().drafts().publish(D)).isInstanceOfSatisfying(
        AtlasConflictException.class, e -> assertThat(e.code()).isEqualTo(AtlasErrorCode.STALE_BASELINE));
    answer(200, "{\"ok\":true,\"snapshot\":{\"cards\":[]},\"publishedBaselineAt\":\"2026-12-06 05:09:01.114522+00\"}");
    assertThat(client().dashboards().drafts().rebase(D).getPublishedBaselineAt().raw()).endsWith("+00");
    assertThat(last()).isEqualTo("POST /api/v1/dashboards/" + D + "/draft/rebase");
    answer(204, null);
    client().dashboards().drafts().discard(D);
    assertThat(last()).isEqualTo("POST /api/v1/dashboards/" + D + "/draft/discard");
    client().dashboards().drafts().undoSqlChange(D, C, "SELECT 1");
    assertThat(last()).isEqualTo("POST /api/v1/dashboards/" + D + "/draft/undo {\"kind\":\"revert_sql\",\"cardId\":\""
        + C + "\",\"sql\":\"SELECT 1\"}");
    client().dashboards().drafts().undoCardRemoval(D, draft.getView().getCards().get(0));
    assertThat(last()).contains("{\"kind\":\"restore_card\",\"card\":{\"id\":\"" + C + "\"");
  }

  @Test
  void idsThatAreDotSegmentsAreRefusedBeforeSending() {
    assertThatThrownBy(() -> client().dashboards().get("..")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client().dashboards().cards().remove(D, " ")).isInstanceOf(IllegalArgumentException.class);
    assertThat(received()).isEmpty();
  }
}
