package dev.atlas.examples;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.ListScheduledTasksParams;
import dev.atlas.client.errors.AtlasServerException;
import dev.atlas.client.generated.model.ConnectionInfo;
import dev.atlas.client.generated.model.CreateScheduledTaskInput;
import dev.atlas.client.generated.model.DeliveryChannel;
import dev.atlas.client.generated.model.ListConnectionsResponse;
import dev.atlas.client.generated.model.Recipient;
import dev.atlas.client.generated.model.ScheduledTaskRun;
import dev.atlas.client.generated.model.ScheduledTaskWithWarnings;
import dev.atlas.client.UpdateScheduledTaskParams;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Create a scheduled question on a connection group the server has, run it now, read its runs,
 * pause it and delete it.
 */
public final class ScheduledTasksExample {
  private ScheduledTasksExample() {}

  /**
   * Runs the example.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    Examples.runAlone("ScheduledTasksExample", ScheduledTasksExample::run);
  }

  /**
   * Runs the example.
   *
   * @param atlas the client
   * @return the id of the action the task's run recorded (a delivery), or null: the only action of
   *     this run that the tour may roll back
   */
  static String run(AtlasClient atlas) {
    Examples.heading("Scheduled tasks");
    long enabled = atlas.scheduledTasks().list(ListScheduledTasksParams.defaults().withEnabled(true)).total();
    System.out.println(enabled + " enabled task(s) on the server");
    String group = connectionGroup(atlas);
    String actionId = null;
    try (Cleanup cleanup = new Cleanup(atlas)) {
      // every minute: a task is due whenever it is triggered (a server refuses to run one that is not due)
      ScheduledTaskWithWarnings task = atlas.scheduledTasks().create(new CreateScheduledTaskInput()
          .name("Atlas SDK tour " + Instant.now().truncatedTo(ChronoUnit.SECONDS))
          .question("How many orders are there?").cronExpression("* * * * *")
          .deliveryChannel(DeliveryChannel.EMAIL).connectionGroupId(group)
          .addRecipientsItem(new Recipient().type(DeliveryChannel.EMAIL).address("tour@example.com")));
      String id = cleanup.task(task.getId());
      System.out.println("Created " + id + " (" + task.getCronExpression() + ", group " + group + "), warnings "
          + task.getWarnings());
      try {
        System.out.println("Run now: " + atlas.scheduledTasks().trigger(id).getMessage());
      } catch (AtlasServerException e) {
        // a server answers 500 when asked to run a task that is not due
        Outcomes.skipPart("run now", Outcomes.reason(e));
      }
      for (ScheduledTaskRun run : atlas.scheduledTasks().listRuns(id, 10)) {
        cleanup.conversation(run.getConversationId());
        actionId = run.getActionId() != null ? run.getActionId() : actionId;
        System.out.println("Run " + run.getStatus() + " at " + run.getStartedAt() + " -> conversation "
            + run.getConversationId() + ", delivery action " + run.getActionId());
      }
      atlas.scheduledTasks().update(id, UpdateScheduledTaskParams.defaults().withEnabled(false));
      System.out.println("Paused; enabled tasks now: " + atlas.scheduledTasks()
          .list(ListScheduledTasksParams.defaults().withEnabled(true)).total());
      cleanup.deleteTask(id);
      System.out.println("Deleted (soft: the task is disabled)");
    }
    return actionId;
  }

  /** @return a connection group that exists on the server; the step is skipped when there is none */
  static String connectionGroup(AtlasClient atlas) {
    ListConnectionsResponse connections = atlas.admin().connections();
    return connections.getConnections().stream().map(ConnectionInfo::getGroupId).filter(Objects::nonNull)
        .findFirst().orElseThrow(() -> Outcomes.skipStep("the server lists no connection with a group to run a task on"));
  }
}
