package dev.atlas.client;

/**
 * The inputs of {@link Suggestions#popular(ListPopularSuggestionsParams)}. Immutable; start from
 * {@link #defaults()}; null components are not sent.
 *
 * @param limit how many (server default 10, clamped to 50), or null
 */
public record ListPopularSuggestionsParams(Integer limit) {
  /** @return nothing set: the server's default */
  public static ListPopularSuggestionsParams defaults() {
    return new ListPopularSuggestionsParams(null);
  }

  /** @param limit how many @return a copy with it set */
  public ListPopularSuggestionsParams withLimit(Integer limit) {
    return new ListPopularSuggestionsParams(limit);
  }
}
