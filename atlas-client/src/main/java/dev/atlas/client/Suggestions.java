package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.generated.api.SuggestionsApi;
import dev.atlas.client.generated.model.ListSuggestionsResponse;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Query suggestions learned from the workspace's queries ({@code /api/v1/suggestions}): for given
 * tables, the popular ones, and a click. Obtained from {@code atlas.suggestions()}; thread-safe.
 * Not paged: {@code total} counts the suggestions returned.
 */
public final class Suggestions {
  private final ClientContext ctx;
  private final SuggestionsApi api;

  Suggestions(ClientContext ctx) {
    this.ctx = ctx;
    this.api = new SuggestionsApi(ctx.apiClient());
  }

  /**
   * Suggestions involving the given tables, best first (sent as {@code ?table=a&table=b}).
   *
   * @param tables one or more tables
   * @return the suggestions
   * @throws IllegalArgumentException for no table, before anything is sent (the server requires one)
   * @throws AtlasException on failure
   */
  public ListSuggestionsResponse list(List<String> tables) {
    return list(tables, ListSuggestionsParams.defaults(), RequestOptions.defaults());
  }

  /**
   * Suggestions involving the given tables, at most {@code limit}.
   *
   * @param tables one or more tables
   * @param params the limit
   * @return the suggestions
   * @throws AtlasException on failure
   */
  public ListSuggestionsResponse list(List<String> tables, ListSuggestionsParams params) {
    return list(tables, params, RequestOptions.defaults());
  }

  /**
   * Suggestions for tables with per-call settings.
   *
   * @param tables one or more tables
   * @param params the limit
   * @param requestOptions timeout, headers, retries
   * @return the suggestions
   * @throws AtlasException on failure
   */
  public ListSuggestionsResponse list(List<String> tables, ListSuggestionsParams params, RequestOptions requestOptions) {
    return ctx.send(listOp(tables, params), requestOptions);
  }

  /**
   * Suggestions for tables without blocking.
   *
   * @param tables one or more tables
   * @param params the limit
   * @param requestOptions timeout, headers, retries
   * @return the suggestions; fails with the typed exception
   */
  public CompletableFuture<ListSuggestionsResponse> listAsync(List<String> tables, ListSuggestionsParams params,
      RequestOptions requestOptions) {
    return ctx.sendAsync(listOp(tables, params), requestOptions);
  }

  /**
   * The workspace's most popular suggestions.
   *
   * @return the suggestions
   * @throws AtlasException on failure
   */
  public ListSuggestionsResponse popular() {
    return popular(ListPopularSuggestionsParams.defaults(), RequestOptions.defaults());
  }

  /** @param params the limit @return the suggestions @throws AtlasException on failure */
  public ListSuggestionsResponse popular(ListPopularSuggestionsParams params) {
    return popular(params, RequestOptions.defaults());
  }

  /**
   * The popular suggestions with per-call settings.
   *
   * @param params the limit
   * @param requestOptions timeout, headers, retries
   * @return the suggestions
   * @throws AtlasException on failure
   */
  public ListSuggestionsResponse popular(ListPopularSuggestionsParams params, RequestOptions requestOptions) {
    return ctx.send(popularOp(params), requestOptions);
  }

  /**
   * The popular suggestions without blocking.
   *
   * @param params the limit
   * @param requestOptions timeout, headers, retries
   * @return the suggestions; fails with the typed exception
   */
  public CompletableFuture<ListSuggestionsResponse> popularAsync(ListPopularSuggestionsParams params,
      RequestOptions requestOptions) {
    return ctx.sendAsync(popularOp(params), requestOptions);
  }

  /**
   * Records a click on a suggestion (fire and forget: the server answers 204 also for an unknown id).
   *
   * @param suggestionId the suggestion
   * @throws AtlasException on failure
   */
  public void click(String suggestionId) {
    click(suggestionId, RequestOptions.defaults());
  }

  /**
   * Records a click with per-call settings. A POST that counts: retried only when it provably did not run.
   *
   * @param suggestionId the suggestion
   * @param requestOptions timeout, headers, retries
   * @throws AtlasException on failure
   */
  public void click(String suggestionId, RequestOptions requestOptions) {
    ctx.send(clickOp(suggestionId), requestOptions);
  }

  /**
   * Records a click without blocking.
   *
   * @param suggestionId the suggestion
   * @param requestOptions timeout, headers, retries
   * @return completes when recorded; fails with the typed exception
   */
  public CompletableFuture<Void> clickAsync(String suggestionId, RequestOptions requestOptions) {
    return ctx.sendAsync(clickOp(suggestionId), requestOptions);
  }

  private Operation<ListSuggestionsResponse> listOp(List<String> tables, ListSuggestionsParams params) {
    Objects.requireNonNull(tables, "tables");
    Objects.requireNonNull(params, "params");
    List<String> t = List.copyOf(tables);
    if (t.isEmpty() || t.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("tables must name at least one table, none blank");
    }
    return Operation.of("listSuggestions", () -> api.listSuggestionsCall(t, params.limit(), null),
        ListSuggestionsResponse.class);
  }

  private Operation<ListSuggestionsResponse> popularOp(ListPopularSuggestionsParams params) {
    Objects.requireNonNull(params, "params");
    return Operation.of("listPopularSuggestions", () -> api.listPopularSuggestionsCall(params.limit(), null),
        ListSuggestionsResponse.class);
  }

  private Operation<Void> clickOp(String id) {
    PathIds.check("suggestionId", id);
    return Operation.of("recordSuggestionClick", () -> api.recordSuggestionClickCall(id, null), Void.class).about(id);
  }

  @Override
  public String toString() {
    return "Suggestions";
  }
}
