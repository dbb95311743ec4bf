package dev.atlas.examples;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.generated.model.ExecuteSqlResponse;
import java.util.Map;
import java.util.Optional;

/**
 * Data without the agent: one SELECT through the server's validation ({@code atlas.sql()}), a
 * metric of the semantic layer and a look at the layer's files ({@code atlas.semanticLayer()}).
 * Cells keep the database's encoding: a {@code COUNT} or a {@code NUMERIC} arrives as text.
 */
public final class ExecuteSqlExample {
  private ExecuteSqlExample() {}

  /**
   * Runs the example.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    Examples.runAlone("ExecuteSqlExample", ExecuteSqlExample::run);
  }

  static void run(AtlasClient atlas) {
    Examples.heading("Execute SQL");
    String sql = "SELECT status, COUNT(*) AS orders FROM orders GROUP BY status ORDER BY status";
    Outcomes.refusable("execute SQL", () -> atlas.sql().execute(sql)).ifPresent(r -> print(sql, r));
    // which metrics exist is an admin read; running one is not
    Optional<String> metric = Outcomes.refusable("list metrics", () -> atlas.admin().semantic().metrics())
        .flatMap(m -> m.getMetrics().stream().filter(Map.class::isInstance).map(x -> ((Map<?, ?>) x).get("id"))
            .filter(String.class::isInstance).map(String.class::cast).findFirst());
    if (metric.isEmpty()) {
      Outcomes.skipPart("run metric", "no metric of the semantic layer could be listed");
    } else {
      Outcomes.refusable("run metric", () -> atlas.semanticLayer().runMetric(metric.get()))
          .ifPresent(m -> System.out.println("Metric " + m.getId() + " (" + m.getLabel() + ") = " + m.getValue()
              + "\n  from: " + m.getSql()));
    }
    Outcomes.refusable("explore", () -> atlas.semanticLayer().explore("ls"))
        .ifPresent(e -> System.out.println("The semantic layer's files:\n  " + e.getOutput().replace("\n", "\n  ")));
  }

  private static void print(String sql, ExecuteSqlResponse r) {
    System.out.println(sql + "\n  " + r.getRowCount() + " row(s)" + (Boolean.TRUE.equals(r.getTruncated())
        ? " (truncated)" : "") + " in " + r.getExecutionMs() + " ms");
    for (Map<String, Object> row : r.getRows()) {
      System.out.println("  " + row);
    }
  }
}
