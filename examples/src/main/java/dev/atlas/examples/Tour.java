package dev.atlas.examples;

import dev.atlas.client.AtlasClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs every example in turn against one client and prints a summary: each step passed, skipped
 * (with the server's reason, when its configuration refuses it) or failed. Against a real server
 * it changes only what it creates, and deletes that again (see {@link Examples} and {@link Cleanup}).
 */
public final class Tour {
  private Tour() {}

  /**
   * Runs the tour; exits with status 1 if a step failed (a step the server refused is skipped, not failed).
   *
   * @param args unused
   */
  public static void main(String[] args) {
    Map<String, Runnable> steps = new LinkedHashMap<>();
    Outcomes outcomes = new Outcomes();
    // the action the scheduled task's run recorded: the only one the tour may roll back
    AtomicReference<String> actionOfThisRun = new AtomicReference<>();
    try (AtlasClient atlas = Examples.connect()) {
      steps.put("health", () -> {
        Examples.heading("Health");
        System.out.println("Status: " + atlas.health().getStatus().getValue());
      });
      steps.put("query", () -> QueryExample.run(atlas));
      steps.put("streaming", () -> StreamingExample.run(atlas));
      steps.put("stream cancellation", () -> StreamCancellationExample.run(atlas));
      steps.put("conversations", () -> ConversationsExample.run(atlas));
      steps.put("scheduled tasks", () -> actionOfThisRun.set(ScheduledTasksExample.run(atlas)));
      steps.put("dashboards", () -> DashboardsExample.run(atlas));
      steps.put("validate SQL", () -> ValidateSqlExample.run(atlas));
      steps.put("execute SQL", () -> ExecuteSqlExample.run(atlas));
      steps.put("audit log", () -> AuditLogExample.run(atlas));
      steps.put("admin overview", () -> AdminExample.run(atlas));
      steps.put("rollback", () -> RollbackExample.runOwn(atlas, actionOfThisRun.get()));
      steps.put("actions", () -> ActionsExample.run(atlas));
      steps.put("agent runs", () -> RunsExample.run(atlas));
      steps.put("batch", () -> BatchExample.run(atlas));
      steps.put("error handling", () -> ErrorHandlingExample.run(atlas));
      steps.put("listener", () -> ListenerExample.run(atlas));
      steps.put("MCP onboarding", () -> McpExample.run(atlas));
      steps.put("any route", () -> AnyRouteExample.run(atlas));
      steps.forEach(outcomes::run);
    } finally {
      Examples.shutdown();
    }
    outcomes.printSummary();
    if (outcomes.anyFailed()) {
      System.exit(1);
    }
  }
}
