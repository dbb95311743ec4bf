package dev.atlas.examples;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.errors.AtlasConflictException;
import dev.atlas.client.generated.model.RollbackActionResponse;

/** Roll back an executed action, and see what a second rollback says. */
public final class RollbackExample {
  private RollbackExample() {}

  /**
   * Runs the example; the action id is the first argument, or the sandbox's demo action.
   *
   * @param args an action id (optional against the sandbox)
   */
  public static void main(String[] args) {
    try (AtlasClient atlas = Examples.connect()) {
      run(atlas, args.length > 0 ? args[0] : null);
    } finally {
      Examples.shutdown();
    }
  }

  static void run(AtlasClient atlas, String actionId) {
    Examples.heading("Rollback");
    String id = actionId != null ? actionId
        : Examples.sandbox().map(s -> s.demoActionId()).orElse(null);
    if (id == null) {
      System.out.println("Pass an action id to roll back.");
      return;
    }
    RollbackActionResponse r = atlas.rollbackAction(id);
    System.out.println(r.getActionType() + " on " + r.getTarget() + ": " + r.getStatus()
        + (r.getWarning() != null ? " (warning: " + r.getWarning() + ")" : ""));
    try {
      atlas.rollbackAction(id);
    } catch (AtlasConflictException e) {
      System.out.println("Again: " + e.code().wireValue() + " - " + e.serverMessage().orElse(""));
    }
  }
}
