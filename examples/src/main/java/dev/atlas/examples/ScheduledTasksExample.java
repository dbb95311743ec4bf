package dev.atlas.examples;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.generated.model.CreateScheduledTaskInput;
import dev.atlas.client.generated.model.DeliveryChannel;
import dev.atlas.client.generated.model.Recipient;
import dev.atlas.client.generated.model.ScheduledTaskRun;
import dev.atlas.client.generated.model.ScheduledTaskWithWarnings;
import dev.atlas.client.generated.model.UpdateScheduledTaskInput;

/** Create a scheduled question, run it now, read its runs, pause it and delete it. */
public final class ScheduledTasksExample {
  private ScheduledTasksExample() {}

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
    Examples.heading("Scheduled tasks");
    ScheduledTaskWithWarnings task = atlas.scheduledTasks().create(new CreateScheduledTaskInput()
        .name("Daily order count").question("How many orders are there?").cronExpression("0 9 * * *")
        .deliveryChannel(DeliveryChannel.EMAIL).connectionGroupId("default")
        .addRecipientsItem(new Recipient().type(DeliveryChannel.EMAIL).address("team@example.com")));
    System.out.println("Created " + task.getId() + " (" + task.getCronExpression() + "), warnings " + task.getWarnings());
    atlas.scheduledTasks().trigger(task.getId());
    for (ScheduledTaskRun run : atlas.scheduledTasks().listRuns(task.getId(), 10)) {
      System.out.println("Run " + run.getStatus() + " at " + run.getStartedAt() + " -> conversation "
          + run.getConversationId());
    }
    atlas.scheduledTasks().update(task.getId(), new UpdateScheduledTaskInput().enabled(false));
    System.out.println("Paused; enabled tasks: " + atlas.scheduledTasks()
        .list(dev.atlas.client.ListScheduledTasksParams.defaults().withEnabled(true)).total());
    atlas.scheduledTasks().delete(task.getId());
    System.out.println("Deleted (soft: the task is disabled)");
  }
}
