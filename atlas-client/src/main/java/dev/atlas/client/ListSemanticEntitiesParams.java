package dev.atlas.client;

/**
 * The inputs of {@link Semantic#entities(ListSemanticEntitiesParams)}. Immutable; start from
 * {@link #defaults()}; null components are not sent.
 *
 * @param connection compare entities with this connection's schema (adds drift), or null
 * @param includeDrafts include draft entities (developer mode), or null
 */
public record ListSemanticEntitiesParams(String connection, Boolean includeDrafts) {
  /** @return nothing set: the server's defaults */
  public static ListSemanticEntitiesParams defaults() {
    return new ListSemanticEntitiesParams(null, null);
  }

  /** @param connection the connection @return a copy with it set */
  public ListSemanticEntitiesParams withConnection(String connection) {
    return new ListSemanticEntitiesParams(connection, includeDrafts);
  }

  /** @param includeDrafts whether to include drafts @return a copy with it set */
  public ListSemanticEntitiesParams withIncludeDrafts(Boolean includeDrafts) {
    return new ListSemanticEntitiesParams(connection, includeDrafts);
  }
}
