package dev.atlas.client;

import dev.atlas.client.generated.model.ActionApprovalMode;
import dev.atlas.client.generated.model.DeliveryChannel;
import dev.atlas.client.generated.model.Recipient;
import dev.atlas.client.generated.model.UpdateScheduledTaskInput;
import java.util.List;
import java.util.Objects;

/**
 * The changes of {@link ScheduledTasks#update(String, UpdateScheduledTaskParams)} (operation
 * {@code updateScheduledTask}). Immutable; start from {@link #defaults()} (nothing changes). A
 * field set with {@code withX} is sent; a field neither set nor cleared is not sent, and the server
 * keeps it; {@link #clearConnectionGroupId()} sends an explicit JSON {@code null}, which the server
 * reads as "clear" (the task then runs unscoped).
 *
 * <pre>{@code atlas.scheduledTasks().update(id, UpdateScheduledTaskParams.defaults().withEnabled(true)
 *     .clearConnectionGroupId());}</pre>
 */
public final class UpdateScheduledTaskParams {
  private static final UpdateScheduledTaskParams DEFAULTS =
      new UpdateScheduledTaskParams(null, null, null, null, null, null, false, null, null);

  private final String name;
  private final String question;
  private final String cronExpression;
  private final DeliveryChannel deliveryChannel;
  private final List<Recipient> recipients;
  private final String connectionGroupId;
  private final boolean clearConnectionGroupId;
  private final ActionApprovalMode approvalMode;
  private final Boolean enabled;

  private UpdateScheduledTaskParams(String name, String question, String cronExpression,
      DeliveryChannel deliveryChannel, List<Recipient> recipients, String connectionGroupId,
      boolean clearConnectionGroupId, ActionApprovalMode approvalMode, Boolean enabled) {
    this.name = name;
    this.question = question;
    this.cronExpression = cronExpression;
    this.deliveryChannel = deliveryChannel;
    this.recipients = recipients == null ? null : List.copyOf(recipients);
    this.connectionGroupId = connectionGroupId;
    this.clearConnectionGroupId = clearConnectionGroupId;
    this.approvalMode = approvalMode;
    this.enabled = enabled;
  }

  /** @return nothing set: an update that changes nothing */
  public static UpdateScheduledTaskParams defaults() {
    return DEFAULTS;
  }

  /** @param name the task's new name @return a copy with it set */
  public UpdateScheduledTaskParams withName(String name) {
    return new UpdateScheduledTaskParams(name, question, cronExpression, deliveryChannel, recipients,
        connectionGroupId, clearConnectionGroupId, approvalMode, enabled);
  }

  /** @param question the question it asks @return a copy with it set */
  public UpdateScheduledTaskParams withQuestion(String question) {
    return new UpdateScheduledTaskParams(name, question, cronExpression, deliveryChannel, recipients,
        connectionGroupId, clearConnectionGroupId, approvalMode, enabled);
  }

  /** @param cronExpression its schedule (cron) @return a copy with it set */
  public UpdateScheduledTaskParams withCronExpression(String cronExpression) {
    return new UpdateScheduledTaskParams(name, question, cronExpression, deliveryChannel, recipients,
        connectionGroupId, clearConnectionGroupId, approvalMode, enabled);
  }

  /** @param deliveryChannel where results go @return a copy with it set */
  public UpdateScheduledTaskParams withDeliveryChannel(DeliveryChannel deliveryChannel) {
    return new UpdateScheduledTaskParams(name, question, cronExpression, deliveryChannel, recipients,
        connectionGroupId, clearConnectionGroupId, approvalMode, enabled);
  }

  /** @param recipients who receives the results (copied) @return a copy with them set */
  public UpdateScheduledTaskParams withRecipients(List<Recipient> recipients) {
    return new UpdateScheduledTaskParams(name, question, cronExpression, deliveryChannel, recipients,
        connectionGroupId, clearConnectionGroupId, approvalMode, enabled);
  }

  /**
   * @param connectionGroupId the connection group it runs against (replaces an earlier
   *     {@link #clearConnectionGroupId()})
   * @return a copy with it set
   */
  public UpdateScheduledTaskParams withConnectionGroupId(String connectionGroupId) {
    return new UpdateScheduledTaskParams(name, question, cronExpression, deliveryChannel, recipients,
        connectionGroupId, false, approvalMode, enabled);
  }

  /** @return a copy that clears the task's connection group (sent as JSON {@code null}): it then runs unscoped */
  public UpdateScheduledTaskParams clearConnectionGroupId() {
    return new UpdateScheduledTaskParams(name, question, cronExpression, deliveryChannel, recipients, null, true,
        approvalMode, enabled);
  }

  /** @param approvalMode how its actions are approved @return a copy with it set */
  public UpdateScheduledTaskParams withApprovalMode(ActionApprovalMode approvalMode) {
    return new UpdateScheduledTaskParams(name, question, cronExpression, deliveryChannel, recipients,
        connectionGroupId, clearConnectionGroupId, approvalMode, enabled);
  }

  /** @param enabled false pauses the task, true resumes it @return a copy with it set */
  public UpdateScheduledTaskParams withEnabled(Boolean enabled) {
    return new UpdateScheduledTaskParams(name, question, cronExpression, deliveryChannel, recipients,
        connectionGroupId, clearConnectionGroupId, approvalMode, enabled);
  }

  /** @return whether the connection group is cleared (sent as JSON {@code null}) */
  public boolean clearsConnectionGroupId() {
    return clearConnectionGroupId;
  }

  /** @return the fields to send, as the generated request body */
  UpdateScheduledTaskInput toInput() {
    UpdateScheduledTaskInput in = new UpdateScheduledTaskInput().name(name).question(question)
        .cronExpression(cronExpression).deliveryChannel(deliveryChannel).connectionGroupId(connectionGroupId)
        .approvalMode(approvalMode).enabled(enabled);
    return recipients == null ? in : in.recipients(new java.util.ArrayList<>(recipients));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UpdateScheduledTaskParams p && Objects.equals(name, p.name) && Objects.equals(question, p.question)
        && Objects.equals(cronExpression, p.cronExpression) && Objects.equals(deliveryChannel, p.deliveryChannel)
        && Objects.equals(recipients, p.recipients) && Objects.equals(connectionGroupId, p.connectionGroupId)
        && clearConnectionGroupId == p.clearConnectionGroupId && Objects.equals(approvalMode, p.approvalMode)
        && Objects.equals(enabled, p.enabled);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, question, cronExpression, deliveryChannel, recipients, connectionGroupId,
        clearConnectionGroupId, approvalMode, enabled);
  }

  @Override
  public String toString() {
    return "UpdateScheduledTaskParams{name=" + name + ", question=" + question + ", cronExpression=" + cronExpression
        + ", deliveryChannel=" + deliveryChannel + ", recipients=" + recipients + ", connectionGroupId="
        + (clearConnectionGroupId ? "(cleared)" : connectionGroupId) + ", approvalMode=" + approvalMode + ", enabled="
        + enabled + "}";
  }
}
