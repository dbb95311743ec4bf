package dev.atlas.examples;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.generated.model.AdminOverview;

/** The admin overview, connections and the semantic layer. */
public final class AdminExample {
  private AdminExample() {}

  /**
   * Runs the example.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    try (AtlasClient atlas = Examples.connect()) {
      run(atlas);
    } finally {
      Examples.shutdown();
    }
  }

  static void run(AtlasClient atlas) {
    Examples.heading("Admin overview");
    AdminOverview o = atlas.admin().overview();
    System.out.println(o.getConnections() + " connection(s), " + o.getEntities() + " entities, " + o.getPlugins()
        + " plugin(s), " + o.getQueriesLast24h() + " queries in the last 24 h");
    atlas.admin().connections().getConnections().forEach(c -> System.out.println("Connection " + c.getId() + " ("
        + c.getDbType() + "): " + c.getDescription()));
    System.out.println("Test default: " + atlas.admin().testConnection("default").getStatus());
    atlas.admin().semantic().entities().getEntities().forEach(e -> System.out.println("Entity " + e.getName() + ": "
        + e.getColumnCount() + " columns"));
  }
}
