package dev.atlas.client;

import dev.atlas.client.generated.api.ActionsApi;
import dev.atlas.client.generated.model.ActionLogEntry;
import dev.atlas.client.generated.model.BulkActionKind;
import dev.atlas.client.generated.model.BulkActionsResponse;
import dev.atlas.client.generated.model.DenyActionRequest;
import dev.atlas.client.generated.model.ListActionsResponse;
import dev.atlas.client.generated.model.PendingAction;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * What the agent proposes to do ({@code /api/v1/actions}): a JIRA ticket, an email report. With the
 * server's approval mode {@code manual} (the default) or {@code admin-only}, such an action waits as
 * {@code pending} until an admin approves it (it then runs inside the approve request) or denies it.
 * A query's {@code pendingActions} name them; approve one by its id, here, not through its
 * {@code approveUrl} (which names the server's own host, not necessarily this client's base URL).
 * Obtained from {@code atlas.actions()}; thread-safe.
 *
 * <p>Rows come with the server's snake_case keys as {@link ActionLogEntry}; a status this client
 * does not know parses to {@code UNKNOWN_DEFAULT_OPEN_API} with the text kept in the row's
 * additional properties under {@code status}. Errors: a server whose actions are off answers 404
 * {@link dev.atlas.client.errors.AtlasNotFoundException} (code {@code not_available}, "actions are
 * not enabled on this server"); approving or denying without the role is
 * {@link dev.atlas.client.errors.AtlasPermissionException}; an action no longer pending is
 * {@link dev.atlas.client.errors.AtlasConflictException}. Approve, deny and bulk are never retried
 * once they may have reached the server.
 */
public final class Actions {
  private final ClientContext ctx;
  private final ActionsApi api;

  Actions(ClientContext ctx, ActionsApi api) {
    this.ctx = ctx;
    this.api = api;
  }

  /**
   * The caller's pending actions, newest first (at most 50).
   *
   * @return one page: the server offers no offset, so it is the only one
   * @throws dev.atlas.client.errors.AtlasException on failure
   */
  public Page<ActionLogEntry> list() {
    return list(ListActionsParams.defaults(), RequestOptions.defaults());
  }

  /**
   * The caller's own actions with one status, newest first.
   *
   * @param params status filter (default pending) and page size (default 50, at most 100)
   * @return one page; {@link Page#hasNextPage()} is false (the server pages no further)
   * @throws dev.atlas.client.errors.AtlasException on failure
   */
  public Page<ActionLogEntry> list(ListActionsParams params) {
    return list(params, RequestOptions.defaults());
  }

  /**
   * The caller's own actions with per-call settings.
   *
   * @param params status filter and page size
   * @param requestOptions timeout and headers
   * @return one page
   * @throws dev.atlas.client.errors.AtlasException on failure
   */
  public Page<ActionLogEntry> list(ListActionsParams params, RequestOptions requestOptions) {
    Objects.requireNonNull(params, "params");
    return page(ActionErrors.call(false, () -> ctx.send(listOp(params), requestOptions)), params);
  }

  /**
   * The caller's own actions without blocking.
   *
   * @param params status filter and page size
   * @param requestOptions timeout and headers
   * @return one page
   */
  public CompletableFuture<Page<ActionLogEntry>> listAsync(ListActionsParams params, RequestOptions requestOptions) {
    Objects.requireNonNull(params, "params");
    return ActionErrors.async(false, ctx.sendAsync(listOp(params), requestOptions)).thenApply(r -> page(r, params));
  }

  private Page<ActionLogEntry> page(ListActionsResponse r, ListActionsParams params) {
    List<ActionLogEntry> items = r.getActions() == null ? List.of() : r.getActions();
    return new Page<>(items, items.size(), 0, params.limit(), null, next -> {
      throw new java.util.NoSuchElementException("The actions list has one page");
    }, next -> {
      throw new java.util.NoSuchElementException("The actions list has one page");
    }, ActionLogEntry::getId);
  }

  /**
   * Reads one of the caller's actions.
   *
   * @param actionId the action id (a UUID)
   * @return the row
   * @throws dev.atlas.client.errors.AtlasNotFoundException for an unknown id or another user's action
   */
  public ActionLogEntry get(String actionId) {
    return get(actionId, RequestOptions.defaults());
  }

  /**
   * Reads one of the caller's actions with per-call settings.
   *
   * @param actionId the action id
   * @param requestOptions timeout and headers
   * @return the row
   * @throws dev.atlas.client.errors.AtlasException on failure
   */
  public ActionLogEntry get(String actionId, RequestOptions requestOptions) {
    PathIds.check("actionId", actionId);
    return ActionErrors.call(false, () -> ctx.send(getOp(actionId), requestOptions));
  }

  /**
   * Reads one of the caller's actions without blocking.
   *
   * @param actionId the action id
   * @param requestOptions timeout and headers
   * @return the row
   */
  public CompletableFuture<ActionLogEntry> getAsync(String actionId, RequestOptions requestOptions) {
    PathIds.check("actionId", actionId);
    return ActionErrors.async(false, ctx.sendAsync(getOp(actionId), requestOptions));
  }

  /**
   * Approves a pending action: the server runs it inside this request.
   *
   * @param actionId the action id (a UUID)
   * @return the final row: {@code executed}, {@code failed} (the reason in {@code error}) or
   *     {@code timed_out}; {@code approved} when the server no longer holds the executor (restarted)
   * @throws dev.atlas.client.errors.AtlasPermissionException without the role to approve
   * @throws dev.atlas.client.errors.AtlasConflictException when it is no longer pending
   */
  public ActionLogEntry approve(String actionId) {
    return approve(actionId, RequestOptions.defaults());
  }

  /**
   * Approves the action a query proposed ({@code QueryResponse.getPendingActions()}), by its id.
   *
   * @param action the pending action
   * @return the final row
   * @throws dev.atlas.client.errors.AtlasException on failure
   */
  public ActionLogEntry approve(PendingAction action) {
    return approve(Objects.requireNonNull(action, "action").getId(), RequestOptions.defaults());
  }

  /**
   * Approves a pending action with per-call settings.
   *
   * @param actionId the action id
   * @param requestOptions timeout and headers
   * @return the final row
   * @throws dev.atlas.client.errors.AtlasException on failure
   */
  public ActionLogEntry approve(String actionId, RequestOptions requestOptions) {
    PathIds.check("actionId", actionId);
    return ActionErrors.call(true, () -> ctx.send(approveOp(actionId), requestOptions));
  }

  /**
   * Approves a pending action without blocking.
   *
   * @param actionId the action id
   * @param requestOptions timeout and headers
   * @return the final row
   */
  public CompletableFuture<ActionLogEntry> approveAsync(String actionId, RequestOptions requestOptions) {
    PathIds.check("actionId", actionId);
    return ActionErrors.async(true, ctx.sendAsync(approveOp(actionId), requestOptions));
  }

  /**
   * Denies a pending action without a reason; nothing runs.
   *
   * @param actionId the action id (a UUID)
   * @return the row, status {@code denied}
   * @throws dev.atlas.client.errors.AtlasException on failure (403, 409 as for approve)
   */
  public ActionLogEntry deny(String actionId) {
    return deny(actionId, DenyActionParams.defaults(), RequestOptions.defaults());
  }

  /**
   * Denies the action a query proposed, by its id.
   *
   * @param action the pending action
   * @param params the reason
   * @return the row, status {@code denied}
   * @throws dev.atlas.client.errors.AtlasException on failure
   */
  public ActionLogEntry deny(PendingAction action, DenyActionParams params) {
    return deny(Objects.requireNonNull(action, "action").getId(), params, RequestOptions.defaults());
  }

  /**
   * Denies a pending action.
   *
   * @param actionId the action id
   * @param params the reason, stored in the row's {@code error}
   * @return the row, status {@code denied}
   * @throws dev.atlas.client.errors.AtlasException on failure
   */
  public ActionLogEntry deny(String actionId, DenyActionParams params) {
    return deny(actionId, params, RequestOptions.defaults());
  }

  /**
   * Denies a pending action with per-call settings.
   *
   * @param actionId the action id
   * @param params the reason
   * @param requestOptions timeout and headers
   * @return the row, status {@code denied}
   * @throws dev.atlas.client.errors.AtlasException on failure
   */
  public ActionLogEntry deny(String actionId, DenyActionParams params, RequestOptions requestOptions) {
    PathIds.check("actionId", actionId);
    Objects.requireNonNull(params, "params");
    return ActionErrors.call(true, () -> ctx.send(denyOp(actionId, params), requestOptions));
  }

  /**
   * Denies a pending action without blocking.
   *
   * @param actionId the action id
   * @param params the reason
   * @param requestOptions timeout and headers
   * @return the row, status {@code denied}
   */
  public CompletableFuture<ActionLogEntry> denyAsync(String actionId, DenyActionParams params,
      RequestOptions requestOptions) {
    PathIds.check("actionId", actionId);
    Objects.requireNonNull(params, "params");
    return ActionErrors.async(true, ctx.sendAsync(denyOp(actionId, params), requestOptions));
  }

  /**
   * Approves many actions. The server takes at most 100 ids per request: more are sent in chunks of
   * 100, one after the other, and their answers merged. Each id lands in exactly one list; the ids
   * of a chunk whose request failed land in {@code errors} with the failure's message.
   *
   * @param actionIds the ids (duplicates are sent once)
   * @return where each id landed
   * @throws dev.atlas.client.errors.AtlasException when every chunk failed (the first failure)
   */
  public BulkActionsResponse approveAll(List<String> actionIds) {
    return approveAll(actionIds, RequestOptions.defaults());
  }

  /**
   * Approves many actions with per-call settings (applied to each chunk).
   *
   * @param actionIds the ids
   * @param requestOptions timeout and headers
   * @return where each id landed
   * @throws dev.atlas.client.errors.AtlasException when every chunk failed
   */
  public BulkActionsResponse approveAll(List<String> actionIds, RequestOptions requestOptions) {
    return new BulkActions(ctx, api).run(actionIds, BulkActionKind.APPROVE, null, requestOptions);
  }

  /**
   * Approves many actions without blocking.
   *
   * @param actionIds the ids
   * @param requestOptions timeout and headers
   * @return where each id landed
   */
  public CompletableFuture<BulkActionsResponse> approveAllAsync(List<String> actionIds, RequestOptions requestOptions) {
    return new BulkActions(ctx, api).runAsync(actionIds, BulkActionKind.APPROVE, null, requestOptions);
  }

  /**
   * Denies many actions, in chunks of 100 as {@link #approveAll(List)} does.
   *
   * @param actionIds the ids
   * @param params the reason for every one
   * @return where each id landed
   * @throws dev.atlas.client.errors.AtlasException when every chunk failed
   */
  public BulkActionsResponse denyAll(List<String> actionIds, DenyActionParams params) {
    return denyAll(actionIds, params, RequestOptions.defaults());
  }

  /**
   * Denies many actions with per-call settings.
   *
   * @param actionIds the ids
   * @param params the reason
   * @param requestOptions timeout and headers
   * @return where each id landed
   * @throws dev.atlas.client.errors.AtlasException when every chunk failed
   */
  public BulkActionsResponse denyAll(List<String> actionIds, DenyActionParams params, RequestOptions requestOptions) {
    Objects.requireNonNull(params, "params");
    return new BulkActions(ctx, api).run(actionIds, BulkActionKind.DENY, params.reason(), requestOptions);
  }

  /**
   * Denies many actions without blocking.
   *
   * @param actionIds the ids
   * @param params the reason
   * @param requestOptions timeout and headers
   * @return where each id landed
   */
  public CompletableFuture<BulkActionsResponse> denyAllAsync(List<String> actionIds, DenyActionParams params,
      RequestOptions requestOptions) {
    Objects.requireNonNull(params, "params");
    return new BulkActions(ctx, api).runAsync(actionIds, BulkActionKind.DENY, params.reason(), requestOptions);
  }

  private Operation<ListActionsResponse> listOp(ListActionsParams p) {
    String status = p.status() == null ? null : p.status().getValue();
    return Operation.of("listActions", () -> api.listActionsCall(status, p.limit(), null), ListActionsResponse.class);
  }

  private Operation<ActionLogEntry> getOp(String id) {
    return Operation.of("getAction", () -> api.getActionCall(id, null), ActionLogEntry.class).about(id);
  }

  private Operation<ActionLogEntry> approveOp(String id) {
    return Operation.of("approveAction", () -> api.approveActionCall(id, null), ActionLogEntry.class).about(id);
  }

  private Operation<ActionLogEntry> denyOp(String id, DenyActionParams p) {
    DenyActionRequest body = new DenyActionRequest().reason(p.reason());
    return Operation.of("denyAction", () -> api.denyActionCall(id, body, null), ActionLogEntry.class).about(id);
  }
}
