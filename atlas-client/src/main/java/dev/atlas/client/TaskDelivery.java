package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.generated.api.ScheduledTasksApi;
import dev.atlas.client.generated.model.TaskDeliveryPreview;
import java.util.concurrent.CompletableFuture;

/**
 * What a scheduled task's delivery looks like ({@code POST /api/v1/scheduled-tasks/{id}/preview}).
 * Obtained from {@code atlas.scheduledTasks().delivery()}; thread-safe. Admin role, as every
 * scheduled-task route.
 */
public final class TaskDelivery {
  private final ClientContext ctx;
  private final ScheduledTasksApi api;

  TaskDelivery(ClientContext ctx, ScheduledTasksApi api) {
    this.ctx = ctx;
    this.api = api;
  }

  /**
   * Formats a fixed sample result (a revenue example) with the task's channel: the email's subject
   * and HTML body, the Slack text and blocks, or the webhook's JSON. Nothing is sent or run, so it is
   * retried like a read.
   *
   * @param taskId the task (a UUID)
   * @return the preview for the task's channel
   * @throws dev.atlas.client.errors.AtlasNotFoundException for an unknown task
   * @throws AtlasException on other failures
   */
  public TaskDeliveryPreview preview(String taskId) {
    return preview(taskId, RequestOptions.defaults());
  }

  /**
   * Previews a task's delivery with per-call settings.
   *
   * @param taskId the task
   * @param requestOptions timeout, headers, retries
   * @return the preview
   * @throws AtlasException on failure
   */
  public TaskDeliveryPreview preview(String taskId, RequestOptions requestOptions) {
    return ctx.send(op(taskId), requestOptions);
  }

  /**
   * Previews a task's delivery without blocking.
   *
   * @param taskId the task
   * @param requestOptions timeout, headers, retries
   * @return the preview; fails with the typed exception
   */
  public CompletableFuture<TaskDeliveryPreview> previewAsync(String taskId, RequestOptions requestOptions) {
    return ctx.sendAsync(op(taskId), requestOptions);
  }

  private Operation<TaskDeliveryPreview> op(String taskId) {
    PathIds.check("taskId", taskId);
    return Operation.of("previewScheduledTaskDelivery", () -> api.previewScheduledTaskDeliveryCall(taskId, null),
        TaskDeliveryPreview.class).about(taskId).readOnly();
  }

  @Override
  public String toString() {
    return "TaskDelivery";
  }
}
