package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.generated.api.DashboardsApi;
import dev.atlas.client.generated.model.DashboardShareStatus;
import dev.atlas.client.generated.model.PublicDashboard;
import dev.atlas.client.generated.model.ShareDashboardResponse;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Share links of dashboards and the view behind them, from {@code atlas.dashboards().sharing()};
 * thread-safe. A link is {@code public} (anyone with the token) or {@code org} (signed-in members
 * of the owning organization), with an expiry of 1h, 24h, 7d, 30d or never. The answer carries a
 * token, no URL: the shared view is {@link #getPublic(String)} ({@code GET /api/public/dashboards/{token}}),
 * which omits card SQL. Sharing needs permission {@code dashboards:share}.
 */
public final class DashboardSharing {
  private final ClientContext ctx;
  private final DashboardsApi api;

  DashboardSharing(ClientContext ctx, DashboardsApi api) {
    this.ctx = ctx;
    this.api = api;
  }

  /**
   * Shares a dashboard with a permanent public link (or keeps the existing token).
   *
   * @param dashboardId the dashboard id
   * @return the token, mode and expiry
   * @throws AtlasException on failure
   */
  public ShareDashboardResponse share(String dashboardId) {
    return share(dashboardId, ShareDashboardParams.defaults(), RequestOptions.defaults());
  }

  /**
   * Shares a dashboard, or changes its link's mode and expiry (the token is kept unless rotated).
   *
   * @param dashboardId the dashboard id
   * @param params expiry, mode, rotation
   * @return the token, mode and expiry
   * @throws AtlasException on failure (400 {@code invalid_request} for an invalid body: never downgraded to public)
   */
  public ShareDashboardResponse share(String dashboardId, ShareDashboardParams params) {
    return share(dashboardId, params, RequestOptions.defaults());
  }

  /**
   * Shares a dashboard with per-call settings.
   *
   * @param dashboardId the dashboard id
   * @param params expiry, mode, rotation
   * @param requestOptions timeout and headers
   * @return the token, mode and expiry
   * @throws AtlasException on failure
   */
  public ShareDashboardResponse share(String dashboardId, ShareDashboardParams params, RequestOptions requestOptions) {
    return ctx.send(shareOp(dashboardId, params), requestOptions);
  }

  /**
   * Shares a dashboard without blocking.
   *
   * @param dashboardId the dashboard id
   * @param params expiry, mode, rotation
   * @param requestOptions timeout and headers
   * @return the token, mode and expiry
   */
  public CompletableFuture<ShareDashboardResponse> shareAsync(String dashboardId, ShareDashboardParams params,
      RequestOptions requestOptions) {
    return ctx.sendAsync(shareOp(dashboardId, params), requestOptions);
  }

  private Operation<ShareDashboardResponse> shareOp(String id, ShareDashboardParams params) {
    PathIds.check("dashboardId", id);
    var body = Objects.requireNonNull(params, "params").toRequest();
    return Operation.of("shareDashboard", () -> api.shareDashboardCall(id, body, null), ShareDashboardResponse.class)
        .about(id);
  }

  /**
   * Removes a dashboard's share link; its public view then answers 404.
   *
   * @param dashboardId the dashboard id
   * @throws AtlasException on failure
   */
  public void unshare(String dashboardId) {
    unshare(dashboardId, RequestOptions.defaults());
  }

  /**
   * Removes a dashboard's share link, with per-call settings.
   *
   * @param dashboardId the dashboard id
   * @param requestOptions timeout and headers
   * @throws AtlasException on failure
   */
  public void unshare(String dashboardId, RequestOptions requestOptions) {
    ctx.send(unshareOp(dashboardId), requestOptions);
  }

  /**
   * Removes a dashboard's share link without blocking.
   *
   * @param dashboardId the dashboard id
   * @param requestOptions timeout and headers
   * @return completes when removed
   */
  public CompletableFuture<Void> unshareAsync(String dashboardId, RequestOptions requestOptions) {
    return ctx.sendAsync(unshareOp(dashboardId), requestOptions);
  }

  private Operation<Void> unshareOp(String id) {
    PathIds.check("dashboardId", id);
    return Operation.of("unshareDashboard", () -> api.unshareDashboardCall(id, null), Void.class).about(id);
  }

  /**
   * Whether a dashboard is shared, with its token, mode and expiry.
   *
   * @param dashboardId the dashboard id
   * @return the share status
   * @throws AtlasException on failure
   */
  public DashboardShareStatus status(String dashboardId) {
    return status(dashboardId, RequestOptions.defaults());
  }

  /**
   * The share status with per-call settings.
   *
   * @param dashboardId the dashboard id
   * @param requestOptions timeout and headers
   * @return the share status
   * @throws AtlasException on failure
   */
  public DashboardShareStatus status(String dashboardId, RequestOptions requestOptions) {
    return ctx.send(statusOp(dashboardId), requestOptions);
  }

  /**
   * The share status without blocking.
   *
   * @param dashboardId the dashboard id
   * @param requestOptions timeout and headers
   * @return the share status
   */
  public CompletableFuture<DashboardShareStatus> statusAsync(String dashboardId, RequestOptions requestOptions) {
    return ctx.sendAsync(statusOp(dashboardId), requestOptions);
  }

  private Operation<DashboardShareStatus> statusOp(String id) {
    PathIds.check("dashboardId", id);
    return Operation.of("getDashboardShareStatus", () -> api.getDashboardShareStatusCall(id, null),
        DashboardShareStatus.class).about(id);
  }

  /**
   * The dashboard behind a share token, as anyone with the link sees it (cards without SQL). A
   * public link needs no credentials (this client's are sent anyway); an org link needs a
   * signed-in member (403 {@code auth_required}). The server allows about 30 of these a minute per
   * client address (429 {@code rate_limited}).
   *
   * @param token the share token
   * @return the shared view
   * @throws dev.atlas.client.errors.AtlasNotFoundException for an unknown or revoked token
   * @throws AtlasException on other failures (410 {@code expired} for an expired link)
   */
  public PublicDashboard getPublic(String token) {
    return getPublic(token, RequestOptions.defaults());
  }

  /**
   * The shared view with per-call settings.
   *
   * @param token the share token
   * @param requestOptions timeout and headers
   * @return the shared view
   * @throws AtlasException on failure
   */
  public PublicDashboard getPublic(String token, RequestOptions requestOptions) {
    return ctx.send(publicOp(token), requestOptions);
  }

  /**
   * The shared view without blocking.
   *
   * @param token the share token
   * @param requestOptions timeout and headers
   * @return the shared view
   */
  public CompletableFuture<PublicDashboard> getPublicAsync(String token, RequestOptions requestOptions) {
    return ctx.sendAsync(publicOp(token), requestOptions);
  }

  private Operation<PublicDashboard> publicOp(String token) {
    PathIds.check("token", token);
    return Operation.of("getPublicDashboard", () -> api.getPublicDashboardCall(token, null), PublicDashboard.class);
  }

  @Override
  public String toString() {
    return "DashboardSharing";
  }
}
