package dev.atlas.client;

/**
 * The inputs of {@link AtlasClient#query(String, QueryParams)} beyond the question. Immutable;
 * start from {@link #defaults()}; null components are not sent.
 *
 * @param conversationId continue this conversation (a UUID), or null for a new one
 * @param connectionId query this datasource connection, or null for the default
 */
public record QueryParams(String conversationId, String connectionId) {
  private static final QueryParams DEFAULTS = new QueryParams(null, null);

  /** @return nothing set: the server's defaults */
  public static QueryParams defaults() {
    return DEFAULTS;
  }

  /** @param conversationId the conversation to continue @return a copy with it set */
  public QueryParams withConversationId(String conversationId) {
    return new QueryParams(conversationId, connectionId);
  }

  /** @param connectionId the connection to query @return a copy with it set */
  public QueryParams withConnectionId(String connectionId) {
    return new QueryParams(conversationId, connectionId);
  }
}
