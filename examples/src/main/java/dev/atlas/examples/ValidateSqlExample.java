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
    try (AtlasClient atlas = Examples.connect()) {
      run(atlas);
    } finally {
      Examples.shutdown();
    }
  }

  static void run(AtlasClient atlas) {
    Examples.heading("Validate SQL");
    ValidateSQLResponse result = atlas.validateSql("SELECT id, name FROM users WHERE active = true");
    if (Boolean.TRUE.equals(result.getValid())) {
      System.out.println("Valid; tables referenced: " + result.getTables());
    } else {
      result.getErrors().forEach(e -> System.out.println("[" + e.getLayer() + "] " + e.getMessage()));
    }
  }
}
