package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.generated.api.StarterPromptsApi;
import dev.atlas.client.generated.model.CreateStarterPromptFavoriteRequest;
import dev.atlas.client.generated.model.StarterPromptFavoriteResponse;
import dev.atlas.client.generated.model.UpdateStarterPromptFavoriteRequest;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The starter prompts the caller pinned ({@code /api/v1/starter-prompts/favorites}): pin, move,
 * unpin. Obtained from {@code atlas.prompts().favorites()}; thread-safe. They appear first in
 * {@code atlas.starterPrompts()} with provenance {@code favorite}.
 */
public final class StarterPromptFavorites {
  private final ClientContext ctx;
  private final StarterPromptsApi api;

  StarterPromptFavorites(ClientContext ctx, StarterPromptsApi api) {
    this.ctx = ctx;
    this.api = api;
  }

  /**
   * Pins a prompt (the server answers 200, not 201).
   *
   * @param text the prompt, 1 to 2,000 characters
   * @return the favorite, with its id and position (from 1)
   * @throws IllegalArgumentException for blank text, before anything is sent
   * @throws AtlasException on failure (409 {@code duplicate_favorite}, 400 {@code favorite_cap_exceeded}
   *     past the cap of 10 by default, 400 {@code missing_workspace})
   */
  public StarterPromptFavoriteResponse create(String text) {
    return create(text, RequestOptions.defaults());
  }

  /**
   * Pins a prompt with per-call settings. A POST that acts: retried only when it provably did not run.
   *
   * @param text the prompt
   * @param requestOptions timeout, headers, retries
   * @return the favorite
   * @throws AtlasException on failure
   */
  public StarterPromptFavoriteResponse create(String text, RequestOptions requestOptions) {
    return ctx.send(createOp(text), requestOptions);
  }

  /**
   * Pins a prompt without blocking.
   *
   * @param text the prompt
   * @param requestOptions timeout, headers, retries
   * @return the favorite; fails with the typed exception
   */
  public CompletableFuture<StarterPromptFavoriteResponse> createAsync(String text, RequestOptions requestOptions) {
    return ctx.sendAsync(createOp(text), requestOptions);
  }

  /**
   * Moves a favorite to another position.
   *
   * @param favoriteId the favorite
   * @param position its new place, from 1
   * @return the favorite
   * @throws AtlasException on failure (403 for another user's; an unknown one is 404, 500 on Atlas 1.0.0)
   */
  public StarterPromptFavoriteResponse update(String favoriteId, int position) {
    return update(favoriteId, position, RequestOptions.defaults());
  }

  /**
   * Moves a favorite with per-call settings. A PATCH: retried after a dropped connection.
   *
   * @param favoriteId the favorite
   * @param position its new place
   * @param requestOptions timeout, headers, retries
   * @return the favorite
   * @throws AtlasException on failure
   */
  public StarterPromptFavoriteResponse update(String favoriteId, int position, RequestOptions requestOptions) {
    return ctx.send(updateOp(favoriteId, position), requestOptions);
  }

  /**
   * Moves a favorite without blocking.
   *
   * @param favoriteId the favorite
   * @param position its new place
   * @param requestOptions timeout, headers, retries
   * @return the favorite; fails with the typed exception
   */
  public CompletableFuture<StarterPromptFavoriteResponse> updateAsync(String favoriteId, int position,
      RequestOptions requestOptions) {
    return ctx.sendAsync(updateOp(favoriteId, position), requestOptions);
  }

  /**
   * Unpins a favorite (204).
   *
   * @param favoriteId the favorite
   * @throws dev.atlas.client.errors.AtlasNotFoundException for an unknown favorite
   * @throws AtlasException on other failures (403 for another user's)
   */
  public void delete(String favoriteId) {
    delete(favoriteId, RequestOptions.defaults());
  }

  /**
   * Unpins a favorite with per-call settings.
   *
   * @param favoriteId the favorite
   * @param requestOptions timeout, headers, retries
   * @throws AtlasException on failure
   */
  public void delete(String favoriteId, RequestOptions requestOptions) {
    ctx.send(deleteOp(favoriteId), requestOptions);
  }

  /**
   * Unpins a favorite without blocking.
   *
   * @param favoriteId the favorite
   * @param requestOptions timeout, headers, retries
   * @return completes when it is gone; fails with the typed exception
   */
  public CompletableFuture<Void> deleteAsync(String favoriteId, RequestOptions requestOptions) {
    return ctx.sendAsync(deleteOp(favoriteId), requestOptions);
  }

  private Operation<StarterPromptFavoriteResponse> createOp(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("text must not be blank");
    }
    CreateStarterPromptFavoriteRequest body = new CreateStarterPromptFavoriteRequest().text(text);
    return Operation.of("createStarterPromptFavorite", () -> api.createStarterPromptFavoriteCall(body, null),
        StarterPromptFavoriteResponse.class);
  }

  private Operation<StarterPromptFavoriteResponse> updateOp(String id, int position) {
    PathIds.check("favoriteId", id);
    UpdateStarterPromptFavoriteRequest body = new UpdateStarterPromptFavoriteRequest().position(BigDecimal.valueOf(position));
    return Operation.of("updateStarterPromptFavorite", () -> api.updateStarterPromptFavoriteCall(id, body, null),
        StarterPromptFavoriteResponse.class).about(id);
  }

  private Operation<Void> deleteOp(String id) {
    PathIds.check("favoriteId", id);
    return Operation.of("deleteStarterPromptFavorite", () -> api.deleteStarterPromptFavoriteCall(id, null), Void.class)
        .about(id);
  }

  @Override
  public String toString() {
    return "StarterPromptFavorites";
  }
}
