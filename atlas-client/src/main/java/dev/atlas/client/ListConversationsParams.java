package dev.atlas.client;

/**
 * Filters and paging of {@link Conversations#list(ListConversationsParams)}. Immutable; null
 * components are not sent (the server's defaults apply: limit 20, offset 0, all conversations).
 *
 * @param limit page size (the server clamps it to 100), or null
 * @param offset items to skip, or null
 * @param starred only starred ({@code true}) or unstarred ({@code false}) conversations, or null for all
 */
public record ListConversationsParams(Integer limit, Integer offset, Boolean starred) {
  /** @return no filters, server defaults */
  public static ListConversationsParams defaults() {
    return new ListConversationsParams(null, null, null);
  }

  /** @param limit page size @return a copy with it set */
  public ListConversationsParams withLimit(Integer limit) {
    return new ListConversationsParams(limit, offset, starred);
  }

  /** @param offset items to skip @return a copy with it set */
  public ListConversationsParams withOffset(Integer offset) {
    return new ListConversationsParams(limit, offset, starred);
  }

  /** @param starred the starred filter @return a copy with it set */
  public ListConversationsParams withStarred(Boolean starred) {
    return new ListConversationsParams(limit, offset, starred);
  }
}
