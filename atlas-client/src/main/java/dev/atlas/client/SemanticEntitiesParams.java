package dev.atlas.client;

/**
 * Options of {@link Semantic#entities(SemanticEntitiesParams)}. Immutable; null components are not sent.
 *
 * @param connection compare entities with this connection's schema (adds drift), or null
 * @param includeDrafts include draft entities (developer mode), or null
 * @deprecated use {@link ListSemanticEntitiesParams}, named after the operation ({@code listSemanticEntities})
 */
@Deprecated
public record SemanticEntitiesParams(String connection, Boolean includeDrafts) {
  /** @return no options */
  public static SemanticEntitiesParams defaults() {
    return new SemanticEntitiesParams(null, null);
  }

  /** @param connection the connection @return a copy with it set */
  public SemanticEntitiesParams withConnection(String connection) {
    return new SemanticEntitiesParams(connection, includeDrafts);
  }

  /** @param includeDrafts whether to include drafts @return a copy with it set */
  public SemanticEntitiesParams withIncludeDrafts(Boolean includeDrafts) {
    return new SemanticEntitiesParams(connection, includeDrafts);
  }

  /** @return the same inputs as {@link ListSemanticEntitiesParams} */
  ListSemanticEntitiesParams toParams() {
    return new ListSemanticEntitiesParams(connection, includeDrafts);
  }
}
