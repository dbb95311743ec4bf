package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.generated.api.DataApi;
import dev.atlas.client.generated.api.SemanticApi;
import dev.atlas.client.generated.model.ExploreRequest;
import dev.atlas.client.generated.model.ExploreResponse;
import dev.atlas.client.generated.model.ListUserSemanticEntitiesResponse;
import dev.atlas.client.generated.model.UserSemanticEntityDetail;
import dev.atlas.client.generated.model.RunMetricRequest;
import dev.atlas.client.generated.model.RunMetricResponse;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The semantic layer as a user reads it (no admin role): run a metric, explore the layer's files.
 * Obtained from {@code atlas.semanticLayer()}; thread-safe. The admin view (drafts, glossary,
 * statistics) is {@code atlas.admin().semantic()}.
 */
public final class SemanticLayer {
  private final ClientContext ctx;
  private final DataApi api;
  private final SemanticApi semanticApi;

  SemanticLayer(ClientContext ctx) {
    this.ctx = ctx;
    this.api = new DataApi(ctx.apiClient());
    this.semanticApi = new SemanticApi(ctx.apiClient());
  }

  /**
   * The entities of the caller's workspace and mode ({@code GET /api/v1/semantic/entities}), without
   * the admin fields of {@code atlas.admin().semantic().entities()}.
   *
   * @return the entities and any warnings reading the layer
   * @throws AtlasException on failure
   */
  public ListUserSemanticEntitiesResponse entities() {
    return entities(RequestOptions.defaults());
  }

  /** @param requestOptions timeout, headers, retries @return the entities @throws AtlasException on failure */
  public ListUserSemanticEntitiesResponse entities(RequestOptions requestOptions) {
    return ctx.send(entitiesOp(), requestOptions);
  }

  /** @param requestOptions timeout, headers, retries @return the entities; fails with the typed exception */
  public CompletableFuture<ListUserSemanticEntitiesResponse> entitiesAsync(RequestOptions requestOptions) {
    return ctx.sendAsync(entitiesOp(), requestOptions);
  }

  /**
   * One entity as its YAML file describes it (table, description, dimensions, measures, joins, ...).
   *
   * @param name the entity's name (its table)
   * @return the entity, free-form ({@code getEntity()} is a map)
   * @throws dev.atlas.client.errors.AtlasNotFoundException for an unknown entity
   * @throws AtlasException on other failures (409 {@code entity_ambiguous}, with the connection
   *     groups in the error body's {@code groups}, when several groups have one of that name)
   */
  public UserSemanticEntityDetail entity(String name) {
    return entity(name, RequestOptions.defaults());
  }

  /** @param name the entity's name @param requestOptions timeout, headers, retries @return the entity @throws AtlasException on failure */
  public UserSemanticEntityDetail entity(String name, RequestOptions requestOptions) {
    return ctx.send(entityOp(name), requestOptions);
  }

  /** @param name the entity's name @param requestOptions timeout, headers, retries @return the entity; fails with the typed exception */
  public CompletableFuture<UserSemanticEntityDetail> entityAsync(String name, RequestOptions requestOptions) {
    return ctx.sendAsync(entityOp(name), requestOptions);
  }

  /**
   * Runs a metric of the semantic layer.
   *
   * <pre>{@code RunMetricResponse r = atlas.semanticLayer().runMetric("revenue");
   * Object value = r.getValue(); // "4504859.05": a NUMERIC cell arrives as text}</pre>
   *
   * @param metricId the metric's id (percent-encoded into the path)
   * @return the value (the single cell of a one-by-one result, else the rows), the rows, the SQL
   *     that ran and when; numbers exact as sent
   * @throws AtlasException on failure (404 {@code unknown_metric}, 400 {@code bad_request} without
   *     an active organization)
   */
  public RunMetricResponse runMetric(String metricId) {
    return runMetric(metricId, RunMetricParams.defaults(), RequestOptions.defaults());
  }

