package dev.atlas.examples;

import dev.atlas.client.AtlasClient;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs every example in turn against one client and prints a summary. */
public final class Tour {
  private Tour() {}

  /**
   * Runs the tour; exits with status 1 if any example failed.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    Map<String, Runnable> steps = new LinkedHashMap<>();
    Map<String, String> outcome = new LinkedHashMap<>();
    try (AtlasClient atlas = Examples.connect()) {
      steps.put("health", () -> {
        Examples.heading("Health");
        System.out.println("Status: " + atlas.health().getStatus().getValue());
      });
      steps.put("query", () -> QueryExample.run(atlas));
      steps.put("streaming", () -> StreamingExample.run(atlas));
      steps.put("stream cancellation", () -> StreamCancellationExample.run(atlas));
      steps.put("conversations", () -> ConversationsExample.run(atlas));
      steps.put("scheduled tasks", () -> ScheduledTasksExample.run(atlas));
      steps.put("validate SQL", () -> ValidateSqlExample.run(atlas));
      steps.put("audit log", () -> AuditLogExample.run(atlas));
      steps.put("admin overview", () -> AdminExample.run(atlas));
      steps.put("rollback", () -> RollbackExample.run(atlas, null));
      steps.put("batch", () -> BatchExample.run(atlas));
      steps.put("error handling", () -> ErrorHandlingExample.run(atlas));
      steps.put("MCP onboarding", () -> McpExample.run(atlas));
      steps.forEach((name, step) -> {
        try {
          step.run();
          outcome.put(name, "ok");
        } catch (RuntimeException e) {
          outcome.put(name, "FAILED: " + e);
        }
      });
    } finally {
      Examples.shutdown();
    }
    Examples.heading("Summary");
    outcome.forEach((name, result) -> System.out.printf("  %-20s %s%n", name, result));
    if (outcome.values().stream().anyMatch(r -> !r.equals("ok"))) {
      System.exit(1);
    }
  }
}
