package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.generated.api.DashboardsApi;
import dev.atlas.client.generated.invoker.JSON;
import dev.atlas.client.generated.model.DashboardCard;
import dev.atlas.client.generated.model.DashboardDraft;
import dev.atlas.client.generated.model.DashboardDraftStatus;
import dev.atlas.client.generated.model.PublishDashboardDraftResponse;
import dev.atlas.client.generated.model.RebaseDashboardDraftResponse;
import dev.atlas.client.generated.model.UndoDashboardDraftRequest;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The caller's private drafts of dashboards, from {@code atlas.dashboards().drafts()}; thread-safe.
 * Every call needs a signed-in user (401 {@code auth_required} otherwise).
 *
 * <p>A draft is forked from the published dashboard on the caller's first edit (title,
 * description, cards) and only its owner sees it. {@link #publish} merges it into the published
 * dashboard; when the published one changed after the fork, publish answers 409
 * {@code stale_baseline} ({@link dev.atlas.client.errors.AtlasErrorCode#STALE_BASELINE}):
 * {@link #rebase} first, which answers 409 {@code conflict} with the conflicting cards in the
 * error's body when both changed the same card. {@link #discard} throws the draft away.
 */
public final class DashboardDrafts {
  private final ClientContext ctx;
  private final DashboardsApi api;

  DashboardDrafts(ClientContext ctx, DashboardsApi api) {
    this.ctx = ctx;
    this.api = api;
  }

  /**
   * Whether the caller has a draft, and whether the published dashboard changed since it was forked.
   *
   * @param dashboardId the dashboard id
   * @return the status ({@code hasDraft} false: the other fields are absent)
   * @throws AtlasException on failure
   */
  public DashboardDraftStatus status(String dashboardId) {
    return status(dashboardId, RequestOptions.defaults());
  }

  /**
   * The draft status with per-call settings.
   *
   * @param dashboardId the dashboard id
   * @param requestOptions timeout and headers
   * @return the status
   * @throws AtlasException on failure
   */
  public DashboardDraftStatus status(String dashboardId, RequestOptions requestOptions) {
    return ctx.send(statusOp(dashboardId), requestOptions);
  }

  /**
   * The draft status without blocking.
   *
   * @param dashboardId the dashboard id
   * @param requestOptions timeout and headers
   * @return the status
   */
  public CompletableFuture<DashboardDraftStatus> statusAsync(String dashboardId, RequestOptions requestOptions) {
    return ctx.sendAsync(statusOp(dashboardId), requestOptions);
  }

  private Operation<DashboardDraftStatus> statusOp(String id) {
    PathIds.check("dashboardId", id);
    return Operation.of("getDashboardDraftStatus", () -> api.getDashboardDraftStatusCall(id, null),
        DashboardDraftStatus.class).about(id);
  }

  /**
   * The caller's draft and the dashboard as it shows it. With no draft the server forks one from
   * the published dashboard (so {@link #status} then reports one).
   *
   * @param dashboardId the dashboard id
   * @return the draft and its view
   * @throws AtlasException on failure
   */
  public DashboardDraft getOrFork(String dashboardId) {
    return getOrFork(dashboardId, RequestOptions.defaults());
  }

  /**
   * The caller's draft (forked when there is none), with per-call settings.
   *
   * @param dashboardId the dashboard id
   * @param requestOptions timeout and headers
   * @return the draft and its view
   * @throws AtlasException on failure
   */
  public DashboardDraft getOrFork(String dashboardId, RequestOptions requestOptions) {
    return ctx.send(getOp(dashboardId), requestOptions);
  }

  /**
   * The caller's draft (forked when there is none) without blocking.
   *
   * @param dashboardId the dashboard id
   * @param requestOptions timeout and headers
   * @return the draft and its view
   */
  public CompletableFuture<DashboardDraft> getOrForkAsync(String dashboardId, RequestOptions requestOptions) {
    return ctx.sendAsync(getOp(dashboardId), requestOptions);
  }

  private Operation<DashboardDraft> getOp(String id) {
    PathIds.check("dashboardId", id);
    return Operation.of("getDashboardDraft", () -> api.getDashboardDraftCall(id, null), DashboardDraft.class).about(id);
  }

  /**
   * Publishes the caller's draft: everybody now sees its title, description and cards. Cards whose
   * SQL changed are re-run in the background ({@code refreshingCardIds}).
   *
   * @param dashboardId the dashboard id
   * @return how many edits were applied
   * @throws dev.atlas.client.errors.AtlasConflictException 409 {@code stale_baseline} (rebase first)
   *     or {@code conflict}
   * @throws AtlasException on other failures (404 {@code not_found} when there is no draft)
   */
  public PublishDashboardDraftResponse publish(String dashboardId) {
    return publish(dashboardId, RequestOptions.defaults());
  }

  /**
   * Publishes the caller's draft with per-call settings.
   *
   * @param dashboardId the dashboard id
   * @param requestOptions timeout and headers
   * @return how many edits were applied
   * @throws AtlasException on failure
   */
  public PublishDashboardDraftResponse publish(String dashboardId, RequestOptions requestOptions) {
    return ctx.send(publishOp(dashboardId), requestOptions);
  }

  /**
   * Publishes the caller's draft without blocking.
   *
   * @param dashboardId the dashboard id
   * @param requestOptions timeout and headers
   * @return how many edits were applied
   */
  public CompletableFuture<PublishDashboardDraftResponse> publishAsync(String dashboardId,
      RequestOptions requestOptions) {
    return ctx.sendAsync(publishOp(dashboardId), requestOptions);
  }

  private Operation<PublishDashboardDraftResponse> publishOp(String id) {
    PathIds.check("dashboardId", id);
    return Operation.of("publishDashboardDraft", () -> api.publishDashboardDraftCall(id, null),
        PublishDashboardDraftResponse.class).about(id);
  }

  /**
   * Throws the caller's draft away (also fine when there is none).
   *
   * @param dashboardId the dashboard id
   * @throws AtlasException on failure
   */
  public void discard(String dashboardId) {
    discard(dashboardId, RequestOptions.defaults());
  }

  /**
   * Throws the caller's draft away, with per-call settings.
   *
   * @param dashboardId the dashboard id
   * @param requestOptions timeout and headers
   * @throws AtlasException on failure
   */
  public void discard(String dashboardId, RequestOptions requestOptions) {
    ctx.send(discardOp(dashboardId), requestOptions);
  }

  /**
   * Throws the caller's draft away without blocking.
   *
   * @param dashboardId the dashboard id
   * @param requestOptions timeout and headers
   * @return completes when discarded
   */
  public CompletableFuture<Void> discardAsync(String dashboardId, RequestOptions requestOptions) {
    return ctx.sendAsync(discardOp(dashboardId), requestOptions);
  }

  private Operation<Void> discardOp(String id) {
    PathIds.check("dashboardId", id);
    // discarding twice is the same as once: safe to repeat although a POST
    return Operation.of("discardDashboardDraft", () -> api.discardDashboardDraftCall(id, null), Void.class).about(id)
        .readOnly();
  }

  /**
   * Moves the caller's draft onto the current published dashboard, after which it can be published.
   *
   * @param dashboardId the dashboard id
   * @return the rebased draft content and its new baseline
   * @throws dev.atlas.client.errors.AtlasConflictException 409 {@code conflict} when both changed
   *     the same card (the conflicts are in the error's {@code body()})
   * @throws AtlasException on other failures (404 when there is no draft)
   */
  public RebaseDashboardDraftResponse rebase(String dashboardId) {
    return rebase(dashboardId, RequestOptions.defaults());
  }

  /**
   * Rebases the caller's draft with per-call settings.
   *
   * @param dashboardId the dashboard id
   * @param requestOptions timeout and headers
   * @return the rebased draft
   * @throws AtlasException on failure
   */
  public RebaseDashboardDraftResponse rebase(String dashboardId, RequestOptions requestOptions) {
    return ctx.send(rebaseOp(dashboardId), requestOptions);
  }

  /**
   * Rebases the caller's draft without blocking.
   *
   * @param dashboardId the dashboard id
   * @param requestOptions timeout and headers
   * @return the rebased draft
   */
  public CompletableFuture<RebaseDashboardDraftResponse> rebaseAsync(String dashboardId,
      RequestOptions requestOptions) {
    return ctx.sendAsync(rebaseOp(dashboardId), requestOptions);
  }

  private Operation<RebaseDashboardDraftResponse> rebaseOp(String id) {
    PathIds.check("dashboardId", id);
    return Operation.of("rebaseDashboardDraft", () -> api.rebaseDashboardDraftCall(id, null),
        RebaseDashboardDraftResponse.class).about(id);
  }

  /**
   * Undoes a card's SQL change in the caller's draft: puts {@code sql} back.
   *
   * @param dashboardId the dashboard id
   * @param cardId the card
   * @param sql the SQL to put back
   * @throws AtlasException on failure
   */
  public void undoSqlChange(String dashboardId, String cardId, String sql) {
    undo(dashboardId, new UndoDashboardDraftRequest().kind("revert_sql").cardId(Objects.requireNonNull(cardId, "cardId"))
        .sql(Objects.requireNonNull(sql, "sql")), RequestOptions.defaults());
  }

  /**
   * Undoes a card's removal in the caller's draft: restores the whole card (idempotent).
   *
   * @param dashboardId the dashboard id
   * @param card the card as it was (a whole card object; 422 otherwise)
   * @throws AtlasException on failure
   */
  public void undoCardRemoval(String dashboardId, DashboardCard card) {
    undo(dashboardId, restoreCard(card), RequestOptions.defaults());
  }

  /**
   * One undo step on the caller's draft ({@code restore_card} or {@code revert_sql}), with per-call settings.
   *
   * @param dashboardId the dashboard id
   * @param request the step
   * @param requestOptions timeout and headers
   * @throws AtlasException on failure
   */
  public void undo(String dashboardId, UndoDashboardDraftRequest request, RequestOptions requestOptions) {
    ctx.send(undoOp(dashboardId, request), requestOptions);
  }

  /**
   * One undo step on the caller's draft without blocking.
   *
   * @param dashboardId the dashboard id
   * @param request the step
   * @param requestOptions timeout and headers
   * @return completes when done
   */
  public CompletableFuture<Void> undoAsync(String dashboardId, UndoDashboardDraftRequest request,
      RequestOptions requestOptions) {
    return ctx.sendAsync(undoOp(dashboardId, request), requestOptions);
  }

  /**
   * @param card a card as read
   * @return the undo step that restores it whole
   */
  public static UndoDashboardDraftRequest restoreCard(DashboardCard card) {
    Objects.requireNonNull(card, "card");
    @SuppressWarnings("unchecked")
    Map<String, Object> whole = JSON.getGson().fromJson(JSON.getGson().toJson(card), Map.class);
    return new UndoDashboardDraftRequest().kind("restore_card").card(whole);
  }

  private Operation<Void> undoOp(String id, UndoDashboardDraftRequest request) {
    PathIds.check("dashboardId", id);
    Objects.requireNonNull(request, "request");
    return Operation.of("undoDashboardDraftChange", () -> api.undoDashboardDraftChangeCall(id, request, null),
        Void.class).about(id);
  }

  @Override
  public String toString() {
    return "DashboardDrafts";
  }
}
