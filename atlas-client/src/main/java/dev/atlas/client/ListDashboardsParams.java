package dev.atlas.client;

/**
 * Paging of {@link Dashboards#list(ListDashboardsParams)} (operation {@code listDashboards}).
 * Immutable; null components are not sent (server defaults: limit 20, offset 0).
 *
 * @param limit page size (the server clamps it to 100), or null
 * @param offset items to skip, or null
 */
public record ListDashboardsParams(Integer limit, Integer offset) {
  /** @return server defaults */
  public static ListDashboardsParams defaults() {
    return new ListDashboardsParams(null, null);
  }

  /** @param limit page size @return a copy with it set */
  public ListDashboardsParams withLimit(Integer limit) {
    return new ListDashboardsParams(limit, offset);
  }

  /** @param offset items to skip @return a copy with it set */
  public ListDashboardsParams withOffset(Integer offset) {
    return new ListDashboardsParams(limit, offset);
  }
}
