package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.generated.api.ConversationsApi;
import dev.atlas.client.generated.model.ResetConversationMemoryResponse;
import java.util.concurrent.CompletableFuture;

/**
 * The memory the agent keeps per conversation ({@code /api/v1/conversations/{id}/memory}): read it,
 * clear it. Obtained from {@code atlas.conversations().memory()}; thread-safe.
 */
public final class ConversationMemory {
  private final ClientContext ctx;
  private final ConversationsApi api;

  ConversationMemory(ClientContext ctx, ConversationsApi api) {
    this.ctx = ctx;
    this.api = api;
  }

  /**
   * Reads a conversation's memory slots, ordered by namespace.
   *
   * @param conversationId the conversation (a UUID)
   * @return the slots; an unknown conversation, or one of another user, has none (not an error)
   * @throws AtlasException on failure (400 {@code invalid_request} for an id that is not a UUID)
   */
  public dev.atlas.client.generated.model.ConversationMemory get(String conversationId) {
    return get(conversationId, RequestOptions.defaults());
  }

  /**
   * Reads a conversation's memory with per-call settings.
   *
   * @param conversationId the conversation
   * @param requestOptions timeout, headers, retries
   * @return the slots
   * @throws AtlasException on failure
   */
  public dev.atlas.client.generated.model.ConversationMemory get(String conversationId, RequestOptions requestOptions) {
    return ctx.send(getOp(conversationId), requestOptions);
  }

  /**
   * Reads a conversation's memory without blocking.
   *
   * @param conversationId the conversation
   * @param requestOptions timeout, headers, retries
   * @return the slots; fails with the typed exception
   */
  public CompletableFuture<dev.atlas.client.generated.model.ConversationMemory> getAsync(String conversationId,
      RequestOptions requestOptions) {
    return ctx.sendAsync(getOp(conversationId), requestOptions);
  }

  /**
   * Clears a conversation's memory (the server answers 200 with the count, not 204).
   *
   * @param conversationId the conversation (a UUID)
   * @return how many slots were cleared (0 when there were none)
   * @throws AtlasException on failure
   */
  public ResetConversationMemoryResponse reset(String conversationId) {
    return reset(conversationId, RequestOptions.defaults());
  }

  /**
   * Clears a conversation's memory with per-call settings. A DELETE: retried after a dropped connection.
   *
   * @param conversationId the conversation
   * @param requestOptions timeout, headers, retries
   * @return how many slots were cleared
   * @throws AtlasException on failure
   */
  public ResetConversationMemoryResponse reset(String conversationId, RequestOptions requestOptions) {
    return ctx.send(resetOp(conversationId), requestOptions);
  }

  /**
   * Clears a conversation's memory without blocking.
   *
   * @param conversationId the conversation
   * @param requestOptions timeout, headers, retries
   * @return how many slots were cleared; fails with the typed exception
   */
  public CompletableFuture<ResetConversationMemoryResponse> resetAsync(String conversationId,
      RequestOptions requestOptions) {
    return ctx.sendAsync(resetOp(conversationId), requestOptions);
  }

  private Operation<dev.atlas.client.generated.model.ConversationMemory> getOp(String id) {
    PathIds.check("conversationId", id);
    return Operation.of("getConversationMemory", () -> api.getConversationMemoryCall(id, null),
        dev.atlas.client.generated.model.ConversationMemory.class).about(id);
  }

  private Operation<ResetConversationMemoryResponse> resetOp(String id) {
    PathIds.check("conversationId", id);
    return Operation.of("resetConversationMemory", () -> api.resetConversationMemoryCall(id, null),
        ResetConversationMemoryResponse.class).about(id);
  }

  @Override
  public String toString() {
    return "ConversationMemory";
  }
}
