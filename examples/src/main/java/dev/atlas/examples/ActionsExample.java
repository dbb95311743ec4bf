package dev.atlas.examples;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.DenyActionParams;
import dev.atlas.client.errors.AtlasConflictException;
import dev.atlas.client.generated.model.ActionLogEntry;
import dev.atlas.client.generated.model.ActionStatus;
import dev.atlas.client.generated.model.PendingAction;
import dev.atlas.client.generated.model.QueryResponse;
import java.util.List;

/**
 * Act on what the agent proposes: a question asking for a ticket makes the agent propose one; the
 * example approves that action (and denies any other it proposed), by id, then rolls it back where
 * the server recorded how. It touches only the actions its own question proposed.
 */
public final class ActionsExample {
  private ActionsExample() {}

  /**
   * Runs the example against the configured server or the sandbox.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    Examples.runAlone("ActionsExample", ActionsExample::run);
  }

  static void run(AtlasClient atlas) {
    Examples.heading("Actions");
    try (Cleanup cleanup = new Cleanup(atlas)) {
      QueryResponse r = atlas.query("Open a JIRA ticket about the revenue dip in the north region");
      cleanup.conversation(r.getConversationId());
      act(atlas, r);
    }
  }

  private static void act(AtlasClient atlas, QueryResponse r) {
    List<PendingAction> proposed = r.getPendingActions() == null ? List.of() : r.getPendingActions();
    if (proposed.isEmpty()) {
      throw Outcomes.skipStep("the question proposed no action waiting for approval (actions off, approval mode "
          + "auto, or the agent chose no tool)");
    }
    for (PendingAction p : proposed) {
      System.out.println("Proposed: " + p.getType() + " - " + p.getSummary() + " (id " + p.getId() + ")");
    }
    PendingAction first = proposed.get(0);
    ActionLogEntry approved = Outcomes.refusable("approve the proposed action", () -> atlas.actions().approve(first))
        .orElse(null);
    for (PendingAction other : proposed.subList(1, proposed.size())) {
      Outcomes.refusable("deny another proposed action", () -> atlas.actions().deny(other,
          DenyActionParams.defaults().withReason("Only the ticket, please"))).ifPresent(d ->
          System.out.println("Denied " + d.getActionType() + ": " + d.getStatus().getValue()));
    }
    if (approved == null) {
      return;
    }
    System.out.println("Approved: " + approved.getActionType() + " -> " + approved.getStatus().getValue()
        + (approved.getError() != null ? " (" + approved.getError() + ")" : ""));
    try {
      atlas.actions().approve(first.getId());
    } catch (AtlasConflictException e) {
      System.out.println("Approving again: " + e.code().wireValue() + " - " + e.serverMessage().orElse(""));
    }
    if (approved.getStatus() == ActionStatus.EXECUTED && approved.getRollbackInfo() != null) {
      Outcomes.refusable("roll back the approved action", () -> atlas.rollbackAction(first.getId())).ifPresent(rb ->
          System.out.println("Rolled back: " + rb.getStatus().getValue()));
    } else {
      Outcomes.skipPart("roll back the approved action", "the server recorded no rollback information (status "
          + approved.getStatus().getValue() + ")");
    }
  }
}
