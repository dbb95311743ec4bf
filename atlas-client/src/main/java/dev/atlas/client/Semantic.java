package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.generated.api.AdminApi;
import dev.atlas.client.generated.model.CatalogResponse;
import dev.atlas.client.generated.model.EntityResponse;
import dev.atlas.client.generated.model.GlossaryResponse;
import dev.atlas.client.generated.model.ListEntitiesResponse;
import dev.atlas.client.generated.model.MetricsResponse;
import dev.atlas.client.generated.model.SemanticStats;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The semantic layer (admin role): entities, metrics, glossary, catalog and coverage statistics.
 * Obtained from {@code client.admin().semantic()}; thread-safe.
 */
public final class Semantic {
  private final ClientContext ctx;
  private final AdminApi api;

  Semantic(ClientContext ctx, AdminApi api) {
    this.ctx = ctx;
    this.api = api;
  }

  /**
   * The entities of the semantic layer.
   *
   * @return entity summaries
   * @throws AtlasException on failure
   */
  public ListEntitiesResponse entities() {
    return entities(ListSemanticEntitiesParams.defaults(), RequestOptions.defaults());
  }

  /**
   * The entities of the semantic layer, filtered.
   *
   * @param params connection (adds drift information) and whether to include drafts
   * @return entity summaries
   * @throws AtlasException on failure
   */
  public ListEntitiesResponse entities(ListSemanticEntitiesParams params) {
    return entities(params, RequestOptions.defaults());
  }

  /**
   * The entities with per-call settings.
   *
   * @param params connection and drafts filter
   * @param requestOptions timeout and headers
   * @return entity summaries
   * @throws AtlasException on failure
   */
  public ListEntitiesResponse entities(ListSemanticEntitiesParams params, RequestOptions requestOptions) {
    Objects.requireNonNull(params, "params");
    return ctx.send(listSemanticEntitiesOp(params), requestOptions);
  }

  /**
   * The entities of the semantic layer, filtered.
   *
   * @param params connection and whether to include drafts
   * @return entity summaries
   * @throws AtlasException on failure
   * @deprecated use {@link #entities(ListSemanticEntitiesParams)}
   */
  @Deprecated
  public ListEntitiesResponse entities(SemanticEntitiesParams params) {
    return entities(Objects.requireNonNull(params, "params").toParams(), RequestOptions.defaults());
  }

  /**
   * The entities with per-call settings.
   *
   * @param params connection and drafts filter
   * @param requestOptions timeout and headers
   * @return entity summaries
   * @throws AtlasException on failure
   * @deprecated use {@link #entities(ListSemanticEntitiesParams, RequestOptions)}
   */
  @Deprecated
  public ListEntitiesResponse entities(SemanticEntitiesParams params, RequestOptions requestOptions) {
    return entities(Objects.requireNonNull(params, "params").toParams(), requestOptions);
  }

  /**
   * One entity's full definition.
   *
   * @param name the entity name, e.g. {@code orders}
   * @return the entity
   * @throws dev.atlas.client.errors.AtlasConflictException {@code entity_ambiguous} when several
   *     connection groups define it: use {@link #entity(String, String)}
   */
  public EntityResponse entity(String name) {
    return entity(name, null, RequestOptions.defaults());
  }

  /**
   * One entity's definition in a connection group.
   *
   * @param name the entity name
   * @param connectionGroupId the connection group, or null
   * @return the entity
   * @throws AtlasException on failure
   */
  public EntityResponse entity(String name, String connectionGroupId) {
    return entity(name, connectionGroupId, RequestOptions.defaults());
  }

  /**
   * One entity's definition with per-call settings.
   *
   * @param name the entity name
   * @param connectionGroupId the connection group, or null
   * @param requestOptions timeout and headers
   * @return the entity
   * @throws AtlasException on failure
   */
  public EntityResponse entity(String name, String connectionGroupId, RequestOptions requestOptions) {
    PathIds.check("name", name);
    return ctx.send(getSemanticEntityOp(name, connectionGroupId), requestOptions);
  }

  /**
   * The metrics defined in the semantic layer.
   *
   * @return the metrics
   * @throws AtlasException on failure
   */
  public MetricsResponse metrics() {
    return metrics(RequestOptions.defaults());
  }

  /**
   * The metrics with per-call settings.
   *
   * @param requestOptions timeout and headers
   * @return the metrics
   * @throws AtlasException on failure
   */
  public MetricsResponse metrics(RequestOptions requestOptions) {
    return ctx.send(listSemanticMetricsOp(), requestOptions);
  }

  /**
   * The business glossary.
   *
   * @return the glossary terms
   * @throws AtlasException on failure
   */
  public GlossaryResponse glossary() {
    return glossary(RequestOptions.defaults());
  }

  /**
   * The glossary with per-call settings.
   *
   * @param requestOptions timeout and headers
   * @return the glossary terms
   * @throws AtlasException on failure
   */
  public GlossaryResponse glossary(RequestOptions requestOptions) {
    return ctx.send(getSemanticGlossaryOp(), requestOptions);
  }

