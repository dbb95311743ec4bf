package dev.atlas.examples;

import dev.atlas.client.AdminWorkspace;
import dev.atlas.client.AtlasClient;
import dev.atlas.client.generated.model.ConnectionInfo;
import dev.atlas.client.generated.model.ListConnectionsResponse;
import java.util.List;

/**
 * The admin overview, the connections (testing the first one listed), plugins and the semantic
 * layer. Each is a part the server may refuse; the step is skipped when it refuses them all.
 */
public final class AdminExample {
  private AdminExample() {}

  /**
   * Runs the example.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    Examples.runAlone("AdminExample", AdminExample::run);
  }

  static void run(AtlasClient atlas) {
    Examples.heading("Admin overview");
    // each part can be refused by the server's configuration; the others still run
    Outcomes.refusable("overview", () -> atlas.admin().overview()).ifPresent(o -> System.out.println(o.getConnections()
        + " connection(s), " + o.getEntities() + " entities, " + o.getPlugins() + " plugin(s), "
        + (o.getQueriesLast24h() == null ? "no count of queries in the last 24 h (the server sent none)"
            : o.getQueriesLast24h() + " queries in the last 24 h")
        + AdminWorkspace.of(o).map(w -> "; workspace " + w.name().orElse("?") + " (" + w.planTier().orElse("no plan")
            + w.trialEndsAt().map(t -> ", trial ends " + t.raw()).orElse("") + ")").orElse("")));
    List<ConnectionInfo> connections = Outcomes.refusable("connections", () -> atlas.admin().connections())
        .map(ListConnectionsResponse::getConnections).orElse(List.of());
    connections.forEach(c -> System.out.println("Connection " + c.getId() + " (" + c.getDbType() + ", group "
        + c.getGroupId() + "): " + c.getDescription()));
    if (connections.isEmpty()) {
      Outcomes.skipPart("connection test", "the server listed no connection to test");
    } else {
      // a health check: it reads the connection and changes nothing
      String id = connections.get(0).getId();
      Outcomes.refusable("connection test", () -> atlas.admin().testConnection(id))
          .ifPresent(h -> System.out.println("Test " + id + ": " + h.getStatus() + " in " + h.getLatencyMs() + " ms"));
    }
    Outcomes.refusable("plugins", () -> atlas.admin().plugins())
        .ifPresent(p -> System.out.println(p.getPlugins().size() + " plugin(s) installed"));
    Outcomes.refusable("semantic layer", () -> atlas.admin().semantic().entities())
        .ifPresent(e -> e.getEntities().forEach(x -> System.out.println("Entity " + x.getName() + ": "
            + x.getColumnCount() + " columns")));
  }
}
