package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.generated.api.ConversationsApi;
import dev.atlas.client.generated.model.PublicConversation;
import java.util.concurrent.CompletableFuture;

/**
 * A shared conversation as its link shows it ({@code GET /api/public/conversations/{token}}).
 * Obtained from {@code atlas.conversations().shared()}; thread-safe. A public share needs no
 * credentials (the client's are sent anyway); an org share needs a member of the owning workspace.
 */
public final class SharedConversations {
  private final ClientContext ctx;
  private final ConversationsApi api;

  SharedConversations(ClientContext ctx, ConversationsApi api) {
    this.ctx = ctx;
    this.api = api;
  }

  /**
   * Reads a shared conversation by its token (the last segment of the share link).
   *
   * @param token the share token
   * @return title, surface, share mode and messages; timestamps keep the server's text
   *     (JavaScript date text) with the parsed instant
   * @throws dev.atlas.client.errors.AtlasNotFoundException for an unknown or malformed token
   * @throws AtlasException on other failures (410 {@code expired}, 403 {@code auth_required} for an
   *     org share without a member's credentials, 429 {@code rate_limited} past 60 a minute)
   */
  public PublicConversation get(String token) {
    return get(token, RequestOptions.defaults());
  }

  /**
   * Reads a shared conversation with per-call settings.
   *
   * @param token the share token
   * @param requestOptions timeout, headers, retries
   * @return the conversation
   * @throws AtlasException on failure
   */
  public PublicConversation get(String token, RequestOptions requestOptions) {
    return ctx.send(op(token), requestOptions);
  }

  /**
   * Reads a shared conversation without blocking.
   *
   * @param token the share token
   * @param requestOptions timeout, headers, retries
   * @return the conversation; fails with the typed exception
   */
  public CompletableFuture<PublicConversation> getAsync(String token, RequestOptions requestOptions) {
    return ctx.sendAsync(op(token), requestOptions);
  }

  private Operation<PublicConversation> op(String token) {
    PathIds.check("token", token);
    return Operation.of("getPublicConversation", () -> api.getPublicConversationCall(token, null),
        PublicConversation.class).about(token);
  }

  @Override
  public String toString() {
    return "SharedConversations";
  }
}
