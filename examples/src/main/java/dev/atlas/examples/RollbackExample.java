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
   * @param args an action id (optional against the sandbox): it is rolled back
   */
  public static void main(String[] args) {
    Examples.runAlone("RollbackExample", atlas -> run(atlas, args.length > 0 ? args[0]
        : Examples.sandbox().map(s -> s.demoActionId()).orElseThrow(() -> Outcomes.skipStep(
            "pass the id of an action to roll back (the example rolls back nothing else)"))));
  }

  /**
   * The tour's step: rolls back an action this run created, and nothing else.
   *
   * @param atlas the client
   * @param actionOfThisRun the action the tour's scheduled task recorded, or null
   */
  static void runOwn(AtlasClient atlas, String actionOfThisRun) {
    if (actionOfThisRun == null) {
      Examples.heading("Rollback");
      throw Outcomes.skipStep("this run created no action to roll back (the scheduled task's run recorded none); "
          + "RollbackExample <action-id> rolls back one you name");
    }
    run(atlas, actionOfThisRun);
  }

  static void run(AtlasClient atlas, String id) {
    Examples.heading("Rollback");
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
