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
import dev.atlas.client.internal.PathIds;
import dev.atlas.client.paging.Page;
import java.util.Objects;

/**
 * Conversations: list, read, star, share and delete. Obtained from
 * {@link AtlasClient#conversations()}; thread-safe. Ids are UUIDs: a malformed one gets
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
    return list(ListConversationsParams.defaults(), RequestOptions.none());
  }

  /**
   * Lists conversations, newest {@code updatedAt} first.
   *
   * @param params limit (clamped to 100 by the server), offset and starred filter
   * @return the page; {@link Page#nextPage()} continues after the items received
   * @throws AtlasException on failure
   */
  public Page<Conversation> list(ListConversationsParams params) {
    return list(params, RequestOptions.none());
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
    ListConversationsResponse r = ctx.call(
        () -> api.listConversationsCall(params.limit(), params.offset(), params.starred(), null),
        ListConversationsResponse.class, requestOptions, null);
    int offset = params.offset() == null ? 0 : Math.max(0, params.offset());
    return new Page<>(r.getConversations(), r.getTotal(), offset,
        next -> list(params.withOffset(next), requestOptions));
  }

  /**
   * Reads a conversation with its messages.
   *
   * @param id the conversation id
   * @return the conversation and its full message history
   * @throws dev.atlas.client.errors.AtlasNotFoundException if it does not exist
   */
  public ConversationWithMessages get(String id) {
    return get(id, RequestOptions.none());
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
    return ctx.call(() -> api.getConversationCall(id, null), ConversationWithMessages.class, requestOptions, id);
  }

  /**
   * Stars a conversation (this also moves it to the top of the list: it bumps {@code updatedAt}).
   *
   * @param id the conversation id
   * @return the id and its new starred state
   * @throws AtlasException on failure
   */
  public StarConversationResponse star(String id) {
    return setStarred(id, true, RequestOptions.none());
  }

  /**
   * Removes the star from a conversation.
   *
   * @param id the conversation id
   * @return the id and its new starred state
   * @throws AtlasException on failure
   */
  public StarConversationResponse unstar(String id) {
    return setStarred(id, false, RequestOptions.none());
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
    return ctx.call(() -> api.starConversationCall(id, body, null), StarConversationResponse.class, requestOptions, id);
  }

  /**
   * Deletes a conversation and its messages.
   *
   * @param id the conversation id
   * @throws dev.atlas.client.errors.AtlasNotFoundException if it does not exist
   */
  public void delete(String id) {
    delete(id, RequestOptions.none());
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
    ctx.call(() -> api.deleteConversationCall(id, null), Void.class, requestOptions, id);
  }

  /**
   * Shares a conversation with the server's defaults (expiry and mode).
   *
   * @param id the conversation id
   * @return the share token and URL
   * @throws AtlasException on failure
   */
  public ShareConversationResponse share(String id) {
    return share(id, ShareOptions.defaults(), RequestOptions.none());
  }

  /**
   * Shares a conversation.
   *
   * @param id the conversation id
   * @param options expiry ({@code 1h}, {@code 24h}, {@code 7d}, {@code 30d}, {@code never}) and mode
   *     ({@code public} or {@code org}); null components are not sent
   * @return the share token, URL, expiry and mode
   * @throws AtlasException on failure
   */
  public ShareConversationResponse share(String id, ShareOptions options) {
    return share(id, options, RequestOptions.none());
  }

  /**
   * Shares a conversation with per-call settings.
   *
   * @param id the conversation id
   * @param options expiry and mode
   * @param requestOptions timeout and headers
   * @return the share token, URL, expiry and mode
   * @throws AtlasException on failure
   */
  public ShareConversationResponse share(String id, ShareOptions options, RequestOptions requestOptions) {
    PathIds.check("id", id);
    Objects.requireNonNull(options, "options");
    ShareConversationRequest body = new ShareConversationRequest().expiresIn(options.expiresIn()).shareMode(options.shareMode());
    return ctx.call(() -> api.shareConversationCall(id, body, null), ShareConversationResponse.class, requestOptions, id);
  }

  /**
   * Stops sharing a conversation.
   *
   * @param id the conversation id
   * @throws AtlasException on failure
   */
  public void unshare(String id) {
    unshare(id, RequestOptions.none());
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
    ctx.call(() -> api.unshareConversationCall(id, null), Void.class, requestOptions, id);
  }

  /**
   * Reads whether and how a conversation is shared.
   *
   * @param id the conversation id
   * @return {@code shared} and, when shared, token, URL, expiry and mode
   * @throws AtlasException on failure
   */
  public ShareStatus shareStatus(String id) {
    return shareStatus(id, RequestOptions.none());
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
    return ctx.call(() -> api.getConversationShareStatusCall(id, null), ShareStatus.class, requestOptions, id);
  }
}
