package dev.atlas.client;

/**
 * Filters and paging of {@link ScheduledTasks#list(ListScheduledTasksParams)}. Immutable; null
 * components are not sent (server defaults: limit 20, offset 0, all tasks).
 *
 * @param limit page size (the server clamps it to 100), or null
 * @param offset items to skip, or null
 * @param enabled only enabled ({@code true}) or disabled ({@code false}) tasks, or null for all
 * @param connectionGroupId only tasks of this connection group, or null
 */
public record ListScheduledTasksParams(Integer limit, Integer offset, Boolean enabled, String connectionGroupId) {
  /** @return no filters, server defaults */
  public static ListScheduledTasksParams defaults() {
    return new ListScheduledTasksParams(null, null, null, null);
  }

  /** @param limit page size @return a copy with it set */
  public ListScheduledTasksParams withLimit(Integer limit) {
    return new ListScheduledTasksParams(limit, offset, enabled, connectionGroupId);
  }

  /** @param offset items to skip @return a copy with it set */
  public ListScheduledTasksParams withOffset(Integer offset) {
    return new ListScheduledTasksParams(limit, offset, enabled, connectionGroupId);
  }

  /** @param enabled the enabled filter @return a copy with it set */
  public ListScheduledTasksParams withEnabled(Boolean enabled) {
    return new ListScheduledTasksParams(limit, offset, enabled, connectionGroupId);
  }

  /** @param connectionGroupId the connection group filter @return a copy with it set */
  public ListScheduledTasksParams withConnectionGroupId(String connectionGroupId) {
    return new ListScheduledTasksParams(limit, offset, enabled, connectionGroupId);
  }
}
