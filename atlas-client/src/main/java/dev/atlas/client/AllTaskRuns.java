package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.generated.api.ScheduledTasksApi;
import dev.atlas.client.generated.model.ListAllScheduledTaskRunsResponse;
import dev.atlas.client.generated.model.ScheduledTaskRunOfTask;
import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The runs of every scheduled task, newest first, paged ({@code GET /api/v1/scheduled-tasks/runs}).
 * Obtained from {@code atlas.scheduledTasks().allRuns()}; thread-safe. Admin role and an active
 * organization (400 {@code bad_request} without one).
 */
public final class AllTaskRuns {
  private final ClientContext ctx;
  private final ScheduledTasksApi api;

  AllTaskRuns(ClientContext ctx, ScheduledTasksApi api) {
    this.ctx = ctx;
    this.api = api;
  }

  /**
   * The first page of every task's runs (20, the server's default).
   *
   * @return the page; {@link Page#autoPager()} walks the rest
   * @throws AtlasException on failure
   */
  public Page<ScheduledTaskRunOfTask> list() {
    return list(ListAllScheduledTaskRunsParams.defaults(), RequestOptions.defaults());
  }

  /**
   * A page of runs, filtered.
   *
   * @param params limit, offset and filters
   * @return the page, with the total matching the filters
   * @throws AtlasException on failure
   */
  public Page<ScheduledTaskRunOfTask> list(ListAllScheduledTaskRunsParams params) {
    return list(params, RequestOptions.defaults());
  }

  /**
   * A page of runs with per-call settings.
   *
   * @param params limit, offset and filters
   * @param requestOptions timeout, headers, retries; reused by later pages
   * @return the page
   * @throws AtlasException on failure
   */
  public Page<ScheduledTaskRunOfTask> list(ListAllScheduledTaskRunsParams params, RequestOptions requestOptions) {
    Objects.requireNonNull(params, "params");
    return page(params, requestOptions, ctx.send(op(params), requestOptions));
  }

  /**
   * A page of runs without blocking.
   *
   * @param params limit, offset and filters
   * @param requestOptions timeout, headers, retries; reused by later pages
   * @return the page; fails with the typed exception
   */
  public CompletableFuture<Page<ScheduledTaskRunOfTask>> listAsync(ListAllScheduledTaskRunsParams params,
      RequestOptions requestOptions) {
    Objects.requireNonNull(params, "params");
    return ctx.sendAsync(op(params), requestOptions).thenApply(r -> page(params, requestOptions, r));
  }

  private Operation<ListAllScheduledTaskRunsResponse> op(ListAllScheduledTaskRunsParams p) {
    return Operation.of("listAllScheduledTaskRuns", () -> api.listAllScheduledTaskRunsCall(p.limit(), p.offset(),
        p.taskId(), p.status(), day(p.dateFrom()), day(p.dateTo()), null), ListAllScheduledTaskRunsResponse.class);
  }

  private static String day(LocalDate d) {
    return d == null ? null : d.toString();
  }

  private Page<ScheduledTaskRunOfTask> page(ListAllScheduledTaskRunsParams params, RequestOptions requestOptions,
      ListAllScheduledTaskRunsResponse r) {
    int offset = params.offset() == null ? 0 : Math.max(0, params.offset());
    return new Page<>(r.getRuns(), r.getTotal(), offset, params.limit(), null,
        next -> list(params.withOffset(next), requestOptions),
        next -> listAsync(params.withOffset(next), requestOptions), ScheduledTaskRunOfTask::getId);
  }

  @Override
  public String toString() {
    return "AllTaskRuns";
  }
}
