package dev.atlas.client;

/**
 * The inputs of {@link Suggestions#list(java.util.List, ListSuggestionsParams)} besides the tables.
 * Immutable; start from {@link #defaults()}; null components are not sent.
 *
 * @param limit how many (server default 10, clamped to 50), or null
 */
public record ListSuggestionsParams(Integer limit) {
  /** @return nothing set: the server's default */
  public static ListSuggestionsParams defaults() {
    return new ListSuggestionsParams(null);
  }

  /** @param limit how many @return a copy with it set */
  public ListSuggestionsParams withLimit(Integer limit) {
    return new ListSuggestionsParams(limit);
  }
}
