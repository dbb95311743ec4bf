package dev.atlas.client;

import dev.atlas.client.generated.model.UpdateScheduledTaskInput;
import java.util.Objects;

/**
 * The changes to a scheduled task: the fields set on an {@link UpdateScheduledTaskInput}, which
 * are sent, plus fields to clear, which are sent as an explicit JSON {@code null}. A field neither
 * set nor cleared is left as it is: the server reads a missing field as "keep" and {@code null} as
 * "clear", and {@code input.connectionGroupId(null)} alone cannot say "clear" (unset fields are not
 * sent).
 *
 * <pre>{@code atlas.scheduledTasks().update(id, TaskChanges.of(new UpdateScheduledTaskInput().enabled(true))
 *     .clearConnectionGroupId());}</pre>
 *
 * @deprecated use {@link UpdateScheduledTaskParams}, named after the operation as every input value
 *     of the SDK is, with the same explicit-null {@code clearConnectionGroupId()}
 */
@Deprecated
public final class TaskChanges {
  private final UpdateScheduledTaskInput input;
  private final boolean clearConnectionGroupId;

  private TaskChanges(UpdateScheduledTaskInput input, boolean clearConnectionGroupId) {
    this.input = input;
    this.clearConnectionGroupId = clearConnectionGroupId;
  }

  /**
   * @param input the fields to set (a new, empty input changes nothing)
   * @return the changes
   */
  public static TaskChanges of(UpdateScheduledTaskInput input) {
    return new TaskChanges(Objects.requireNonNull(input, "input"), false);
  }

  /** @return these changes, also clearing the task's connection group (it then runs unscoped) */
  public TaskChanges clearConnectionGroupId() {
    return new TaskChanges(input, true);
  }

  /** @return the fields to set */
  public UpdateScheduledTaskInput input() {
    return input;
  }

  /** @return whether the connection group is cleared */
  public boolean clearsConnectionGroupId() {
    return clearConnectionGroupId;
  }

  @Override
  public String toString() {
    return "TaskChanges{" + input.toString().replace('\n', ' ') + (clearConnectionGroupId ? ", clear connectionGroupId" : "")
        + "}";
  }
}
