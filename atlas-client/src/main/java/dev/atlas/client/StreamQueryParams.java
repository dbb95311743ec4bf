package dev.atlas.client;

import dev.atlas.client.generated.model.AnswerStyle;
import dev.atlas.client.generated.model.RoutingMode;

/**
 * The inputs of a streamed question ({@link AtlasClient#streamQuery(String, StreamQueryParams)}) or
 * chat beyond the question or messages. Immutable; start from {@link #defaults()}; null components
 * are not sent.
 *
 * @param conversationId continue this conversation (a UUID), or null for a new one
 * @param connectionId query this datasource connection, or null for the default
 * @param connectionGroupId query this connection group, or null
 * @param routingMode how the question is routed across connections, or null
 * @param answerStyle how the answer is written, or null
 * @param maxEventBytes the largest frame accepted; 0 means {@link SseParser#DEFAULT_MAX_EVENT_BYTES}
 */
public record StreamQueryParams(String conversationId, String connectionId, String connectionGroupId,
    RoutingMode routingMode, AnswerStyle answerStyle, int maxEventBytes) {

  /** Checks the size limit. */
  public StreamQueryParams {
    if (maxEventBytes < 0) {
      throw new IllegalArgumentException("maxEventBytes must not be negative");
    }
  }

  private static final StreamQueryParams DEFAULTS = new StreamQueryParams(null, null, null, null, null, 0);

  /** @return nothing set: the server's defaults and the default frame limit */
  public static StreamQueryParams defaults() {
    return DEFAULTS;
  }

  /** @param id the conversation to continue @return a copy with it set */
  public StreamQueryParams withConversationId(String id) {
    return new StreamQueryParams(id, connectionId, connectionGroupId, routingMode, answerStyle, maxEventBytes);
  }

  /** @param id the connection to query @return a copy with it set */
  public StreamQueryParams withConnectionId(String id) {
    return new StreamQueryParams(conversationId, id, connectionGroupId, routingMode, answerStyle, maxEventBytes);
  }

  /** @param id the connection group to query @return a copy with it set */
  public StreamQueryParams withConnectionGroupId(String id) {
    return new StreamQueryParams(conversationId, connectionId, id, routingMode, answerStyle, maxEventBytes);
  }

  /** @param mode the routing mode @return a copy with it set */
  public StreamQueryParams withRoutingMode(RoutingMode mode) {
    return new StreamQueryParams(conversationId, connectionId, connectionGroupId, mode, answerStyle, maxEventBytes);
  }

  /** @param style the answer style @return a copy with it set */
  public StreamQueryParams withAnswerStyle(AnswerStyle style) {
    return new StreamQueryParams(conversationId, connectionId, connectionGroupId, routingMode, style, maxEventBytes);
  }

  /** @param bytes the largest frame accepted (0 for the default) @return a copy with it set */
  public StreamQueryParams withMaxEventBytes(int bytes) {
    return new StreamQueryParams(conversationId, connectionId, connectionGroupId, routingMode, answerStyle, bytes);
  }
}
