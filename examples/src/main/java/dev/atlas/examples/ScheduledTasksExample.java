package dev.atlas.examples;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.ListScheduledTasksParams;
import dev.atlas.client.generated.model.ConnectionInfo;
import dev.atlas.client.generated.model.CreateScheduledTaskInput;
import dev.atlas.client.generated.model.DeliveryChannel;
import dev.atlas.client.generated.model.ListConnectionsResponse;
import dev.atlas.client.generated.model.Recipient;
import dev.atlas.client.generated.model.ScheduledTaskRun;
import dev.atlas.client.generated.model.ScheduledTaskWithWarnings;
import dev.atlas.client.UpdateScheduledTaskParams;
import dev.atlas.client.time.AtlasTimestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Create a scheduled question on a connection group the server has, wait until it is due, run it
 * now, read its runs, pause it and delete it. A server runs a triggered task only once its next run
 * time has passed: the task is created every minute ({@code * * * * *}), so the wait is at most a
 * minute on a real server; on the embedded sandbox its clock is moved on instead.
 */
public final class ScheduledTasksExample {
  /** A task created with {@code * * * * *} is due within a minute; anything much later is a surprise. */
  private static final Duration LONGEST_WAIT = Duration.ofMinutes(2);

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
      // every minute: the task is due at the next minute boundary
      ScheduledTaskWithWarnings task = atlas.scheduledTasks().create(new CreateScheduledTaskInput()
          .name("Atlas SDK tour " + Instant.now().truncatedTo(ChronoUnit.SECONDS))
          .question("How many orders are there?").cronExpression("* * * * *")
          .deliveryChannel(DeliveryChannel.EMAIL).connectionGroupId(group)
          .addRecipientsItem(new Recipient().type(DeliveryChannel.EMAIL).address("tour@example.com")));
      String id = cleanup.task(task.getId());
      System.out.println("Created " + id + " (" + task.getCronExpression() + ", group " + group + "), warnings "
          + task.getWarnings());
      // a server runs a triggered task only once it is due: its next run time (nextRunAt) has passed;
      // before that it answers 500 internal_error. Wait for it, reckoned on the server's own times.
      Duration untilDue = untilDue(task);
      if (untilDue.compareTo(LONGEST_WAIT) > 0) {
        Outcomes.failPart("run now", "the task is due only at " + task.getNextRunAt().raw() + ", created "
            + task.getCreatedAt().raw() + ": not waiting " + untilDue.toSeconds() + " s");
      } else {
        Examples.waitOnServer(untilDue, "until the task is due (nextRunAt " + task.getNextRunAt().raw() + ")");
        Outcomes.refusable("run now", () -> atlas.scheduledTasks().trigger(id))
            .ifPresent(r -> System.out.println("Run now: " + r.getMessage()));
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

  /**
   * @param task a task as the server created it
   * @return how long until it is due: its next run time less its creation time, both the server's
   *     (so the clocks of this machine and the server need not agree); zero when either is missing
   */
  static Duration untilDue(ScheduledTaskWithWarnings task) {
    Optional<Instant> next = Optional.ofNullable(task.getNextRunAt()).flatMap(AtlasTimestamp::toInstant);
    Optional<Instant> created = Optional.ofNullable(task.getCreatedAt()).flatMap(AtlasTimestamp::toInstant);
    if (next.isEmpty() || created.isEmpty() || next.get().isBefore(created.get())) {
      return Duration.ZERO;
    }
    return Duration.between(created.get(), next.get());
  }

  /** @return a connection group that exists on the server; the step is skipped when there is none */
  static String connectionGroup(AtlasClient atlas) {
    ListConnectionsResponse connections = atlas.admin().connections();
    return connections.getConnections().stream().map(ConnectionInfo::getGroupId).filter(Objects::nonNull)
        .findFirst().orElseThrow(() -> Outcomes.skipStep("the server lists no connection with a group to run a task on"));
  }
}
