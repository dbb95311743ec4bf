package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.generated.api.ScheduledTasksApi;
import dev.atlas.client.generated.model.CreateScheduledTaskInput;
import dev.atlas.client.generated.model.ListScheduledTaskRunsResponse;
import dev.atlas.client.generated.model.ListScheduledTasksResponse;
import dev.atlas.client.generated.model.ScheduledTask;
import dev.atlas.client.generated.model.ScheduledTaskRun;
import dev.atlas.client.generated.model.ScheduledTaskWithRuns;
import dev.atlas.client.generated.model.ScheduledTaskWithWarnings;
import dev.atlas.client.generated.model.TriggerScheduledTaskResponse;
import dev.atlas.client.generated.model.UpdateScheduledTaskInput;
import dev.atlas.client.generated.model.UpdateScheduledTaskResponse;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Scheduled tasks: questions Atlas asks on a cron schedule and delivers by email, Slack or webhook.
 * Obtained from {@link AtlasClient#scheduledTasks()}; thread-safe; every call has an
 * {@code ...Async} form returning a {@link CompletableFuture}. The server must run its
 * scheduler (404 {@code not_found} otherwise) and, with a plain API key, the key needs the admin role.
 */
public final class ScheduledTasks {
  private final ClientContext ctx;
  private final ScheduledTasksApi api;

  ScheduledTasks(ClientContext ctx) {
    this.ctx = ctx;
    this.api = new ScheduledTasksApi(ctx.apiClient());
  }

  /**
   * Creates a task. {@code connectionGroupId} is required by the server
   * (400 {@code connection_group_required} without it).
   *
   * <pre>{@code
   * atlas.scheduledTasks().create(new CreateScheduledTaskInput()
   *     .name("Daily revenue").question("What was yesterday's revenue?").cronExpression("0 9 * * *")
   *     .deliveryChannel(DeliveryChannel.EMAIL).connectionGroupId("default")
   *     .addRecipientsItem(new Recipient().type(DeliveryChannel.EMAIL).address("team@example.com")));
   * }</pre>
   *
   * @param input the task
   * @return the task as stored, with any warnings
   * @throws AtlasException on failure ({@code invalid_request} for a bad cron expression)
   */
  public ScheduledTaskWithWarnings create(CreateScheduledTaskInput input) {
    return create(input, RequestOptions.defaults());
  }

  /**
   * Creates a task with per-call settings.
   *
   * @param input the task
   * @param requestOptions timeout and headers
   * @return the task as stored, with any warnings
   * @throws AtlasException on failure
   */
  public ScheduledTaskWithWarnings create(CreateScheduledTaskInput input, RequestOptions requestOptions) {
    Objects.requireNonNull(input, "input");
    return ctx.send(createScheduledTaskOp(input), requestOptions);
  }

  /**
   * Lists tasks, newest first (server default: 20 per page).
   *
   * @return the first page
   * @throws AtlasException on failure
   */
  public Page<ScheduledTask> list() {
    return list(ListScheduledTasksParams.defaults(), RequestOptions.defaults());
  }

  /**
   * Lists tasks.
   *
   * @param params limit (clamped to 100), offset, enabled and connection-group filters
   * @return the page; {@link Page#nextPage()} continues after the items received
   * @throws AtlasException on failure
   */
  public Page<ScheduledTask> list(ListScheduledTasksParams params) {
    return list(params, RequestOptions.defaults());
  }

  /**
   * Lists tasks with per-call settings, which later pages reuse.
   *
   * @param params limit, offset and filters
   * @param requestOptions timeout and headers
   * @return the page
   * @throws AtlasException on failure
   */
  public Page<ScheduledTask> list(ListScheduledTasksParams params, RequestOptions requestOptions) {
    Objects.requireNonNull(params, "params");
    return page(params, requestOptions, ctx.send(listOp(params), requestOptions));
  }

  /**
   * Lists tasks without blocking.
   *
   * @param params limit, offset and filters
   * @param requestOptions timeout and headers, reused by later pages
   * @return the page
   */
  public CompletableFuture<Page<ScheduledTask>> listAsync(ListScheduledTasksParams params, RequestOptions requestOptions) {
    Objects.requireNonNull(params, "params");
    return ctx.sendAsync(listOp(params), requestOptions).thenApply(r -> page(params, requestOptions, r));
  }

  /** @return the runs of every task, paged */
  public AllTaskRuns allRuns() {
    return new AllTaskRuns(ctx, api);
  }

  /** @return a task's delivery, previewed */
  public TaskDelivery delivery() {
    return new TaskDelivery(ctx, api);
  }

  private Operation.CallFactory listCall(ListScheduledTasksParams params) {
    return () -> api.listScheduledTasksCall(params.limit(), params.offset(), params.enabled(), params.connectionGroupId(),
        null);
  }

  private Page<ScheduledTask> page(ListScheduledTasksParams params, RequestOptions requestOptions,
      ListScheduledTasksResponse r) {
    int offset = params.offset() == null ? 0 : Math.max(0, params.offset());
    return new Page<>(r.getTasks(), r.getTotal(), offset, params.limit(), null,
        next -> list(params.withOffset(next), requestOptions),
        next -> listAsync(params.withOffset(next), requestOptions), ScheduledTask::getId);
  }

  /**
   * Reads a task with its ten most recent runs.
   *
   * @param id the task id
   * @return the task and {@code recentRuns}
   * @throws dev.atlas.client.errors.AtlasNotFoundException if it does not exist
   */
  public ScheduledTaskWithRuns get(String id) {
    return get(id, RequestOptions.defaults());
  }

  /**
   * Reads a task with per-call settings.
   *
   * @param id the task id
   * @param requestOptions timeout and headers
   * @return the task and its recent runs
   * @throws AtlasException on failure
   */
  public ScheduledTaskWithRuns get(String id, RequestOptions requestOptions) {
    PathIds.check("id", id);
    return ctx.send(getScheduledTaskOp(id), requestOptions);
  }

  /**
   * Changes a task: the fields set on {@code params} are sent, the cleared ones as {@code null}, the
   * others are kept. {@code withEnabled(false)} pauses it.
   *
   * @param id the task id
   * @param params the fields to set and to clear
   * @return the task as stored, with any warnings
   * @throws AtlasException on failure
   */
  public UpdateScheduledTaskResponse update(String id, UpdateScheduledTaskParams params) {
    return update(id, params, RequestOptions.defaults());
  }

  /**
   * Changes a task with per-call settings.
   *
   * @param id the task id
   * @param params the fields to set and to clear
   * @param requestOptions timeout and headers
   * @return the task as stored, with any warnings
   * @throws AtlasException on failure
   */
  public UpdateScheduledTaskResponse update(String id, UpdateScheduledTaskParams params,
      RequestOptions requestOptions) {
    PathIds.check("id", id);
    Objects.requireNonNull(params, "params");
    return ctx.send(updateScheduledTaskOp(id, params.toInput(), params.clearsConnectionGroupId()), requestOptions);
  }

  /**
   * Changes a task: only the fields set on {@code changes} are sent.
   *
   * @param id the task id
   * @param changes the fields to change
   * @return the task as stored, with any warnings
   * @throws AtlasException on failure
   * @deprecated use {@link #update(String, UpdateScheduledTaskParams)}
   */
  @Deprecated
  public UpdateScheduledTaskResponse update(String id, UpdateScheduledTaskInput changes) {
    return update(id, changes, RequestOptions.defaults());
  }

  /**
   * Changes a task with per-call settings.
   *
   * @param id the task id
   * @param changes the fields to change
   * @param requestOptions timeout and headers
   * @return the task as stored, with any warnings
   * @throws AtlasException on failure
   * @deprecated use {@link #update(String, UpdateScheduledTaskParams, RequestOptions)}
   */
  @Deprecated
  public UpdateScheduledTaskResponse update(String id, UpdateScheduledTaskInput changes, RequestOptions requestOptions) {
    PathIds.check("id", id);
    Objects.requireNonNull(changes, "changes");
    return ctx.send(updateScheduledTaskOp(id, changes, false), requestOptions);
  }

  /**
   * Changes a task, also clearing fields (sent as {@code null}): e.g. its connection group.
   *
   * @param id the task id
   * @param changes the fields to set and to clear
   * @return the task as stored, with any warnings
   * @throws AtlasException on failure
   * @deprecated use {@link #update(String, UpdateScheduledTaskParams)}
   */
  @Deprecated
  public UpdateScheduledTaskResponse update(String id, TaskChanges changes) {
    return update(id, changes, RequestOptions.defaults());
  }

  /**
   * Changes a task, also clearing fields, with per-call settings.
   *
   * @param id the task id
   * @param changes the fields to set and to clear
   * @param requestOptions timeout and headers
   * @return the task as stored, with any warnings
   * @throws AtlasException on failure
   * @deprecated use {@link #update(String, UpdateScheduledTaskParams, RequestOptions)}
   */
  @Deprecated
  public UpdateScheduledTaskResponse update(String id, TaskChanges changes, RequestOptions requestOptions) {
    PathIds.check("id", id);
    Objects.requireNonNull(changes, "changes");
    return ctx.send(updateScheduledTaskOp(id, changes.input(), changes.clearsConnectionGroupId()), requestOptions);
  }

  /**
   * Runs a task now, outside its schedule. The run happens in the background; see {@link #listRuns(String)}.
   *
   * @param id the task id
   * @return the server's acknowledgement
   * @throws AtlasException on failure
   */
  public TriggerScheduledTaskResponse trigger(String id) {
    return trigger(id, RequestOptions.defaults());
  }

  /**
   * Runs a task now with per-call settings.
   *
   * @param id the task id
   * @param requestOptions timeout and headers
   * @return the server's acknowledgement
   * @throws AtlasException on failure
   */
  public TriggerScheduledTaskResponse trigger(String id, RequestOptions requestOptions) {
    PathIds.check("id", id);
    return ctx.send(triggerScheduledTaskOp(id), requestOptions);
  }

  /**
   * The most recent runs of a task (server default 20), newest first. Runs are not paged: the
   * server ignores offsets and returns no total.
   *
   * @param id the task id
   * @return the runs
   * @throws AtlasException on failure
   */
  public List<ScheduledTaskRun> listRuns(String id) {
    return listRuns(id, null, RequestOptions.defaults());
  }

  /**
   * The most recent runs of a task.
   *
   * @param id the task id
   * @param limit how many (clamped to 100), or null for the default
   * @return the runs, newest first
   * @throws AtlasException on failure
   */
  public List<ScheduledTaskRun> listRuns(String id, Integer limit) {
    return listRuns(id, limit, RequestOptions.defaults());
  }

  /**
   * The most recent runs of a task with per-call settings.
   *
   * @param id the task id
   * @param limit how many, or null for the default
   * @param requestOptions timeout and headers
   * @return the runs, newest first
   * @throws AtlasException on failure
   */
  public List<ScheduledTaskRun> listRuns(String id, Integer limit, RequestOptions requestOptions) {
    PathIds.check("id", id);
    ListScheduledTaskRunsResponse r = ctx.send(listScheduledTaskRunsOp(id, limit), requestOptions);
    return r.getRuns() == null ? List.of() : List.copyOf(r.getRuns());
  }

  /**
   * Deletes a task. The server soft-deletes: the task is disabled and stops running.
   *
   * @param id the task id
   * @throws AtlasException on failure
   */
  public void delete(String id) {
    delete(id, RequestOptions.defaults());
  }

  /**
   * Deletes a task with per-call settings.
   *
   * @param id the task id
   * @param requestOptions timeout and headers
   * @throws AtlasException on failure
   */
  public void delete(String id, RequestOptions requestOptions) {
    PathIds.check("id", id);
    ctx.send(deleteScheduledTaskOp(id), requestOptions);
  }

  /**
   * Creates a task without blocking.
   *
   * @param input the task
   * @param requestOptions timeout and headers
   * @return the task as stored, with any warnings
   */
  public CompletableFuture<ScheduledTaskWithWarnings> createAsync(CreateScheduledTaskInput input,
      RequestOptions requestOptions) {
    Objects.requireNonNull(input, "input");
    return ctx.sendAsync(createScheduledTaskOp(input), requestOptions);
  }

  /**
   * Reads a task without blocking.
   *
   * @param id the task id
   * @param requestOptions timeout and headers
   * @return the task and its recent runs
   */
  public CompletableFuture<ScheduledTaskWithRuns> getAsync(String id, RequestOptions requestOptions) {
    PathIds.check("id", id);
    return ctx.sendAsync(getScheduledTaskOp(id), requestOptions);
  }

  /**
   * Changes a task without blocking.
   *
   * @param id the task id
   * @param params the fields to set and to clear
   * @param requestOptions timeout and headers
   * @return the task as stored, with any warnings
   */
  public CompletableFuture<UpdateScheduledTaskResponse> updateAsync(String id, UpdateScheduledTaskParams params,
      RequestOptions requestOptions) {
    PathIds.check("id", id);
    Objects.requireNonNull(params, "params");
    return ctx.sendAsync(updateScheduledTaskOp(id, params.toInput(), params.clearsConnectionGroupId()), requestOptions);
  }

  /**
   * Changes a task without blocking.
   *
   * @param id the task id
   * @param changes the fields to change
   * @param requestOptions timeout and headers
   * @return the task as stored, with any warnings
   * @deprecated use {@link #updateAsync(String, UpdateScheduledTaskParams, RequestOptions)}
   */
  @Deprecated
  public CompletableFuture<UpdateScheduledTaskResponse> updateAsync(String id, UpdateScheduledTaskInput changes,
      RequestOptions requestOptions) {
    PathIds.check("id", id);
    Objects.requireNonNull(changes, "changes");
    return ctx.sendAsync(updateScheduledTaskOp(id, changes, false), requestOptions);
  }

  /**
   * Changes a task, also clearing fields, without blocking.
   *
   * @param id the task id
   * @param changes the fields to set and to clear
   * @param requestOptions timeout and headers
   * @return the task as stored, with any warnings
   * @deprecated use {@link #updateAsync(String, UpdateScheduledTaskParams, RequestOptions)}
   */
  @Deprecated
  public CompletableFuture<UpdateScheduledTaskResponse> updateAsync(String id, TaskChanges changes,
      RequestOptions requestOptions) {
    PathIds.check("id", id);
    Objects.requireNonNull(changes, "changes");
    return ctx.sendAsync(updateScheduledTaskOp(id, changes.input(), changes.clearsConnectionGroupId()),
        requestOptions);
  }

  /**
   * Runs a task now without blocking.
   *
   * @param id the task id
   * @param requestOptions timeout and headers
   * @return the server's acknowledgement
   */
  public CompletableFuture<TriggerScheduledTaskResponse> triggerAsync(String id, RequestOptions requestOptions) {
    PathIds.check("id", id);
    return ctx.sendAsync(triggerScheduledTaskOp(id), requestOptions);
  }

  /**
   * The most recent runs of a task without blocking.
   *
   * @param id the task id
   * @param limit how many, or null for the default
   * @param requestOptions timeout and headers
   * @return the runs, newest first
   */
  public CompletableFuture<List<ScheduledTaskRun>> listRunsAsync(String id, Integer limit, RequestOptions requestOptions) {
    PathIds.check("id", id);
    return ctx.sendAsync(listScheduledTaskRunsOp(id, limit), requestOptions)
        .thenApply(r -> r.getRuns() == null ? List.of() : List.copyOf(r.getRuns()));
  }

  /**
   * Deletes a task without blocking.
   *
   * @param id the task id
   * @param requestOptions timeout and headers
   * @return completes when deleted
   */
  public CompletableFuture<Void> deleteAsync(String id, RequestOptions requestOptions) {
    PathIds.check("id", id);
    return ctx.sendAsync(deleteScheduledTaskOp(id), requestOptions);
  }

  private Operation<ScheduledTaskWithWarnings> createScheduledTaskOp(CreateScheduledTaskInput input) {
    return Operation.of("createScheduledTask", () -> api.createScheduledTaskCall(input, null), ScheduledTaskWithWarnings.class);
  }

  private Operation<ListScheduledTasksResponse> listOp(ListScheduledTasksParams params) {
    return Operation.of("listScheduledTasks", listCall(params), ListScheduledTasksResponse.class);
  }

  private Operation<ScheduledTaskWithRuns> getScheduledTaskOp(String id) {
    return Operation.of("getScheduledTask", () -> api.getScheduledTaskCall(id, null), ScheduledTaskWithRuns.class).about(id);
  }

  private Operation<UpdateScheduledTaskResponse> updateScheduledTaskOp(String id, UpdateScheduledTaskInput input,
      boolean clearConnectionGroupId) {
    List<String> cleared = clearConnectionGroupId ? List.of("connectionGroupId") : List.of();
    return Operation.of("updateScheduledTask", () -> api.updateScheduledTaskCall(id, input, null),
        UpdateScheduledTaskResponse.class).about(id).rewrite(r -> JsonNulls.with(r, cleared));
  }


  private Operation<TriggerScheduledTaskResponse> triggerScheduledTaskOp(String id) {
    return Operation.of("triggerScheduledTask", () -> api.triggerScheduledTaskCall(id, null),
        TriggerScheduledTaskResponse.class).about(id);
  }

  private Operation<ListScheduledTaskRunsResponse> listScheduledTaskRunsOp(String id, Integer limit) {
    return Operation.of("listScheduledTaskRuns", () -> api.listScheduledTaskRunsCall(id, limit, null),
        ListScheduledTaskRunsResponse.class).about(id);
  }

  private Operation<Void> deleteScheduledTaskOp(String id) {
    return Operation.of("deleteScheduledTask", () -> api.deleteScheduledTaskCall(id, null), Void.class).about(id);
  }
}
