package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.generated.api.DashboardsApi;
import dev.atlas.client.generated.model.CreateDashboardRequest;
import dev.atlas.client.generated.model.Dashboard;
import dev.atlas.client.generated.model.DashboardSummary;
import dev.atlas.client.generated.model.ListDashboardsResponse;
import dev.atlas.client.generated.model.RefreshDashboardResponse;
import dev.atlas.client.generated.model.SuggestDashboardCardsResponse;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Dashboards ({@code /api/v1/dashboards}): cards holding a query and its chart, refreshed on a
 * schedule, shared by link, exported as PNG or PDF. Obtained from {@link AtlasClient#dashboards()};
 * thread-safe; every call has an {@code ...Async} form. Cards are in {@link #cards()}, the caller's
 * draft in {@link #drafts()}, share links and the public view in {@link #sharing()}, screenshots
 * and exports in {@link #files()}, archived chat sessions in {@link #sessions()}.
 *
 * <p><b>Drafts and what others see.</b> Edits by a signed-in user (title, description, adding,
 * changing and removing cards) land in that user's private draft, forked on demand, and change
 * nothing others see until {@link DashboardDrafts#publish(String)}; the answer to such an edit
 * shows the draft. The parameters and the refresh schedule ({@link UpdateDashboardParams}) apply to
 * the published dashboard at once. A dashboard never published is visible only to its owner.
 * Reading returns cached card results; {@link #refresh(String)} re-runs the SQL.
 *
 * <p>The server needs its internal database (404 {@code not_available}) and an active organization
 * (400 {@code bad_request}; a simple API key has none). Reads need permission
 * {@code dashboards:read}, changes {@code dashboards:write}.
 */
public final class Dashboards {
  private final ClientContext ctx;
  private final DashboardsApi api;
  private final DashboardCards cards;
  private final DashboardDrafts drafts;
  private final DashboardSharing sharing;
  private final DashboardFiles files;
  private final DashboardSessions sessions;

  Dashboards(ClientContext ctx) {
    this.ctx = ctx;
    this.api = new DashboardsApi(ctx.apiClient());
    this.cards = new DashboardCards(ctx, api);
    this.drafts = new DashboardDrafts(ctx, api);
    this.sharing = new DashboardSharing(ctx, api);
    this.files = new DashboardFiles(ctx, api);
    this.sessions = new DashboardSessions(ctx, api);
  }

  /** @return the cards of dashboards: add, change, remove (in the caller's draft), refresh, render, preview */
  public DashboardCards cards() {
    return cards;
  }

  /** @return the caller's drafts: status, get (or fork), publish, discard, rebase, undo */
  public DashboardDrafts drafts() {
    return drafts;
  }

  /** @return share links and the public view of a shared dashboard */
  public DashboardSharing sharing() {
    return sharing;
  }

  /** @return screenshots and exports (PNG, PDF), streamed to a file or a stream */
  public DashboardFiles files() {
    return files;
  }

  /** @return the archived chat sessions bound to a dashboard */
  public DashboardSessions sessions() {
    return sessions;
  }

  /**
   * Lists dashboards, most recently changed first (server default: 20 per page).
   *
   * @return the first page
   * @throws AtlasException on failure
   */
  public Page<DashboardSummary> list() {
    return list(ListDashboardsParams.defaults(), RequestOptions.defaults());
  }

  /**
   * Lists dashboards.
   *
   * @param params limit (clamped to 100) and offset
   * @return the page; {@link Page#nextPage()} continues after the items received
   * @throws AtlasException on failure
   */
  public Page<DashboardSummary> list(ListDashboardsParams params) {
    return list(params, RequestOptions.defaults());
  }

  /**
   * Lists dashboards with per-call settings, which later pages reuse.
   *
   * @param params limit and offset
   * @param requestOptions timeout and headers
   * @return the page
   * @throws AtlasException on failure
   */
  public Page<DashboardSummary> list(ListDashboardsParams params, RequestOptions requestOptions) {
    Objects.requireNonNull(params, "params");
    return page(params, requestOptions, ctx.send(listOp(params), requestOptions));
  }

  /**
   * Lists dashboards without blocking.
   *
   * @param params limit and offset
   * @param requestOptions timeout and headers, reused by later pages
   * @return the page
   */
  public CompletableFuture<Page<DashboardSummary>> listAsync(ListDashboardsParams params, RequestOptions requestOptions) {
    Objects.requireNonNull(params, "params");
    return ctx.sendAsync(listOp(params), requestOptions).thenApply(r -> page(params, requestOptions, r));
  }

  private Operation<ListDashboardsResponse> listOp(ListDashboardsParams p) {
    return Operation.of("listDashboards", () -> api.listDashboardsCall(p.limit(), p.offset(), null),
        ListDashboardsResponse.class);
  }

  private Page<DashboardSummary> page(ListDashboardsParams params, RequestOptions o, ListDashboardsResponse r) {
    int offset = params.offset() == null ? 0 : Math.max(0, params.offset());
    return new Page<>(r.getDashboards(), r.getTotal(), offset, params.limit(), null,
        next -> list(params.withOffset(next), o), next -> listAsync(params.withOffset(next), o),
        DashboardSummary::getId);
  }

  /**
   * Creates an empty dashboard owned by the caller.
   *
   * @param title 1 to 200 characters
   * @return the dashboard (no cards yet)
   * @throws AtlasException on failure (422 {@code validation_error} for a bad title)
   */
  public DashboardSummary create(String title) {
    return create(new CreateDashboardRequest().title(Objects.requireNonNull(title, "title")), RequestOptions.defaults());
  }

  /**
   * Creates a dashboard with a description and typed parameters.
   *
   * @param request title (required), description (at most 2000 characters), parameters (at most 50, unique keys)
   * @param requestOptions timeout and headers
   * @return the dashboard
   * @throws AtlasException on failure
   */
  public DashboardSummary create(CreateDashboardRequest request, RequestOptions requestOptions) {
    return ctx.send(createOp(request), requestOptions);
  }

  /**
   * Creates a dashboard without blocking.
   *
   * @param request the dashboard
   * @param requestOptions timeout and headers
   * @return the dashboard
   */
  public CompletableFuture<DashboardSummary> createAsync(CreateDashboardRequest request, RequestOptions requestOptions) {
    return ctx.sendAsync(createOp(request), requestOptions);
  }

  private Operation<DashboardSummary> createOp(CreateDashboardRequest request) {
    Objects.requireNonNull(request, "request");
    return Operation.of("createDashboard", () -> api.createDashboardCall(request, null), DashboardSummary.class);
  }

  /**
   * Reads the published dashboard with its cards and their cached results.
   *
   * @param id the dashboard id
   * @return the dashboard
   * @throws dev.atlas.client.errors.AtlasNotFoundException if it does not exist (or is another user's unpublished one)
   */
  public Dashboard get(String id) {
    return get(id, DashboardView.PUBLISHED, RequestOptions.defaults());
  }

  /**
   * Reads a dashboard as published, or as the caller's draft shows it.
   *
   * @param id the dashboard id
   * @param view {@link DashboardView#DRAFT} for the caller's draft when there is one (else the published one)
   * @param requestOptions timeout and headers
   * @return the dashboard
   * @throws AtlasException on failure
   */
  public Dashboard get(String id, DashboardView view, RequestOptions requestOptions) {
    return ctx.send(getOp(id, view), requestOptions);
  }

  /**
   * Reads a dashboard without blocking.
   *
   * @param id the dashboard id
   * @param view which version
   * @param requestOptions timeout and headers
   * @return the dashboard
   */
  public CompletableFuture<Dashboard> getAsync(String id, DashboardView view, RequestOptions requestOptions) {
    return ctx.sendAsync(getOp(id, view), requestOptions);
  }

  private Operation<Dashboard> getOp(String id, DashboardView view) {
    PathIds.check("id", id);
    String v = view == null || view == DashboardView.PUBLISHED ? null : view.wireValue();
    return Operation.of("getDashboard", () -> api.getDashboardCall(id, v, null), Dashboard.class).about(id);
  }

  /**
   * Changes a dashboard: the fields set on {@code params} are sent, the cleared ones as {@code null}.
   * Title and description go to the caller's draft (the answer is the draft view); refresh
   * schedule and parameters change the published dashboard at once (the answer is the published view).
   *
   * @param id the dashboard id
   * @param params the fields to set and to clear
   * @return the dashboard after the change; empty when the server applied it but answered 204 (it
   *     could not re-read it)
   * @throws AtlasException on failure (400 {@code invalid_request} for a bad cron expression,
   *     {@code invalid_parameters} when a removed parameter is still used by a card)
   */
  public WriteResult<Dashboard> update(String id, UpdateDashboardParams params) {
    return update(id, params, RequestOptions.defaults());
  }

  /**
   * Changes a dashboard with per-call settings.
   *
   * @param id the dashboard id
   * @param params the fields to set and to clear
   * @param requestOptions timeout and headers
   * @return the dashboard after the change, or no body (204)
   * @throws AtlasException on failure
   */
  public WriteResult<Dashboard> update(String id, UpdateDashboardParams params, RequestOptions requestOptions) {
    return WriteResult.ofNullable(ctx.send(updateOp(id, params), requestOptions));
  }

  /**
   * Changes a dashboard without blocking.
   *
   * @param id the dashboard id
   * @param params the fields to set and to clear
   * @param requestOptions timeout and headers
   * @return the dashboard after the change, or no body (204)
   */
  public CompletableFuture<WriteResult<Dashboard>> updateAsync(String id, UpdateDashboardParams params,
      RequestOptions requestOptions) {
    return ctx.sendAsync(updateOp(id, params), requestOptions).thenApply(WriteResult::ofNullable);
  }

  private Operation<Dashboard> updateOp(String id, UpdateDashboardParams params) {
    PathIds.check("id", id);
    Objects.requireNonNull(params, "params");
    var body = params.toRequest();
    var nulls = params.nullFields();
    return Operation.of("updateDashboard", () -> api.updateDashboardCall(id, body, null), Dashboard.class).about(id)
        .emptyAllowed().rewrite(r -> JsonNulls.with(r, nulls));
  }

  /**
   * Deletes a dashboard and its cards.
   *
   * @param id the dashboard id
   * @throws AtlasException on failure
   */
  public void delete(String id) {
    delete(id, RequestOptions.defaults());
  }

  /**
   * Deletes a dashboard with per-call settings.
   *
   * @param id the dashboard id
   * @param requestOptions timeout and headers
   * @throws AtlasException on failure
   */
  public void delete(String id, RequestOptions requestOptions) {
    ctx.send(deleteOp(id), requestOptions);
  }

  /**
   * Deletes a dashboard without blocking.
   *
   * @param id the dashboard id
   * @param requestOptions timeout and headers
   * @return completes when deleted
   */
  public CompletableFuture<Void> deleteAsync(String id, RequestOptions requestOptions) {
    return ctx.sendAsync(deleteOp(id), requestOptions);
  }

  private Operation<Void> deleteOp(String id) {
    PathIds.check("id", id);
    return Operation.of("deleteDashboard", () -> api.deleteDashboardCall(id, null), Void.class).about(id);
  }

  /**
   * Re-runs every card of the published dashboard and overwrites the cache all viewers share.
   *
   * @param id the dashboard id
   * @return how many cards were refreshed and which failed
   * @throws AtlasException on failure
   */
  public RefreshDashboardResponse refresh(String id) {
    return refresh(id, DashboardView.PUBLISHED, RequestOptions.defaults());
  }

  /**
   * Re-runs every card of the published dashboard, or of the caller's draft (its private cache).
   *
   * @param id the dashboard id
   * @param view which version
   * @param requestOptions timeout and headers
   * @return the counts
   * @throws AtlasException on failure
   */
  public RefreshDashboardResponse refresh(String id, DashboardView view, RequestOptions requestOptions) {
    return ctx.send(refreshOp(id, view), requestOptions);
  }

  /**
   * Refreshes every card without blocking.
   *
   * @param id the dashboard id
   * @param view which version
   * @param requestOptions timeout and headers
   * @return the counts
   */
  public CompletableFuture<RefreshDashboardResponse> refreshAsync(String id, DashboardView view,
      RequestOptions requestOptions) {
    return ctx.sendAsync(refreshOp(id, view), requestOptions);
  }

  private Operation<RefreshDashboardResponse> refreshOp(String id, DashboardView view) {
    PathIds.check("id", id);
    String v = view == null || view == DashboardView.PUBLISHED ? null : view.wireValue();
    return Operation.of("refreshDashboard", () -> api.refreshDashboardCall(id, v, null), RefreshDashboardResponse.class)
        .about(id);
  }

  /**
   * Asks the model for two or three more cards from the existing ones; nothing is saved.
   *
   * @param id the dashboard id
   * @return the suggestions
   * @throws AtlasException on failure (400 {@code invalid_request} when the dashboard has no cards,
   *     500 when the model's answer cannot be read)
   */
  public SuggestDashboardCardsResponse suggestCards(String id) {
    return suggestCards(id, RequestOptions.defaults());
  }

  /**
   * Suggests cards with per-call settings.
   *
   * @param id the dashboard id
   * @param requestOptions timeout and headers
   * @return the suggestions
   * @throws AtlasException on failure
   */
  public SuggestDashboardCardsResponse suggestCards(String id, RequestOptions requestOptions) {
    return ctx.send(suggestOp(id), requestOptions);
  }

  /**
   * Suggests cards without blocking.
   *
   * @param id the dashboard id
   * @param requestOptions timeout and headers
   * @return the suggestions
   */
  public CompletableFuture<SuggestDashboardCardsResponse> suggestCardsAsync(String id, RequestOptions requestOptions) {
    return ctx.sendAsync(suggestOp(id), requestOptions);
  }

  private Operation<SuggestDashboardCardsResponse> suggestOp(String id) {
    PathIds.check("id", id);
    return Operation.of("suggestDashboardCards", () -> api.suggestDashboardCardsCall(id, null),
        SuggestDashboardCardsResponse.class).about(id).readOnly();
  }

  @Override
  public String toString() {
    return "Dashboards";
  }
}