  /**
   * Runs a metric with a connection or filters.
   *
   * @param metricId the metric's id
   * @param params connection and filters
   * @return the value and rows
   * @throws AtlasException on failure (400 {@code invalid_request} for any filter on Atlas 1.0.0)
   */
  public RunMetricResponse runMetric(String metricId, RunMetricParams params) {
    return runMetric(metricId, params, RequestOptions.defaults());
  }

  /**
   * Runs a metric with per-call settings. It changes nothing, so it is retried like a read.
   *
   * @param metricId the metric's id
   * @param params connection and filters
   * @param requestOptions timeout, headers, retries
   * @return the value and rows
   * @throws AtlasException on failure
   */
  public RunMetricResponse runMetric(String metricId, RunMetricParams params, RequestOptions requestOptions) {
    return ctx.send(runMetricOp(metricId, params), requestOptions);
  }

  /**
   * Runs a metric without blocking.
   *
   * @param metricId the metric's id
   * @param params connection and filters
   * @param requestOptions timeout, headers, retries
   * @return the value and rows; fails with the typed exception
   */
  public CompletableFuture<RunMetricResponse> runMetricAsync(String metricId, RunMetricParams params,
      RequestOptions requestOptions) {
    return ctx.sendAsync(runMetricOp(metricId, params), requestOptions);
  }

  /**
   * Runs one read-only command ({@code ls}, {@code cat entities/orders.yml}, {@code grep}) over the
   * semantic layer's files, as the agent's explore tool does.
   *
   * @param command the command (1 to 4,000 characters)
   * @return what it printed; a failing command is not an exception: its error is the output
   *     ({@code Error (exit N): ...}); pipes are not run ({@code (no output)})
   * @throws IllegalArgumentException for a blank command, before anything is sent
   * @throws AtlasException on failure
   */
  public ExploreResponse explore(String command) {
    return explore(command, RequestOptions.defaults());
  }

  /**
   * Runs one explore command with per-call settings; retried like a read.
   *
   * @param command the command
   * @param requestOptions timeout, headers, retries
   * @return what it printed
   * @throws AtlasException on failure
   */
  public ExploreResponse explore(String command, RequestOptions requestOptions) {
    return ctx.send(exploreOp(command), requestOptions);
  }

  /**
   * Runs one explore command without blocking.
   *
   * @param command the command
   * @param requestOptions timeout, headers, retries
   * @return what it printed; fails with the typed exception
   */
  public CompletableFuture<ExploreResponse> exploreAsync(String command, RequestOptions requestOptions) {
    return ctx.sendAsync(exploreOp(command), requestOptions);
  }

  private Operation<ListUserSemanticEntitiesResponse> entitiesOp() {
    return Operation.of("listUserSemanticEntities", () -> semanticApi.listUserSemanticEntitiesCall(null),
        ListUserSemanticEntitiesResponse.class);
  }

  private Operation<UserSemanticEntityDetail> entityOp(String name) {
    PathIds.check("name", name);
    return Operation.of("getUserSemanticEntity", () -> semanticApi.getUserSemanticEntityCall(name, null),
        UserSemanticEntityDetail.class).about(name);
  }

  private Operation<RunMetricResponse> runMetricOp(String metricId, RunMetricParams params) {
    PathIds.check("metricId", metricId);
    Objects.requireNonNull(params, "params");
    RunMetricRequest body = new RunMetricRequest().connectionId(params.connectionId())
        .filters(params.filters() == null ? null : new java.util.LinkedHashMap<>(params.filters()));
    return Operation.of("runMetric", () -> api.runMetricCall(metricId, body, null), RunMetricResponse.class)
        .about(metricId).readOnly().finish(r -> {
          ExactRows.rows(r.getRows());
          r.setValue(ExactRows.exact(r.getValue()));
          return r;
        });
  }

  private Operation<ExploreResponse> exploreOp(String command) {
    Objects.requireNonNull(command, "command");
    if (command.isBlank()) {
      throw new IllegalArgumentException("command must not be blank");
    }
    ExploreRequest body = new ExploreRequest().command(command);
    return Operation.of("explore", () -> api.exploreCall(body, null), ExploreResponse.class).readOnly();
  }

  @Override
  public String toString() {
    return "SemanticLayer";
  }
}
