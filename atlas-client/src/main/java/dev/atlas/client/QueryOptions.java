package dev.atlas.client;

/**
 * Options of {@link AtlasClient#query(String, QueryOptions)}. Immutable; null components are not sent.
 *
 * @deprecated use {@link QueryParams}, named after the operation as every input value of the SDK is
 *
 * @param conversationId continue this conversation (a UUID), or null for a new one
 * @param connectionId query this datasource connection, or null for the default
 */
@Deprecated
public record QueryOptions(String conversationId, String connectionId) {
  private static final QueryOptions NONE = new QueryOptions(null, null);

  /**
   * @return options that send nothing extra
   * @deprecated use {@link QueryParams#defaults()}
   */
  @Deprecated
  public static QueryOptions none() {
    return NONE;
  }

  /** @param conversationId the conversation to continue @return a copy with it set */
  public QueryOptions withConversationId(String conversationId) {
    return new QueryOptions(conversationId, connectionId);
  }

  /** @param connectionId the connection to query @return a copy with it set */
  public QueryOptions withConnectionId(String connectionId) {
    return new QueryOptions(conversationId, connectionId);
  }

  /** @return the same inputs as {@link QueryParams} */
  QueryParams toParams() {
    return new QueryParams(conversationId, connectionId);
  }
}
