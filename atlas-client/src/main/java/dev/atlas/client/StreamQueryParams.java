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
 * @param detached true to leave the agent's run going when the stream is closed early; by default
 *     closing (cancelling) a stream whose run id is known also asks the server to stop the run
 * @param recovery what the stream does when the network cuts it, or null for the client's setting
 *     ({@link AtlasClientBuilder#streamRecovery(StreamRecovery)}, off by default)
 */
public record StreamQueryParams(String conversationId, String connectionId, String connectionGroupId,
    RoutingMode routingMode, AnswerStyle answerStyle, int maxEventBytes, boolean detached, StreamRecovery recovery) {

  /** Checks the size limit. */
  public StreamQueryParams {
    if (maxEventBytes < 0) {
      throw new IllegalArgumentException("maxEventBytes must not be negative");
    }
  }

  /**
   * The inputs of 1.1's first form: attached (stop on close), the client's recovery setting.
   *
   * @param conversationId the conversation to continue, or null
   * @param connectionId the connection, or null
   * @param connectionGroupId the connection group, or null
   * @param routingMode the routing mode, or null
   * @param answerStyle the answer style, or null
   * @param maxEventBytes the largest frame accepted, 0 for the default
   */
  public StreamQueryParams(String conversationId, String connectionId, String connectionGroupId,
      RoutingMode routingMode, AnswerStyle answerStyle, int maxEventBytes) {
    this(conversationId, connectionId, connectionGroupId, routingMode, answerStyle, maxEventBytes, false, null);
  }

  private static final StreamQueryParams DEFAULTS = new StreamQueryParams(null, null, null, null, null, 0);

  /** @return nothing set: the server's defaults and the default frame limit */
  public static StreamQueryParams defaults() {
    return DEFAULTS;
  }

  /** @param id the conversation to continue @return a copy with it set */
  public StreamQueryParams withConversationId(String id) {
    return new StreamQueryParams(id, connectionId, connectionGroupId, routingMode, answerStyle, maxEventBytes, detached, recovery);
  }

  /** @param id the connection to query @return a copy with it set */
  public StreamQueryParams withConnectionId(String id) {
    return new StreamQueryParams(conversationId, id, connectionGroupId, routingMode, answerStyle, maxEventBytes, detached, recovery);
  }

  /** @param id the connection group to query @return a copy with it set */
  public StreamQueryParams withConnectionGroupId(String id) {
    return new StreamQueryParams(conversationId, connectionId, id, routingMode, answerStyle, maxEventBytes, detached, recovery);
  }

  /** @param mode the routing mode @return a copy with it set */
  public StreamQueryParams withRoutingMode(RoutingMode mode) {
    return new StreamQueryParams(conversationId, connectionId, connectionGroupId, mode, answerStyle, maxEventBytes, detached, recovery);
  }

  /** @param style the answer style @return a copy with it set */
  public StreamQueryParams withAnswerStyle(AnswerStyle style) {
    return new StreamQueryParams(conversationId, connectionId, connectionGroupId, routingMode, style, maxEventBytes, detached, recovery);
  }

  /** @param bytes the largest frame accepted (0 for the default) @return a copy with it set */
  public StreamQueryParams withMaxEventBytes(int bytes) {
    return new StreamQueryParams(conversationId, connectionId, connectionGroupId, routingMode, answerStyle, bytes, detached, recovery);
  }

  /**
   * @param detached true to leave the run going when the stream is closed early (by default closing
   *     it asks the server to stop the run)
   * @return a copy with it set
   */
  public StreamQueryParams withDetached(boolean detached) {
    return new StreamQueryParams(conversationId, connectionId, connectionGroupId, routingMode, answerStyle,
        maxEventBytes, detached, recovery);
  }

  /**
   * @param recovery what the stream does when the network cuts it ({@link StreamRecovery#follow()},
   *     {@link StreamRecovery#off()}), or null for the client's setting
   * @return a copy with it set
   */
  public StreamQueryParams withRecovery(StreamRecovery recovery) {
    return new StreamQueryParams(conversationId, connectionId, connectionGroupId, routingMode, answerStyle,
        maxEventBytes, detached, recovery);
  }
}
