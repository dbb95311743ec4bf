package dev.atlas.client;

import dev.atlas.client.generated.model.AnswerStyle;
import dev.atlas.client.generated.model.RoutingMode;

/**
 * Options of a streamed question or chat. Immutable; null components are not sent.
 *
 * @deprecated use {@link StreamQueryParams}, named after the operation as every input value of the SDK is
 *
 * @param conversationId continue this conversation (a UUID), or null for a new one
 * @param connectionId query this datasource connection, or null for the default
 * @param connectionGroupId query this connection group, or null
 * @param routingMode how the question is routed across connections, or null
 * @param answerStyle how the answer is written, or null
 * @param maxEventBytes the largest frame accepted; 0 means {@link SseParser#DEFAULT_MAX_EVENT_BYTES}
 */
@Deprecated
public record StreamQueryOptions(String conversationId, String connectionId, String connectionGroupId,
    RoutingMode routingMode, AnswerStyle answerStyle, int maxEventBytes) {

  /** Checks the size limit. */
  public StreamQueryOptions {
    if (maxEventBytes < 0) {
      throw new IllegalArgumentException("maxEventBytes must not be negative");
    }
  }

  /**
   * @return options that send nothing extra
   * @deprecated use {@link StreamQueryParams#defaults()}
   */
  @Deprecated
  public static StreamQueryOptions none() {
    return new StreamQueryOptions(null, null, null, null, null, 0);
  }

  /** @param id the conversation to continue @return a copy with it set */
  public StreamQueryOptions withConversationId(String id) {
    return new StreamQueryOptions(id, connectionId, connectionGroupId, routingMode, answerStyle, maxEventBytes);
  }

  /** @param id the connection to query @return a copy with it set */
  public StreamQueryOptions withConnectionId(String id) {
    return new StreamQueryOptions(conversationId, id, connectionGroupId, routingMode, answerStyle, maxEventBytes);
  }

  /** @param id the connection group to query @return a copy with it set */
  public StreamQueryOptions withConnectionGroupId(String id) {
    return new StreamQueryOptions(conversationId, connectionId, id, routingMode, answerStyle, maxEventBytes);
  }

  /** @param mode the routing mode @return a copy with it set */
  public StreamQueryOptions withRoutingMode(RoutingMode mode) {
    return new StreamQueryOptions(conversationId, connectionId, connectionGroupId, mode, answerStyle, maxEventBytes);
  }

  /** @param style the answer style @return a copy with it set */
  public StreamQueryOptions withAnswerStyle(AnswerStyle style) {
    return new StreamQueryOptions(conversationId, connectionId, connectionGroupId, routingMode, style, maxEventBytes);
  }

  /** @param bytes the largest frame accepted (0 for the default) @return a copy with it set */
  public StreamQueryOptions withMaxEventBytes(int bytes) {
    return new StreamQueryOptions(conversationId, connectionId, connectionGroupId, routingMode, answerStyle, bytes);
  }

  /** @return the same inputs as {@link StreamQueryParams} */
  StreamQueryParams toParams() {
    return new StreamQueryParams(conversationId, connectionId, connectionGroupId, routingMode, answerStyle,
        maxEventBytes);
  }
}
