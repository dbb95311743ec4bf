package dev.atlas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.errors.AtlasNotFoundException;
import dev.atlas.client.generated.model.ExecuteSqlResponse;
import dev.atlas.client.generated.model.RunMetricResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** execute-sql, a metric's run and explore on the wire: the request sent and the typed, exact result. */
class DataOperationsTest extends WireMockSupport {
  @Test
  void executeSqlSendsTheSqlAndKeepsEveryCellExact() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/execute-sql")).willReturn(okJson("{\"columns\":[\"region\",\"orders\",\"avg\"],"
        + "\"rows\":[{\"region\":\"north\",\"orders\":\"1894\",\"avg\":527.92017423442449840}],\"rowCount\":1,"
        + "\"truncated\":false,\"executionMs\":12,\"executedAt\":\"2026-12-06T10:15:00.000Z\"}")));
    ExecuteSqlResponse r = client().sql().execute("SELECT region, COUNT(*) AS orders FROM orders GROUP BY region",
        ExecuteSqlParams.defaults().withConnectionId("warehouse"));
    assertThat(onlyRequest().getBodyAsString()).isEqualTo(
        "{\"sql\":\"SELECT region, COUNT(*) AS orders FROM orders GROUP BY region\",\"connectionId\":\"warehouse\"}");
    assertThat(r.getColumns()).containsExactly("region", "orders", "avg");
    assertThat(r.getRows().get(0)).containsEntry("orders", "1894");
    assertThat(r.getRows().get(0).get("avg")).isInstanceOf(ExactNumber.class).hasToString("527.92017423442449840");
    assertThat(r.getRowCount()).isEqualTo(1);
    assertThat(r.getExecutedAt().toInstant()).contains(java.time.Instant.parse("2026-12-06T10:15:00Z"));
  }

  @Test
  void executeSqlIsRetriedLikeAReadAndRefusesBlankSql() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/execute-sql")).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
    wm.stubFor(post(urlPathEqualTo("/api/v1/execute-sql")).inScenario("s").whenScenarioStateIs("up")
        .willReturn(okJson("{\"columns\":[],\"rows\":[],\"rowCount\":0,\"truncated\":false,\"executionMs\":1,"
            + "\"executedAt\":\"2026-12-06T10:15:00.000Z\"}")));
    assertThat(client().sql().execute("SELECT 1 FROM orders").getRowCount()).isZero();
    assertThat(received()).hasSize(2);
    assertThatThrownBy(() -> client().sql().execute(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThat(client().sql().executeAsync(" ", ExecuteSqlParams.defaults(), RequestOptions.defaults()))
        .isCompletedExceptionally();
  }

  @Test
  void aRejectedStatementIsATypedError() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/execute-sql")).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"invalid_sql\",\"message\":\"Table \\\"salaries\\\" is not in the allowed list\",\"requestId\":\"r1\"}")));
    assertThatThrownBy(() -> client().sql().execute("SELECT * FROM salaries"))
        .isInstanceOfSatisfying(AtlasException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.rawCode()).isEqualTo("invalid_sql");
        });
  }

  @Test
  void runMetricEncodesItsIdSendsItsParamsAndKeepsTheValueExact() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/metrics/net%20revenue/run")).willReturn(okJson("{\"id\":\"net revenue\","
        + "\"label\":null,\"value\":\"4504859.050000000000\",\"columns\":[\"value\"],"
        + "\"rows\":[{\"value\":\"4504859.050000000000\"}],\"rowCount\":1,\"truncated\":false,"
        + "\"sql\":\"SELECT SUM(total) AS value FROM orders\",\"executedAt\":\"2026-12-06T10:15:00.000Z\"}")));
    RunMetricResponse r = client().semanticLayer().runMetric("net revenue",
        RunMetricParams.defaults().withConnectionId("warehouse").withFilters(Map.of()));
    assertThat(onlyRequest().getBodyAsString()).isEqualTo("{\"filters\":{},\"connectionId\":\"warehouse\"}");
    assertThat(r.getValue()).isEqualTo("4504859.050000000000");
    assertThat(r.getLabel()).isNull();
    assertThat(r.getSql()).startsWith("SELECT SUM");
  }

  @Test
  void aNumericMetricValueIsAnExactNumberAndAnUnknownMetricIsNotFound() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/metrics/orders/run")).willReturn(okJson("{\"id\":\"orders\",\"label\":\"Orders\","
        + "\"value\":11621,\"columns\":[\"value\"],\"rows\":[{\"value\":11621}],\"rowCount\":1,\"truncated\":false,"
        + "\"sql\":\"SELECT 1\",\"executedAt\":\"2026-12-06T10:15:00.000Z\"}")));
    assertThat(client().semanticLayer().runMetric("orders").getValue()).isInstanceOf(ExactNumber.class)
        .hasToString("11621");
    assertThat(onlyRequest().getBodyAsString()).isEqualTo("{}");
    wm.stubFor(post(urlPathEqualTo("/api/v1/metrics/nope/run")).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"unknown_metric\",\"message\":\"Unknown metric\"}")));
    assertThatThrownBy(() -> client().semanticLayer().runMetric("nope"))
        .isInstanceOfSatisfying(AtlasNotFoundException.class, e -> assertThat(e.rawCode()).isEqualTo("unknown_metric"));
  }

  @Test
  void exploreSendsTheCommandAndAFailureIsItsOutput() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/explore")).willReturn(okJson("{\"output\":\"Error (exit 1):\\ncat: x: No such file\"}")));
    assertThat(client().semanticLayer().explore("cat x").getOutput()).startsWith("Error (exit 1):");
    assertThat(onlyRequest().getBodyAsString()).isEqualTo("{\"command\":\"cat x\"}");
    assertThatThrownBy(() -> client().semanticLayer().explore("")).isInstanceOf(IllegalArgumentException.class);
  }
}
