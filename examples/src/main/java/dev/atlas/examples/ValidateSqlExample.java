package dev.atlas.examples;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.generated.model.ValidateSQLResponse;

/** Validate SQL without running it and print which layers rejected it. */
public final class ValidateSqlExample {
  private ValidateSqlExample() {}

  /**
   * Runs the example.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    Examples.runAlone("ValidateSqlExample", ValidateSqlExample::run);
  }

  static void run(AtlasClient atlas) {
    Examples.heading("Validate SQL");
    for (String sql : new String[] {"SELECT id, name FROM customers WHERE active = true", "DROP TABLE orders",
        "SELECT * FROM salaries"}) {
      ValidateSQLResponse result = atlas.validateSql(sql);
      System.out.print(sql + "\n  -> ");
      if (Boolean.TRUE.equals(result.getValid())) {
        System.out.println("valid; tables referenced: " + result.getTables());
      } else {
        result.getErrors().forEach(e -> System.out.println("[" + e.getLayer().getValue() + "] " + e.getMessage()));
      }
    }
  }
}
