package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.generated.api.DashboardsApi;
import dev.atlas.client.generated.model.DashboardSessionWithMessages;
import dev.atlas.client.generated.model.ListDashboardSessionsResponse;
import java.util.concurrent.CompletableFuture;

/**
 * The archived chat sessions of a dashboard (chats sent with the dashboard bound), of any user,
 * from {@code atlas.dashboards().sessions()}; thread-safe.
 */
public final class DashboardSessions {
  private final ClientContext ctx;
  private final DashboardsApi api;

  DashboardSessions(ClientContext ctx, DashboardsApi api) {
    this.ctx = ctx;
    this.api = api;
  }

  /**
   * Lists the chat sessions bound to a dashboard (not paged by the server).
   *
   * @param dashboardId the dashboard id
   * @return the sessions
   * @throws AtlasException on failure
   */
  public ListDashboardSessionsResponse list(String dashboardId) {
    return list(dashboardId, RequestOptions.defaults());
  }

  /**
   * Lists the sessions with per-call settings.
   *
   * @param dashboardId the dashboard id
   * @param requestOptions timeout and headers
   * @return the sessions
   * @throws AtlasException on failure
   */
  public ListDashboardSessionsResponse list(String dashboardId, RequestOptions requestOptions) {
    return ctx.send(listOp(dashboardId), requestOptions);
  }

  /**
   * Lists the sessions without blocking.
   *
   * @param dashboardId the dashboard id
   * @param requestOptions timeout and headers
   * @return the sessions
   */
  public CompletableFuture<ListDashboardSessionsResponse> listAsync(String dashboardId, RequestOptions requestOptions) {
    return ctx.sendAsync(listOp(dashboardId), requestOptions);
  }

  private Operation<ListDashboardSessionsResponse> listOp(String id) {
    PathIds.check("dashboardId", id);
    return Operation.of("listDashboardSessions", () -> api.listDashboardSessionsCall(id, null),
        ListDashboardSessionsResponse.class).about(id);
  }

  /**
   * Reads one session with its messages.
   *
   * @param dashboardId the dashboard id
   * @param sessionId the session (conversation) id
   * @return the session
   * @throws dev.atlas.client.errors.AtlasNotFoundException when it is not a session of that dashboard
   */
  public DashboardSessionWithMessages get(String dashboardId, String sessionId) {
    return get(dashboardId, sessionId, RequestOptions.defaults());
  }

  /**
   * Reads one session with per-call settings.
   *
   * @param dashboardId the dashboard id
   * @param sessionId the session id
   * @param requestOptions timeout and headers
   * @return the session
   * @throws AtlasException on failure
   */
  public DashboardSessionWithMessages get(String dashboardId, String sessionId, RequestOptions requestOptions) {
    return ctx.send(getOp(dashboardId, sessionId), requestOptions);
  }

  /**
   * Reads one session without blocking.
   *
   * @param dashboardId the dashboard id
   * @param sessionId the session id
   * @param requestOptions timeout and headers
   * @return the session
   */
  public CompletableFuture<DashboardSessionWithMessages> getAsync(String dashboardId, String sessionId,
      RequestOptions requestOptions) {
    return ctx.sendAsync(getOp(dashboardId, sessionId), requestOptions);
  }

  private Operation<DashboardSessionWithMessages> getOp(String id, String sessionId) {
    PathIds.check("dashboardId", id);
    PathIds.check("sessionId", sessionId);
    return Operation.of("getDashboardSession", () -> api.getDashboardSessionCall(id, sessionId, null),
        DashboardSessionWithMessages.class).about(sessionId);
  }

  @Override
  public String toString() {
    return "DashboardSessions";
  }
}
