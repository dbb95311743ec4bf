package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.generated.api.ConversationsApi;
import dev.atlas.client.generated.model.Conversation;
import dev.atlas.client.generated.model.ConversationWithMessages;
import dev.atlas.client.generated.model.ListConversationsResponse;
import dev.atlas.client.generated.model.ShareConversationRequest;
import dev.atlas.client.generated.model.ShareConversationResponse;
import dev.atlas.client.generated.model.ShareStatus;
import dev.atlas.client.generated.model.StarConversationRequest;
import dev.atlas.client.generated.model.StarConversationResponse;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Conversations: list, read, star, share and delete. Obtained from
 * {@link AtlasClient#conversations()}; thread-safe. Every call has an {@code ...Async} form that
 * returns a {@link CompletableFuture} without blocking a thread. Ids are UUIDs: a malformed one gets
 * {@link dev.atlas.client.errors.AtlasInvalidRequestException} ({@code invalid_request}).
 */
public final class Conversations {
  private final ClientContext ctx;
  private final ConversationsApi api;

  Conversations(ClientContext ctx) {
    this.ctx = ctx;
    this.api = new ConversationsApi(ctx.apiClient());
  }

  /**
   * Lists the most recently updated conversations (server defaults: 20 per page).
   *
   * @return the first page
   * @throws AtlasException on failure
   */
  public Page<Conversation> list() {
    return list(ListConversationsParams.defaults(), RequestOptions.defaults());
  }

  /**
   * Lists conversations, newest {@code updatedAt} first.
   *
   * @param params limit (clamped to 100 by the server), offset and starred filter
   * @return the page; {@link Page#nextPage()} continues after the items received
   * @throws AtlasException on failure
   */
  public Page<Conversation> list(ListConversationsParams params) {
    return list(params, RequestOptions.defaults());
  }

  /**
   * Lists conversations with per-call settings, which later pages reuse.
   *
   * @param params limit, offset and starred filter
   * @param requestOptions timeout and headers
   * @return the page
   * @throws AtlasException on failure
   */
  public Page<Conversation> list(ListConversationsParams params, RequestOptions requestOptions) {
    Objects.requireNonNull(params, "params");
    return page(params, requestOptions, ctx.send(listOp(params), requestOptions));
  }

  /**
   * Lists conversations without blocking; the page's {@code nextPageAsync()} and
   * {@code autoPager().forEachAsync(...)} continue asynchronously.
   *
   * @param params limit, offset and starred filter
   * @param requestOptions timeout and headers, reused by later pages
   * @return the page; completes exceptionally with the typed exception on failure
   */
  public CompletableFuture<Page<Conversation>> listAsync(ListConversationsParams params, RequestOptions requestOptions) {
    Objects.requireNonNull(params, "params");
    return ctx.sendAsync(listOp(params), requestOptions).thenApply(r -> page(params, requestOptions, r));
  }

  private Operation.CallFactory listCall(ListConversationsParams params) {
    return () -> api.listConversationsCall(params.limit(), params.offset(), params.starred(), null);
  }

  private Page<Conversation> page(ListConversationsParams params, RequestOptions requestOptions,
      ListConversationsResponse r) {
    int offset = params.offset() == null ? 0 : Math.max(0, params.offset());
    return new Page<>(r.getConversations(), r.getTotal(), offset, params.limit(), null,
        next -> list(params.withOffset(next), requestOptions),
        next -> listAsync(params.withOffset(next), requestOptions), Conversation::getId);
  }

  /**
   * Reads a conversation with its messages.
   *
   * @param id the conversation id
   * @return the conversation and its full message history
   * @throws dev.atlas.client.errors.AtlasNotFoundException if it does not exist
   */
  public ConversationWithMessages get(String id) {
    return get(id, RequestOptions.defaults());
  }

  /**
   * Reads a conversation with per-call settings.
   *
   * @param id the conversation id
   * @param requestOptions timeout and headers
   * @return the conversation and its messages
   * @throws AtlasException on failure
   */
  public ConversationWithMessages get(String id, RequestOptions requestOptions) {
    PathIds.check("id", id);
    return ctx.send(getConversationOp(id), requestOptions);
  }

  /**
   * Reads a conversation without blocking.
   *
   * @param id the conversation id
   * @param requestOptions timeout and headers
   * @return the conversation and its messages
   */
  public CompletableFuture<ConversationWithMessages> getAsync(String id, RequestOptions requestOptions) {
    PathIds.check("id", id);
    return ctx.sendAsync(getConversationOp(id), requestOptions);
  }

  /**
   * Stars a conversation (this also moves it to the top of the list: it bumps {@code updatedAt}).
   *
   * @param id the conversation id
   * @return the id and its new starred state
   * @throws AtlasException on failure
   */
  public StarConversationResponse star(String id) {
    return setStarred(id, true, RequestOptions.defaults());
  }

  /**
   * Removes the star from a conversation.
   *
   * @param id the conversation id
   * @return the id and its new starred state
   * @throws AtlasException on failure
   */
  public StarConversationResponse unstar(String id) {
    return setStarred(id, false, RequestOptions.defaults());
  }

  /**
   * Sets the starred state with per-call settings. Idempotent.
   *
   * @param id the conversation id
   * @param starred the new state
   * @param requestOptions timeout and headers
   * @return the id and its new starred state
   * @throws AtlasException on failure
   */
  public StarConversationResponse setStarred(String id, boolean starred, RequestOptions requestOptions) {
    PathIds.check("id", id);
    StarConversationRequest body = new StarConversationRequest().starred(starred);
    return ctx.send(starConversationOp(id, body), requestOptions);
  }

  /**
   * Sets the starred state without blocking.
   *
   * @param id the conversation id
   * @param starred the new state
   * @param requestOptions timeout and headers
   * @return the id and its new starred state
   */
  public CompletableFuture<StarConversationResponse> setStarredAsync(String id, boolean starred,
      RequestOptions requestOptions) {
    PathIds.check("id", id);
    StarConversationRequest body = new StarConversationRequest().starred(starred);
    return ctx.sendAsync(starConversationOp(id, body), requestOptions);
  }

  /**
   * Deletes a conversation and its messages.
   *
   * @param id the conversation id
   * @throws dev.atlas.client.errors.AtlasNotFoundException if it does not exist
   */
  public void delete(String id) {
    delete(id, RequestOptions.defaults());
  }

  /**
   * Deletes a conversation with per-call settings.
   *
   * @param id the conversation id
   * @param requestOptions timeout and headers
   * @throws AtlasException on failure
   */
  public void delete(String id, RequestOptions requestOptions) {
    PathIds.check("id", id);
    ctx.send(deleteConversationOp(id), requestOptions);
  }

  /**
   * Deletes a conversation without blocking.
   *
   * @param id the conversation id
   * @param requestOptions timeout and headers
   * @return completes when deleted
   */
  public CompletableFuture<Void> deleteAsync(String id, RequestOptions requestOptions) {
    PathIds.check("id", id);
    return ctx.sendAsync(deleteConversationOp(id), requestOptions);
  }

  /**
   * Shares a conversation with the server's defaults (expiry and mode).
   *
   * @param id the conversation id
   * @return the share token and URL
   * @throws AtlasException on failure
   */
  public ShareConversationResponse share(String id) {
    return share(id, ShareConversationParams.defaults(), RequestOptions.defaults());
  }

  /**
   * Shares a conversation with an expiry and mode.
   *
   * @param id the conversation id
   * @param params expiry and mode; unset ones are the server's defaults
   * @return the share token, URL, expiry and mode
   * @throws AtlasException on failure
   */
  public ShareConversationResponse share(String id, ShareConversationParams params) {
    return share(id, params, RequestOptions.defaults());
  }

  /**
   * Shares a conversation with per-call settings.
   *
   * @param id the conversation id
   * @param params expiry and mode
   * @param requestOptions timeout and headers
   * @return the share token, URL, expiry and mode
   * @throws AtlasException on failure
   */
  public ShareConversationResponse share(String id, ShareConversationParams params, RequestOptions requestOptions) {
    PathIds.check("id", id);
    Objects.requireNonNull(params, "params");
    return ctx.send(shareConversationOp(id, shareBody(params)), requestOptions);
  }

  /**
   * Shares a conversation without blocking.
   *
   * @param id the conversation id
   * @param params expiry and mode
   * @param requestOptions timeout and headers
   * @return the share token, URL, expiry and mode
   */
  public CompletableFuture<ShareConversationResponse> shareAsync(String id, ShareConversationParams params,
      RequestOptions requestOptions) {
    PathIds.check("id", id);
    Objects.requireNonNull(params, "params");
    return ctx.sendAsync(shareConversationOp(id, shareBody(params)), requestOptions);
  }

  /**
   * Shares a conversation with an expiry and mode.
   *
   * @param id the conversation id
   * @param options expiry and mode
   * @return the share token, URL, expiry and mode
   * @throws AtlasException on failure
   * @deprecated use {@link #share(String, ShareConversationParams)}
   */
  @Deprecated
  public ShareConversationResponse share(String id, ShareOptions options) {
    return share(id, Objects.requireNonNull(options, "options").toParams(), RequestOptions.defaults());
  }

  /**
   * Shares a conversation with per-call settings.
   *
   * @param id the conversation id
   * @param options expiry and mode
   * @param requestOptions timeout and headers
   * @return the share token, URL, expiry and mode
   * @throws AtlasException on failure
   * @deprecated use {@link #share(String, ShareConversationParams, RequestOptions)}
   */
  @Deprecated
  public ShareConversationResponse share(String id, ShareOptions options, RequestOptions requestOptions) {
    return share(id, Objects.requireNonNull(options, "options").toParams(), requestOptions);
  }

  /**
   * Shares a conversation without blocking.
   *
   * @param id the conversation id
   * @param options expiry and mode
   * @param requestOptions timeout and headers
   * @return the share token, URL, expiry and mode
   * @deprecated use {@link #shareAsync(String, ShareConversationParams, RequestOptions)}
   */
  @Deprecated
  public CompletableFuture<ShareConversationResponse> shareAsync(String id, ShareOptions options,
      RequestOptions requestOptions) {
    return shareAsync(id, Objects.requireNonNull(options, "options").toParams(), requestOptions);
  }

  /** @return the body to send: none when no option is set, which the server reads as its defaults */
  private static ShareConversationRequest shareBody(ShareConversationParams params) {
    if (params.expiresIn() == null && params.shareMode() == null) {
      return null;
    }
    return new ShareConversationRequest().expiresIn(params.expiresIn()).shareMode(params.shareMode());
  }

  /**
   * Stops sharing a conversation.
   *
   * @param id the conversation id
   * @throws AtlasException on failure
   */
  public void unshare(String id) {
    unshare(id, RequestOptions.defaults());
  }

  /**
   * Stops sharing a conversation with per-call settings.
   *
   * @param id the conversation id
   * @param requestOptions timeout and headers
   * @throws AtlasException on failure
   */
  public void unshare(String id, RequestOptions requestOptions) {
    PathIds.check("id", id);
    ctx.send(unshareConversationOp(id), requestOptions);
  }

  /**
   * Stops sharing a conversation without blocking.
   *
   * @param id the conversation id
   * @param requestOptions timeout and headers
   * @return completes when unshared
   */
  public CompletableFuture<Void> unshareAsync(String id, RequestOptions requestOptions) {
    PathIds.check("id", id);
    return ctx.sendAsync(unshareConversationOp(id), requestOptions);
  }

  /**
   * Reads whether and how a conversation is shared.
   *
   * @param id the conversation id
   * @return {@code shared} and, when shared, token, URL, expiry and mode
   * @throws AtlasException on failure
   */
  public ShareStatus shareStatus(String id) {
    return shareStatus(id, RequestOptions.defaults());
  }

  /**
   * Reads the share status with per-call settings.
   *
   * @param id the conversation id
   * @param requestOptions timeout and headers
   * @return the share status
   * @throws AtlasException on failure
   */
  public ShareStatus shareStatus(String id, RequestOptions requestOptions) {
    PathIds.check("id", id);
    return ctx.send(getConversationShareStatusOp(id), requestOptions);
  }

  /**
   * Reads the share status without blocking.
   *
   * @param id the conversation id
   * @param requestOptions timeout and headers
   * @return the share status
   */
  public CompletableFuture<ShareStatus> shareStatusAsync(String id, RequestOptions requestOptions) {
    PathIds.check("id", id);
    return ctx.sendAsync(getConversationShareStatusOp(id), requestOptions);
  }

  private Operation<ListConversationsResponse> listOp(ListConversationsParams params) {
    return Operation.of("listConversations", listCall(params), ListConversationsResponse.class);
  }

  private Operation<ConversationWithMessages> getConversationOp(String id) {
    return Operation.of("getConversation", () -> api.getConversationCall(id, null), ConversationWithMessages.class).about(id);
  }

  private Operation<StarConversationResponse> starConversationOp(String id, StarConversationRequest body) {
    return Operation.of("starConversation", () -> api.starConversationCall(id, body, null),
        StarConversationResponse.class).about(id);
  }

  /** @return the memory the agent keeps per conversation: read it, clear it */
  public ConversationMemory memory() {
    return new ConversationMemory(ctx, api);
  }

  /** @return shared conversations read by their link's token */
  public SharedConversations shared() {
    return new SharedConversations(ctx, api);
  }

  private Operation<Void> deleteConversationOp(String id) {
    return Operation.of("deleteConversation", () -> api.deleteConversationCall(id, null), Void.class).about(id);
  }

  private Operation<ShareConversationResponse> shareConversationOp(String id, ShareConversationRequest body) {
    return Operation.of("shareConversation", () -> api.shareConversationCall(id, body, null),
        ShareConversationResponse.class).about(id);
  }

  private Operation<Void> unshareConversationOp(String id) {
    return Operation.of("unshareConversation", () -> api.unshareConversationCall(id, null), Void.class).about(id);
  }

  private Operation<ShareStatus> getConversationShareStatusOp(String id) {
    return Operation.of("getConversationShareStatus", () -> api.getConversationShareStatusCall(id, null), ShareStatus.class).about(id);
  }
}