  /**
   * The catalog ({@code catalog.yml}), or a null catalog when there is none.
   *
   * @return the catalog
   * @throws AtlasException on failure
   */
  public CatalogResponse catalog() {
    return catalog(RequestOptions.defaults());
  }

  /**
   * The catalog with per-call settings.
   *
   * @param requestOptions timeout and headers
   * @return the catalog
   * @throws AtlasException on failure
   */
  public CatalogResponse catalog(RequestOptions requestOptions) {
    return ctx.send(getSemanticCatalogOp(), requestOptions);
  }

  /**
   * Counts of entities, columns, joins and measures, and coverage gaps.
   *
   * @return the statistics
   * @throws AtlasException on failure
   */
  public SemanticStats stats() {
    return stats(RequestOptions.defaults());
  }

  /**
   * The statistics with per-call settings.
   *
   * @param requestOptions timeout and headers
   * @return the statistics
   * @throws AtlasException on failure
   */
  public SemanticStats stats(RequestOptions requestOptions) {
    return ctx.send(getSemanticStatsOp(), requestOptions);
  }

  /**
   * The entities without blocking.
   *
   * @param params connection and drafts filter
   * @param requestOptions timeout and headers
   * @return entity summaries
   */
  public CompletableFuture<ListEntitiesResponse> entitiesAsync(ListSemanticEntitiesParams params,
      RequestOptions requestOptions) {
    Objects.requireNonNull(params, "params");
    return ctx.sendAsync(listSemanticEntitiesOp(params), requestOptions);
  }

  /**
   * The entities without blocking.
   *
   * @param params connection and drafts filter
   * @param requestOptions timeout and headers
   * @return entity summaries
   * @deprecated use {@link #entitiesAsync(ListSemanticEntitiesParams, RequestOptions)}
   */
  @Deprecated
  public CompletableFuture<ListEntitiesResponse> entitiesAsync(SemanticEntitiesParams params,
      RequestOptions requestOptions) {
    return entitiesAsync(Objects.requireNonNull(params, "params").toParams(), requestOptions);
  }

  /**
   * One entity's definition without blocking.
   *
   * @param name the entity name
   * @param connectionGroupId the connection group, or null
   * @param requestOptions timeout and headers
   * @return the entity
   */
  public CompletableFuture<EntityResponse> entityAsync(String name, String connectionGroupId,
      RequestOptions requestOptions) {
    PathIds.check("name", name);
    return ctx.sendAsync(getSemanticEntityOp(name, connectionGroupId), requestOptions);
  }

  /**
   * The metrics without blocking.
   *
   * @param requestOptions timeout and headers
   * @return the metrics
   */
  public CompletableFuture<MetricsResponse> metricsAsync(RequestOptions requestOptions) {
    return ctx.sendAsync(listSemanticMetricsOp(), requestOptions);
  }

  /**
   * The glossary without blocking.
   *
   * @param requestOptions timeout and headers
   * @return the glossary terms
   */
  public CompletableFuture<GlossaryResponse> glossaryAsync(RequestOptions requestOptions) {
    return ctx.sendAsync(getSemanticGlossaryOp(), requestOptions);
  }

  /**
   * The catalog without blocking.
   *
   * @param requestOptions timeout and headers
   * @return the catalog
   */
  public CompletableFuture<CatalogResponse> catalogAsync(RequestOptions requestOptions) {
    return ctx.sendAsync(getSemanticCatalogOp(), requestOptions);
  }

  /**
   * The statistics without blocking.
   *
   * @param requestOptions timeout and headers
   * @return the statistics
   */
  public CompletableFuture<SemanticStats> statsAsync(RequestOptions requestOptions) {
    return ctx.sendAsync(getSemanticStatsOp(), requestOptions);
  }

  private Operation<ListEntitiesResponse> listSemanticEntitiesOp(ListSemanticEntitiesParams params) {
    return Operation.of("listSemanticEntities", () -> api.listSemanticEntitiesCall(params.connection(), params.includeDrafts(), null),
        ListEntitiesResponse.class);
  }

  private Operation<EntityResponse> getSemanticEntityOp(String name, String connectionGroupId) {
    return Operation.of("getSemanticEntity", () -> api.getSemanticEntityCall(name, connectionGroupId, null),
        EntityResponse.class).about(name);
  }

  private Operation<MetricsResponse> listSemanticMetricsOp() {
    return Operation.of("listSemanticMetrics", () -> api.listSemanticMetricsCall(null), MetricsResponse.class);
  }

  private Operation<GlossaryResponse> getSemanticGlossaryOp() {
    return Operation.of("getSemanticGlossary", () -> api.getSemanticGlossaryCall(null), GlossaryResponse.class);
  }

  private Operation<CatalogResponse> getSemanticCatalogOp() {
    return Operation.of("getSemanticCatalog", () -> api.getSemanticCatalogCall(null), CatalogResponse.class);
  }

  private Operation<SemanticStats> getSemanticStatsOp() {
    return Operation.of("getSemanticStats", () -> api.getSemanticStatsCall(null), SemanticStats.class);
  }
}
