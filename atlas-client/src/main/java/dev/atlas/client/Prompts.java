package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.generated.api.PromptsApi;
import dev.atlas.client.generated.api.StarterPromptsApi;
import dev.atlas.client.generated.model.ListPromptCollectionsResponse;
import dev.atlas.client.generated.model.PromptCollectionWithItems;
import java.util.concurrent.CompletableFuture;

/**
 * The prompt library ({@code /api/v1/prompts}): collections of example questions, and the
 * starter prompts the caller pinned ({@link #favorites()}). Obtained from {@code atlas.prompts()};
 * thread-safe. Timestamps here are JavaScript date text: each keeps its raw text with the parsed instant.
 */
public final class Prompts {
  private final ClientContext ctx;
  private final PromptsApi api;

  Prompts(ClientContext ctx) {
    this.ctx = ctx;
    this.api = new PromptsApi(ctx.apiClient());
  }

  /**
   * The prompt collections visible to the caller's workspace and mode.
   *
   * @return the collections (empty without the server's internal database)
   * @throws AtlasException on failure
   */
  public ListPromptCollectionsResponse collections() {
    return collections(RequestOptions.defaults());
  }

  /** @param requestOptions timeout, headers, retries @return the collections @throws AtlasException on failure */
  public ListPromptCollectionsResponse collections(RequestOptions requestOptions) {
    return ctx.send(listOp(), requestOptions);
  }

  /** @param requestOptions timeout, headers, retries @return the collections; fails with the typed exception */
  public CompletableFuture<ListPromptCollectionsResponse> collectionsAsync(RequestOptions requestOptions) {
    return ctx.sendAsync(listOp(), requestOptions);
  }

  /**
   * A collection with its questions, in order.
   *
   * @param collectionId the collection
   * @return the collection and its items
   * @throws dev.atlas.client.errors.AtlasNotFoundException for an unknown collection
   * @throws AtlasException on other failures (Atlas 1.0.0 answers 500 for an unknown id that is not a UUID)
   */
  public PromptCollectionWithItems collection(String collectionId) {
    return collection(collectionId, RequestOptions.defaults());
  }

  /**
   * A collection with per-call settings.
   *
   * @param collectionId the collection
   * @param requestOptions timeout, headers, retries
   * @return the collection and its items
   * @throws AtlasException on failure
   */
  public PromptCollectionWithItems collection(String collectionId, RequestOptions requestOptions) {
    return ctx.send(getOp(collectionId), requestOptions);
  }

  /**
   * A collection without blocking.
   *
   * @param collectionId the collection
   * @param requestOptions timeout, headers, retries
   * @return the collection and its items; fails with the typed exception
   */
  public CompletableFuture<PromptCollectionWithItems> collectionAsync(String collectionId,
      RequestOptions requestOptions) {
    return ctx.sendAsync(getOp(collectionId), requestOptions);
  }

  /** @return the starter prompts the caller pinned: pin, move, unpin */
  public StarterPromptFavorites favorites() {
    return new StarterPromptFavorites(ctx, new StarterPromptsApi(ctx.apiClient()));
  }

  private Operation<ListPromptCollectionsResponse> listOp() {
    return Operation.of("listPromptCollections", () -> api.listPromptCollectionsCall(null),
        ListPromptCollectionsResponse.class);
  }

  private Operation<PromptCollectionWithItems> getOp(String id) {
    PathIds.check("collectionId", id);
    return Operation.of("getPromptCollection", () -> api.getPromptCollectionCall(id, null),
        PromptCollectionWithItems.class).about(id);
  }

  @Override
  public String toString() {
    return "Prompts";
  }
}
