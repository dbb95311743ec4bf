package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.generated.api.DashboardsApi;
import dev.atlas.client.generated.model.AddDashboardCardRequest;
import dev.atlas.client.generated.model.CardQueryResult;
import dev.atlas.client.generated.model.DashboardCard;
import dev.atlas.client.generated.model.PreviewDashboardCardRequest;
import dev.atlas.client.generated.model.RenderDashboardCardRequest;
import dev.atlas.client.generated.model.RenderDashboardCardResponse;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The cards of dashboards, from {@code atlas.dashboards().cards()}; thread-safe.
 *
 * <p>{@link #add}, {@link #update} and {@link #remove} change the caller's private draft (forked
 * on demand), not what others see: {@link DashboardDrafts#publish(String)} makes them live.
 * {@link #refresh} re-runs a card's SQL and stores the rows (in the cache all viewers share, or
 * with {@link DashboardView#DRAFT} in the draft's own); {@link #render} runs it with parameter
 * values and stores nothing; {@link #preview} runs SQL that is not saved anywhere. Result cells of
 * COUNT, SUM and NUMERIC columns arrive as JSON strings ({@code "1894"}), as the database wrote them.
 */
public final class DashboardCards {
  private final ClientContext ctx;
  private final DashboardsApi api;

  DashboardCards(ClientContext ctx, DashboardsApi api) {
    this.ctx = ctx;
    this.api = api;
  }

  /**
   * Adds a card to the caller's draft: a chart ({@code sql}, optional {@code chartConfig}) or a text
   * card ({@code kind(CardKind.TEXT)} with {@code content}).
   *
   * <pre>{@code atlas.dashboards().cards().add(id, new AddDashboardCardRequest().title("Orders")
   *     .sql("SELECT COUNT(*) AS orders FROM orders"));}</pre>
   *
   * @param dashboardId the dashboard id
   * @param card the card
   * @return the new card as the draft holds it
   * @throws AtlasException on failure (422 {@code validation_error} for a chart without SQL or a
   *     text card with SQL; 503 {@code drafts_unavailable})
   */
  public DashboardCard add(String dashboardId, AddDashboardCardRequest card) {
    return add(dashboardId, card, RequestOptions.defaults());
  }

  /**
   * Adds a card with per-call settings.
   *
   * @param dashboardId the dashboard id
   * @param card the card
   * @param requestOptions timeout and headers
   * @return the new draft card
   * @throws AtlasException on failure
   */
  public DashboardCard add(String dashboardId, AddDashboardCardRequest card, RequestOptions requestOptions) {
    return ctx.send(addOp(dashboardId, card), requestOptions);
  }

  /**
   * Adds a card without blocking.
   *
   * @param dashboardId the dashboard id
   * @param card the card
   * @param requestOptions timeout and headers
   * @return the new draft card
   */
  public CompletableFuture<DashboardCard> addAsync(String dashboardId, AddDashboardCardRequest card,
      RequestOptions requestOptions) {
    return ctx.sendAsync(addOp(dashboardId, card), requestOptions);
  }

  private Operation<DashboardCard> addOp(String id, AddDashboardCardRequest card) {
    PathIds.check("dashboardId", id);
    Objects.requireNonNull(card, "card");
    return Operation.of("addDashboardCard", () -> api.addDashboardCardCall(id, card, null), DashboardCard.class)
        .about(id);
  }

  /**
   * Changes a card in the caller's draft; only the fields set are sent.
   *
   * @param dashboardId the dashboard id
   * @param cardId the card id
   * @param params the fields to change
   * @return the card after the change, or no body when the server answered 204 (it could not re-read it)
   * @throws AtlasException on failure (404 {@code not_found} for a card not in the draft)
   */
  public WriteResult<DashboardCard> update(String dashboardId, String cardId, UpdateDashboardCardParams params) {
    return update(dashboardId, cardId, params, RequestOptions.defaults());
  }

  /**
   * Changes a card with per-call settings.
   *
   * @param dashboardId the dashboard id
   * @param cardId the card id
   * @param params the fields to change
   * @param requestOptions timeout and headers
   * @return the card after the change, or no body (204)
   * @throws AtlasException on failure
   */
  public WriteResult<DashboardCard> update(String dashboardId, String cardId, UpdateDashboardCardParams params,
      RequestOptions requestOptions) {
    return WriteResult.ofNullable(ctx.send(updateOp(dashboardId, cardId, params), requestOptions));
  }

  /**
   * Changes a card without blocking.
   *
   * @param dashboardId the dashboard id
   * @param cardId the card id
   * @param params the fields to change
   * @param requestOptions timeout and headers
   * @return the card after the change, or no body (204)
   */
  public CompletableFuture<WriteResult<DashboardCard>> updateAsync(String dashboardId, String cardId,
      UpdateDashboardCardParams params, RequestOptions requestOptions) {
    return ctx.sendAsync(updateOp(dashboardId, cardId, params), requestOptions).thenApply(WriteResult::ofNullable);
  }

  private Operation<DashboardCard> updateOp(String id, String cardId, UpdateDashboardCardParams params) {
    PathIds.check("dashboardId", id);
    PathIds.check("cardId", cardId);
    var body = Objects.requireNonNull(params, "params").toRequest();
    return Operation.of("updateDashboardCard", () -> api.updateDashboardCardCall(id, cardId, body, null),
        DashboardCard.class).about(cardId).emptyAllowed();
  }

  /**
   * Removes a card from the caller's draft.
   *
   * @param dashboardId the dashboard id
   * @param cardId the card id
   * @throws AtlasException on failure
   */
  public void remove(String dashboardId, String cardId) {
    remove(dashboardId, cardId, RequestOptions.defaults());
  }

  /**
   * Removes a card with per-call settings.
   *
   * @param dashboardId the dashboard id
   * @param cardId the card id
   * @param requestOptions timeout and headers
   * @throws AtlasException on failure
   */
  public void remove(String dashboardId, String cardId, RequestOptions requestOptions) {
    ctx.send(removeOp(dashboardId, cardId), requestOptions);
  }

  /**
   * Removes a card without blocking.
   *
   * @param dashboardId the dashboard id
   * @param cardId the card id
   * @param requestOptions timeout and headers
   * @return completes when removed
   */
  public CompletableFuture<Void> removeAsync(String dashboardId, String cardId, RequestOptions requestOptions) {
    return ctx.sendAsync(removeOp(dashboardId, cardId), requestOptions);
  }

  private Operation<Void> removeOp(String id, String cardId) {
    PathIds.check("dashboardId", id);
    PathIds.check("cardId", cardId);
    return Operation.of("removeDashboardCard", () -> api.removeDashboardCardCall(id, cardId, null), Void.class)
        .about(cardId);
  }

  /**
   * Re-runs a published card's SQL and overwrites the cache all viewers share (a text card comes back unchanged).
   *
   * @param dashboardId the dashboard id
   * @param cardId the card id
   * @return the card with its new result, or no body when the server answered 204
   * @throws AtlasException on failure (the SQL errors of a query: {@code invalid_sql}, {@code rls_blocked}, ...)
   */
  public WriteResult<DashboardCard> refresh(String dashboardId, String cardId) {
    return refresh(dashboardId, cardId, DashboardView.PUBLISHED, RequestOptions.defaults());
  }

  /**
   * Re-runs a card of the published dashboard, or of the caller's draft (stored in the draft's private cache).
   *
   * @param dashboardId the dashboard id
   * @param cardId the card id
   * @param view which version
   * @param requestOptions timeout and headers
   * @return the card with its new result, or no body (204)
   * @throws AtlasException on failure (409 {@code draft_gone} when the draft went away meanwhile)
   */
  public WriteResult<DashboardCard> refresh(String dashboardId, String cardId, DashboardView view,
      RequestOptions requestOptions) {
    return WriteResult.ofNullable(ctx.send(refreshOp(dashboardId, cardId, view), requestOptions));
  }

  /**
   * Re-runs a card without blocking.
   *
   * @param dashboardId the dashboard id
   * @param cardId the card id
   * @param view which version
   * @param requestOptions timeout and headers
   * @return the card with its new result, or no body (204)
   */
  public CompletableFuture<WriteResult<DashboardCard>> refreshAsync(String dashboardId, String cardId,
      DashboardView view, RequestOptions requestOptions) {
    return ctx.sendAsync(refreshOp(dashboardId, cardId, view), requestOptions).thenApply(WriteResult::ofNullable);
  }

  private Operation<DashboardCard> refreshOp(String id, String cardId, DashboardView view) {
    PathIds.check("dashboardId", id);
    PathIds.check("cardId", cardId);
    String v = view == null || view == DashboardView.PUBLISHED ? null : view.wireValue();
    return Operation.of("refreshDashboardCard", () -> api.refreshDashboardCardCall(id, cardId, v, null),
        DashboardCard.class).about(cardId).emptyAllowed();
  }

  /**
   * Runs a card with parameter values bound by the server; nothing is stored. A text card gives an
   * empty result.
   *
   * @param dashboardId the dashboard id
   * @param cardId the card id
   * @param params parameter values and version
   * @return the rows (and a KPI card's comparison)
   * @throws AtlasException on failure
   */
  public RenderDashboardCardResponse render(String dashboardId, String cardId, RenderDashboardCardParams params) {
    return render(dashboardId, cardId, params, RequestOptions.defaults());
  }

  /**
   * Runs a card with parameter values, with per-call settings.
   *
   * @param dashboardId the dashboard id
   * @param cardId the card id
   * @param params parameter values and version
   * @param requestOptions timeout and headers
   * @return the rows
   * @throws AtlasException on failure
   */
  public RenderDashboardCardResponse render(String dashboardId, String cardId, RenderDashboardCardParams params,
      RequestOptions requestOptions) {
    return ctx.send(renderOp(dashboardId, cardId, params, null), requestOptions);
  }

  /**
   * Runs a card with parameter values without blocking.
   *
   * @param dashboardId the dashboard id
   * @param cardId the card id
   * @param params parameter values and version
   * @param requestOptions timeout and headers
   * @return the rows
   */
  public CompletableFuture<RenderDashboardCardResponse> renderAsync(String dashboardId, String cardId,
      RenderDashboardCardParams params, RequestOptions requestOptions) {
    return ctx.sendAsync(renderOp(dashboardId, cardId, params, null), requestOptions);
  }

  /**
   * Runs a card with parameter values and writes its rows as CSV to {@code out} as they arrive
   * (at most {@link ExportDashboardParams#DEFAULT_MAX_BYTES}); nothing is stored on the server.
   *
   * @param dashboardId the dashboard id
   * @param cardId the card id
   * @param params parameter values and version
   * @param out where the CSV goes (not closed)
   * @param requestOptions timeout and headers
   * @return what was written; {@link DashboardFile#partial()} when the rows were cut at the row limit
   * @throws AtlasException on failure (400 {@code not_exportable} for a text card)
   */
  public DashboardFile renderCsv(String dashboardId, String cardId, RenderDashboardCardParams params, OutputStream out,
      RequestOptions requestOptions) {
    return FileDownload.toStream(ctx, FileDownload.accepting(renderOp(dashboardId, cardId, params, "csv"), "text/csv"),
        requestOptions, "text/csv", ExportDashboardParams.DEFAULT_MAX_BYTES, out);
  }

  /**
   * Runs a card with parameter values and writes its rows as CSV to a file, which appears only when complete.
   *
   * @param dashboardId the dashboard id
   * @param cardId the card id
   * @param params parameter values and version
   * @param target the file (replaced)
   * @param requestOptions timeout and headers
   * @return what was written
   * @throws AtlasException on failure
   */
  public DashboardFile renderCsv(String dashboardId, String cardId, RenderDashboardCardParams params, Path target,
      RequestOptions requestOptions) {
    return FileDownload.toPath(ctx, FileDownload.accepting(renderOp(dashboardId, cardId, params, "csv"), "text/csv"),
        requestOptions, "text/csv", ExportDashboardParams.DEFAULT_MAX_BYTES, target);
  }

  private Operation<RenderDashboardCardResponse> renderOp(String id, String cardId, RenderDashboardCardParams params,
      String format) {
    PathIds.check("dashboardId", id);
    PathIds.check("cardId", cardId);
    Objects.requireNonNull(params, "params");
    RenderDashboardCardRequest body = params.parameters().isEmpty() ? null
        : new RenderDashboardCardRequest().parameters(new LinkedHashMap<>(params.parameters()));
    return Operation.of("renderDashboardCard",
        () -> api.renderDashboardCardCall(id, cardId, format, params.viewValue(), body, null),
        RenderDashboardCardResponse.class).about(cardId).readOnly();
  }

  /**
   * Runs SQL as a card would, without saving it anywhere: to try a card before adding it.
   *
   * @param sql one SELECT
   * @return the rows
   * @throws AtlasException on failure ({@code invalid_sql}, {@code rls_blocked}, 409 {@code approval_required}, ...)
   */
  public CardQueryResult preview(String sql) {
    return preview(new PreviewDashboardCardRequest().sql(Objects.requireNonNull(sql, "sql")), RequestOptions.defaults());
  }

  /**
   * Runs unsaved SQL on a chosen connection, with per-call settings.
   *
   * @param request the SQL and the connection id (null: the default)
   * @param requestOptions timeout and headers
   * @return the rows
   * @throws AtlasException on failure
   */
  public CardQueryResult preview(PreviewDashboardCardRequest request, RequestOptions requestOptions) {
    return ctx.send(previewOp(request), requestOptions);
  }

  /**
   * Runs unsaved SQL without blocking.
   *
   * @param request the SQL and the connection id
   * @param requestOptions timeout and headers
   * @return the rows
   */
  public CompletableFuture<CardQueryResult> previewAsync(PreviewDashboardCardRequest request,
      RequestOptions requestOptions) {
    return ctx.sendAsync(previewOp(request), requestOptions);
  }

  private Operation<CardQueryResult> previewOp(PreviewDashboardCardRequest request) {
    Objects.requireNonNull(request, "request");
    return Operation.of("previewDashboardCard", () -> api.previewDashboardCardCall(request, null),
        CardQueryResult.class).readOnly();
  }

  @Override
  public String toString() {
    return "DashboardCards";
  }
}
