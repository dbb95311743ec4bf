package dev.atlas.client;

import java.time.LocalDate;

/**
 * Filters and paging of {@link AllTaskRuns#list(ListAllScheduledTaskRunsParams)}. Immutable; start
 * from {@link #defaults()}; null components are not sent (server defaults: limit 20, offset 0, every
 * run). The server ignores a filter it cannot read rather than refusing it.
 *
 * @param limit page size (the server clamps it to 100), or null
 * @param offset items to skip, or null
 * @param taskId only this task's runs (a UUID), or null
 * @param status only runs with this status ({@code running}, {@code success}, {@code failed},
 *     {@code skipped}), or null
 * @param dateFrom only runs started on or after this day, or null
 * @param dateTo only runs started on or before this day, or null
 */
public record ListAllScheduledTaskRunsParams(Integer limit, Integer offset, String taskId, String status,
    LocalDate dateFrom, LocalDate dateTo) {
  /** @return no filters, server defaults */
  public static ListAllScheduledTaskRunsParams defaults() {
    return new ListAllScheduledTaskRunsParams(null, null, null, null, null, null);
  }

  /** @param limit page size @return a copy with it set */
  public ListAllScheduledTaskRunsParams withLimit(Integer limit) {
    return new ListAllScheduledTaskRunsParams(limit, offset, taskId, status, dateFrom, dateTo);
  }

  /** @param offset items to skip @return a copy with it set */
  public ListAllScheduledTaskRunsParams withOffset(Integer offset) {
    return new ListAllScheduledTaskRunsParams(limit, offset, taskId, status, dateFrom, dateTo);
  }

  /** @param taskId the task @return a copy with it set */
  public ListAllScheduledTaskRunsParams withTaskId(String taskId) {
    return new ListAllScheduledTaskRunsParams(limit, offset, taskId, status, dateFrom, dateTo);
  }

  /** @param status the status @return a copy with it set */
  public ListAllScheduledTaskRunsParams withStatus(String status) {
    return new ListAllScheduledTaskRunsParams(limit, offset, taskId, status, dateFrom, dateTo);
  }

  /** @param dateFrom the first day @return a copy with it set */
  public ListAllScheduledTaskRunsParams withDateFrom(LocalDate dateFrom) {
    return new ListAllScheduledTaskRunsParams(limit, offset, taskId, status, dateFrom, dateTo);
  }

  /** @param dateTo the last day @return a copy with it set */
  public ListAllScheduledTaskRunsParams withDateTo(LocalDate dateTo) {
    return new ListAllScheduledTaskRunsParams(limit, offset, taskId, status, dateFrom, dateTo);
  }
}
