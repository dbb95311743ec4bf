package dev.atlas.client;

import dev.atlas.client.generated.model.ActionStatus;

/**
 * Filter and page size of {@link Actions#list(ListActionsParams)}. Immutable; null components are
 * not sent (server defaults: status {@code pending}, limit 50). The server pages no further: no
 * offset and no total, at most 100 rows.
 *
 * @param status only actions with this status, or null for the server's default ({@code pending})
 * @param limit page size (the server clamps it to 100), or null for 50
 */
public record ListActionsParams(ActionStatus status, Integer limit) {
  /** @return no filter, server defaults */
  public static ListActionsParams defaults() {
    return new ListActionsParams(null, null);
  }

  /** @param status the status filter @return a copy with it set */
  public ListActionsParams withStatus(ActionStatus status) {
    return new ListActionsParams(status, limit);
  }

  /** @param limit page size, 1 to 100 @return a copy with it set */
  public ListActionsParams withLimit(Integer limit) {
    return new ListActionsParams(status, limit);
  }
}
