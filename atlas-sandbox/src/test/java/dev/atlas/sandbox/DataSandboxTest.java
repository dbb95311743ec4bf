package dev.atlas.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.ExecuteSqlParams;
import dev.atlas.client.RunMetricParams;
import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.generated.model.ExecuteSqlResponse;
import dev.atlas.client.generated.model.RunMetricResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** execute-sql, a metric's run and explore on the sandbox, every exchange validated against the spec. */
class DataSandboxTest extends SpecCheckedSandboxTest {

  @BeforeAll
  static void start() {
    startSandbox(AtlasSandbox.builder());
  }

  @Test
  void executeSqlRunsOneSelectWithCountsAsText() {
    ExecuteSqlResponse r = atlas.sql().execute("SELECT region, COUNT(*) AS orders FROM orders o JOIN customers c "
        + "ON c.id = o.customer_id GROUP BY region ORDER BY region");
    assertThat(r.getColumns()).containsExactly("region", "orders");
    assertThat(r.getRowCount()).isEqualTo(r.getRows().size()).isPositive();
    assertThat(r.getRows().get(0).get("orders")).isInstanceOf(String.class);
    assertThat(r.getExecutedAt().toInstant()).isPresent();
  }

  @Test
  void executeSqlRefusesWhatTheValidationRejectsAnUnknownConnectionAndAnUnknownColumn() {
    assertThatThrownBy(() -> atlas.sql().execute("DELETE FROM orders"))
        .isInstanceOfSatisfying(AtlasException.class, e -> assertThat(e.rawCode()).isEqualTo("invalid_sql"));
    assertThatThrownBy(() -> atlas.sql().execute("SELECT * FROM salaries"))
        .isInstanceOfSatisfying(AtlasException.class, e -> assertThat(e.rawCode()).isEqualTo("invalid_sql"));
    assertThatThrownBy(() -> atlas.sql().execute("SELECT nope FROM orders"))
        .isInstanceOfSatisfying(AtlasException.class, e -> assertThat(e.rawCode()).isEqualTo("query_failed"));
    assertThatThrownBy(() -> atlas.sql().execute("SELECT 1 FROM orders", ExecuteSqlParams.defaults().withConnectionId("x")))
        .isInstanceOfSatisfying(AtlasException.class, e -> {
          assertThat(e.status()).isEqualTo(503);
          assertThat(e.rawCode()).isEqualTo("connection_unavailable");
        });
  }

  @Test
  void aMetricRunsAndItsValueIsText() {
    RunMetricResponse r = atlas.semanticLayer().runMetric("revenue");
    assertThat(r.getValue()).isInstanceOf(String.class);
    assertThat(r.getRows()).hasSize(1);
    assertThat(r.getSql()).contains("SUM(total)");
    assertThatThrownBy(() -> atlas.semanticLayer().runMetric("nope"))
        .isInstanceOfSatisfying(AtlasException.class, e -> assertThat(e.rawCode()).isEqualTo("unknown_metric"));
    assertThatThrownBy(() -> atlas.semanticLayer().runMetric("revenue",
        RunMetricParams.defaults().withFilters(Map.of("region", "north"))))
        .isInstanceOfSatisfying(AtlasException.class, e -> assertThat(e.rawCode()).isEqualTo("invalid_request"));
  }

  @Test
  void exploreListsAndPrintsTheLayersFilesAndAFailureIsOutput() {
    assertThat(atlas.semanticLayer().explore("ls").getOutput()).isEqualTo("catalog.yml\nentities\nmetrics");
    assertThat(atlas.semanticLayer().explore("cat metrics/revenue.yml").getOutput()).startsWith("id: revenue");
    assertThat(atlas.semanticLayer().explore("cat nope.yml").getOutput()).startsWith("Error (exit 1):");
    assertThat(atlas.semanticLayer().explore("ls | head").getOutput()).isEqualTo("(no output)");
  }

  @Test
  void aServerWithoutAnOrganizationRefusesSqlAndMetrics() {
    try (AtlasSandbox plain = AtlasSandbox.builder().simpleKeyWithoutOrganization().start();
        AtlasClient c = AtlasClient.builder().baseUrl(plain.baseUrl()).apiKey(plain.apiKey()).build()) {
      assertThatThrownBy(() -> c.sql().execute("SELECT 1 FROM orders"))
          .isInstanceOfSatisfying(AtlasException.class, e -> assertThat(e.rawCode()).isEqualTo("bad_request"));
      assertThatThrownBy(() -> c.semanticLayer().runMetric("revenue"))
          .isInstanceOfSatisfying(AtlasException.class, e -> assertThat(e.rawCode()).isEqualTo("bad_request"));
      assertThat(c.semanticLayer().explore("ls").getOutput()).contains("catalog.yml");
    }
  }
}
