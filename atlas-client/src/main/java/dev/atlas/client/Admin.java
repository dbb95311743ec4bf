package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.generated.api.AdminApi;
import dev.atlas.client.generated.model.AdminOverview;
import dev.atlas.client.generated.model.AuditLogEntry;
import dev.atlas.client.generated.model.AuditLogResponse;
import dev.atlas.client.generated.model.AuditStats;
import dev.atlas.client.generated.model.ConnectionHealth;
import dev.atlas.client.generated.model.ListConnectionsResponse;
import dev.atlas.client.generated.model.ListPluginsResponse;
import dev.atlas.client.generated.model.PluginHealthCheckResponse;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Admin endpoints: deployment overview, datasource connections, the audit log, plugins and the
 * semantic layer. Obtained from {@link AtlasClient#admin()}; thread-safe. Every call needs the
 * admin role (403 {@code forbidden_role} otherwise; plugins need the platform-admin role; managed-mode
 * workspace API keys are refused with {@code api_key_not_permitted}).
 */
public final class Admin {
  private final ClientContext ctx;
  private final AdminApi api;
  private final Semantic semantic;
  private final WorkspaceAgents agents;

  Admin(ClientContext ctx) {
    this.ctx = ctx;
    this.api = new AdminApi(ctx.apiClient());
    this.semantic = new Semantic(ctx, api);
    this.agents = new WorkspaceAgents(ctx, api);
  }

  /** @return the semantic-layer endpoints: entities, metrics, glossary, catalog, stats */
  public Semantic semantic() {
    return semantic;
  }

  /**
   * @return the workspace's OAuth clients (AI agents), among them those {@code beginConnect}
   *     registered with a user's credential: list, revoke, rate limit
   */
  public WorkspaceAgents agents() {
    return agents;
  }

  /**
   * Deployment at a glance: counts of connections, entities and plugins, queries in the last 24 h.
   *
   * @return the overview
   * @throws AtlasException on failure
   */
  public AdminOverview overview() {
    return overview(RequestOptions.defaults());
  }

  /**
   * The overview with per-call settings.
   *
   * @param requestOptions timeout and headers
   * @return the overview
   * @throws AtlasException on failure
   */
  public AdminOverview overview(RequestOptions requestOptions) {
    return ctx.send(getAdminOverviewOp(), requestOptions);
  }

  /**
   * The datasource connections.
   *
   * @return the connections
   * @throws AtlasException on failure
   */
  public ListConnectionsResponse connections() {
    return connections(RequestOptions.defaults());
  }

  /**
   * The datasource connections with per-call settings.
   *
   * @param requestOptions timeout and headers
   * @return the connections
   * @throws AtlasException on failure
   */
  public ListConnectionsResponse connections(RequestOptions requestOptions) {
    return ctx.send(listConnectionsOp(), requestOptions);
  }

  /**
   * Probes a connection now.
   *
   * @param connectionId the connection id, e.g. {@code default}
   * @return its status, latency and when it was checked
   * @throws dev.atlas.client.errors.AtlasNotFoundException for an unknown connection
   */
  public ConnectionHealth testConnection(String connectionId) {
    return testConnection(connectionId, RequestOptions.defaults());
  }

  /**
   * Probes a connection with per-call settings.
   *
   * @param connectionId the connection id
   * @param requestOptions timeout and headers
   * @return its status, latency and when it was checked
   * @throws AtlasException on failure
   */
  public ConnectionHealth testConnection(String connectionId, RequestOptions requestOptions) {
    PathIds.check("connectionId", connectionId);
    return ctx.send(testConnectionOp(connectionId), requestOptions);
  }

  /**
   * The first page of the audit log, newest first, with the server's default page size (50).
   *
   * @return the page; {@link Page#nextPage()} continues
   * @throws AtlasException on failure
   */
  public Page<AuditLogEntry> audit() {
    return audit(ListAuditLogParams.defaults(), RequestOptions.defaults());
  }

  /**
   * One page of the audit log, newest first (server default 50 per page, clamped to 200).
   *
   * @param params filters and paging; unset filters are not sent
   * @return the page; {@link Page#nextPage()} continues with the same filters
   * @throws AtlasException on failure ({@code invalid_request} for an unparseable date or unknown actor kind)
   */
  public Page<AuditLogEntry> audit(ListAuditLogParams params) {
    return audit(params, RequestOptions.defaults());
  }

  /**
   * One page of the audit log with per-call settings, which later pages reuse.
   *
   * @param params filters and paging
   * @param requestOptions timeout and headers
   * @return the page
   * @throws AtlasException on failure
   */
  public Page<AuditLogEntry> audit(ListAuditLogParams params, RequestOptions requestOptions) {
    Objects.requireNonNull(params, "params");
    return page(params, requestOptions, ctx.send(auditOp(params), requestOptions));
  }

  /**
   * One page of the audit log without blocking.
   *
   * @param params filters and paging
   * @param requestOptions timeout and headers, reused by later pages
   * @return the page
   */
  public CompletableFuture<Page<AuditLogEntry>> auditAsync(ListAuditLogParams params, RequestOptions requestOptions) {
    Objects.requireNonNull(params, "params");
    return ctx.sendAsync(auditOp(params), requestOptions).thenApply(r -> page(params, requestOptions, r));
  }

  /**
   * One page of the audit log.
   *
   * @param filter filters and paging; unset filters are not sent
   * @return the page
   * @throws AtlasException on failure
   * @deprecated use {@link #audit(ListAuditLogParams)}
   */
  @Deprecated
  public Page<AuditLogEntry> audit(AuditLogFilter filter) {
    return audit(Objects.requireNonNull(filter, "filter").toParams(), RequestOptions.defaults());
  }

  /**
   * One page of the audit log with per-call settings.
   *
   * @param filter filters and paging
   * @param requestOptions timeout and headers
   * @return the page
   * @throws AtlasException on failure
   * @deprecated use {@link #audit(ListAuditLogParams, RequestOptions)}
   */
  @Deprecated
  public Page<AuditLogEntry> audit(AuditLogFilter filter, RequestOptions requestOptions) {
    return audit(Objects.requireNonNull(filter, "filter").toParams(), requestOptions);
  }

  /**
   * One page of the audit log without blocking.
   *
   * @param filter filters and paging
   * @param requestOptions timeout and headers, reused by later pages
   * @return the page
   * @deprecated use {@link #auditAsync(ListAuditLogParams, RequestOptions)}
   */
  @Deprecated
  public CompletableFuture<Page<AuditLogEntry>> auditAsync(AuditLogFilter filter, RequestOptions requestOptions) {
    return auditAsync(Objects.requireNonNull(filter, "filter").toParams(), requestOptions);
  }

  private Operation.CallFactory auditCall(ListAuditLogParams f) {
    return () -> api.listAuditLogCall(f.limit(), f.offset(), f.user(), f.success(), f.from(), f.to(), f.connection(),
        f.table(), f.column(), f.actorKind(), f.clientId(), f.tool(), f.search(), null);
  }

  private Page<AuditLogEntry> page(ListAuditLogParams params, RequestOptions requestOptions, AuditLogResponse r) {
    int offset = r.getOffset() != null ? r.getOffset() : Math.max(0, params.offset() == null ? 0 : params.offset());
    return new Page<>(r.getRows(), r.getTotal(), offset, params.limit(), r.getLimit(),
        next -> audit(params.withOffset(next), requestOptions),
        next -> auditAsync(params.withOffset(next), requestOptions), AuditLogEntry::getId);
  }

  /**
   * Audit totals: queries, errors, error rate (a percentage, 0 to 100) and queries per day.
   *
   * @return the statistics
   * @throws AtlasException on failure
   */
  public AuditStats auditStats() {
    return auditStats(RequestOptions.defaults());
  }

  /**
   * Audit totals with per-call settings.
   *
   * @param requestOptions timeout and headers
   * @return the statistics
   * @throws AtlasException on failure
   */
  public AuditStats auditStats(RequestOptions requestOptions) {
    return ctx.send(getAuditStatsOp(), requestOptions);
  }

  /**
   * The installed plugins (platform-admin role).
   *
   * @return the plugins and whether they can be managed
   * @throws AtlasException on failure
   */
  public ListPluginsResponse plugins() {
    return plugins(RequestOptions.defaults());
  }

  /**
   * The installed plugins with per-call settings.
   *
   * @param requestOptions timeout and headers
   * @return the plugins
   * @throws AtlasException on failure
   */
  public ListPluginsResponse plugins(RequestOptions requestOptions) {
    return ctx.send(listPluginsOp(), requestOptions);
  }

  /**
   * Runs a plugin's health probe.
   *
   * @param pluginId the plugin id, e.g. {@code clickhouse}
   * @return whether it is healthy, with message and latency
   * @throws AtlasException on failure (a failing probe can come back as 500 {@code internal_error})
   */
  public PluginHealthCheckResponse pluginHealth(String pluginId) {
    return pluginHealth(pluginId, RequestOptions.defaults());
  }

  /**
   * Runs a plugin's health probe with per-call settings.
   *
   * @param pluginId the plugin id
   * @param requestOptions timeout and headers
   * @return whether it is healthy
   * @throws AtlasException on failure
   */
  public PluginHealthCheckResponse pluginHealth(String pluginId, RequestOptions requestOptions) {
    PathIds.check("pluginId", pluginId);
    return ctx.send(checkPluginHealthOp(pluginId), requestOptions);
  }

  /**
   * The overview without blocking.
   *
   * @param requestOptions timeout and headers
   * @return the overview
   */
  public CompletableFuture<AdminOverview> overviewAsync(RequestOptions requestOptions) {
    return ctx.sendAsync(getAdminOverviewOp(), requestOptions);
  }

  /**
   * The datasource connections without blocking.
   *
   * @param requestOptions timeout and headers
   * @return the connections
   */
  public CompletableFuture<ListConnectionsResponse> connectionsAsync(RequestOptions requestOptions) {
    return ctx.sendAsync(listConnectionsOp(), requestOptions);
  }

  /**
   * Probes a connection without blocking.
   *
   * @param connectionId the connection id
   * @param requestOptions timeout and headers
   * @return its status, latency and when it was checked
   */
  public CompletableFuture<ConnectionHealth> testConnectionAsync(String connectionId, RequestOptions requestOptions) {
    PathIds.check("connectionId", connectionId);
    return ctx.sendAsync(testConnectionOp(connectionId), requestOptions);
  }

  /**
   * Audit totals without blocking.
   *
   * @param requestOptions timeout and headers
   * @return the statistics
   */
  public CompletableFuture<AuditStats> auditStatsAsync(RequestOptions requestOptions) {
    return ctx.sendAsync(getAuditStatsOp(), requestOptions);
  }

  /**
   * The installed plugins without blocking.
   *
   * @param requestOptions timeout and headers
   * @return the plugins
   */
  public CompletableFuture<ListPluginsResponse> pluginsAsync(RequestOptions requestOptions) {
    return ctx.sendAsync(listPluginsOp(), requestOptions);
  }

  /**
   * Runs a plugin's health probe without blocking.
   *
   * @param pluginId the plugin id
   * @param requestOptions timeout and headers
   * @return whether it is healthy
   */
  public CompletableFuture<PluginHealthCheckResponse> pluginHealthAsync(String pluginId, RequestOptions requestOptions) {
    PathIds.check("pluginId", pluginId);
    return ctx.sendAsync(checkPluginHealthOp(pluginId), requestOptions);
  }

  private Operation<AdminOverview> getAdminOverviewOp() {
    return Operation.of("getAdminOverview", () -> api.getAdminOverviewCall(null), AdminOverview.class);
  }

  private Operation<ListConnectionsResponse> listConnectionsOp() {
    return Operation.of("listConnections", () -> api.listConnectionsCall(null), ListConnectionsResponse.class);
  }

  private Operation<ConnectionHealth> testConnectionOp(String connectionId) {
    return Operation.of("testConnection", () -> api.testConnectionCall(connectionId, null),
        ConnectionHealth.class).about(connectionId);
  }

  private Operation<AuditLogResponse> auditOp(ListAuditLogParams params) {
    return Operation.of("listAuditLog", auditCall(params), AuditLogResponse.class);
  }

  private Operation<AuditStats> getAuditStatsOp() {
    return Operation.of("getAuditStats", () -> api.getAuditStatsCall(null), AuditStats.class);
  }

  private Operation<ListPluginsResponse> listPluginsOp() {
    return Operation.of("listPlugins", () -> api.listPluginsCall(null), ListPluginsResponse.class);
  }

  private Operation<PluginHealthCheckResponse> checkPluginHealthOp(String pluginId) {
    return Operation.of("checkPluginHealth", () -> api.checkPluginHealthCall(pluginId, null),
        PluginHealthCheckResponse.class).about(pluginId).readOnly();
  }
}
