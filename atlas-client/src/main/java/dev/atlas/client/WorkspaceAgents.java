package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.generated.api.AdminApi;
import dev.atlas.client.generated.model.ListWorkspaceOAuthClientsResponse;
import dev.atlas.client.generated.model.RevokeOAuthClientResponse;
import dev.atlas.client.generated.model.SetOAuthClientRateLimitRequest;
import dev.atlas.client.generated.model.SetOAuthClientRateLimitResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The OAuth clients ("AI agents") of the caller's active workspace, for its admins and owners:
 * list, revoke, and a client's own rate limit ({@code /api/v1/admin/oauth-clients}). Obtained from
 * {@code atlas.admin().agents()}; thread-safe.
 *
 * <p>Which agents these are: a client that {@code beginConnect} registered with a signed-in user's
 * credential belongs to that user's workspace but to no user, so it is listed and revoked here, not
 * by {@link Mcp#listAgents()} (the caller's own clients, which such a client never is). A client
 * registered without credentials (the standalone {@code AtlasMcp.forServer(...)}) belongs to no
 * workspace: no route lists or revokes it. Managed-mode workspace API keys are refused here, as on
 * every admin route.
 */
public final class WorkspaceAgents {
  private final ClientContext ctx;
  private final AdminApi api;

  WorkspaceAgents(ClientContext ctx, AdminApi api) {
    this.ctx = ctx;
    this.api = api;
  }

  /**
   * The workspace's agents, newest first, with token state, rate limit and workspace scope.
   *
   * @return the agents
   * @throws AtlasException on failure (403 {@code forbidden_role} without the admin role)
   */
  public ListWorkspaceOAuthClientsResponse list() {
    return list(RequestOptions.none());
  }

  /**
   * The workspace's agents with per-call settings.
   *
   * @param requestOptions timeout and headers
   * @return the agents
   * @throws AtlasException on failure
   */
  public ListWorkspaceOAuthClientsResponse list(RequestOptions requestOptions) {
    return ctx.send(listOp(), requestOptions);
  }

  /**
   * The workspace's agents without blocking.
   *
   * @param requestOptions timeout and headers
   * @return the agents
   */
  public CompletableFuture<ListWorkspaceOAuthClientsResponse> listAsync(RequestOptions requestOptions) {
    return ctx.sendAsync(listOp(), requestOptions);
  }

  /**
   * Revokes an agent of the workspace: deletes the client with its stored tokens and consents. Access
   * tokens (JWTs) already issued stay valid until they expire. Not retried (a POST that acts).
   *
   * @param clientId the agent's client id (percent-encoded into the path)
   * @return whether it was revoked and how many stored tokens went with it
   * @throws dev.atlas.client.errors.AtlasNotFoundException {@code not_found} for an unknown or already
   *     revoked client, one of another workspace, or one registered without credentials
   * @throws AtlasException on other failures (422 {@code validation_error} for an id over 255 characters)
   */
  public RevokeOAuthClientResponse revoke(String clientId) {
    return revoke(clientId, RequestOptions.none());
  }

  /**
   * Revokes an agent of the workspace with per-call settings.
   *
   * @param clientId the agent's client id
   * @param requestOptions timeout and headers
   * @return whether it was revoked and how many stored tokens went with it
   * @throws AtlasException on failure
   */
  public RevokeOAuthClientResponse revoke(String clientId, RequestOptions requestOptions) {
    PathIds.check("clientId", clientId);
    return ctx.send(revokeOp(clientId), requestOptions);
  }

  /**
   * Revokes an agent of the workspace without blocking.
   *
   * @param clientId the agent's client id
   * @param requestOptions timeout and headers
   * @return whether it was revoked and how many stored tokens went with it
   */
  public CompletableFuture<RevokeOAuthClientResponse> revokeAsync(String clientId, RequestOptions requestOptions) {
    PathIds.check("clientId", clientId);
    return ctx.sendAsync(revokeOp(clientId), requestOptions);
  }

  /**
   * Gives an agent its own limit of MCP requests per minute (the workspace default is 60).
   *
   * @param clientId the agent's client id
   * @param requestsPerMinute 1 to 3600
   * @return the limit now in force
   * @throws IllegalArgumentException for a limit outside 1 to 3600, before anything is sent
   * @throws AtlasException on failure ({@code not_found} for a client not in the workspace)
   */
  public SetOAuthClientRateLimitResponse setRateLimit(String clientId, int requestsPerMinute) {
    return setRateLimit(clientId, requestsPerMinute, RequestOptions.none());
  }

  /**
   * Gives an agent its own rate limit, with per-call settings.
   *
   * @param clientId the agent's client id
   * @param requestsPerMinute 1 to 3600
   * @param requestOptions timeout and headers
   * @return the limit now in force
   * @throws AtlasException on failure
   */
  public SetOAuthClientRateLimitResponse setRateLimit(String clientId, int requestsPerMinute,
      RequestOptions requestOptions) {
    return ctx.send(rateLimitOp(clientId, checkLimit(requestsPerMinute)), requestOptions);
  }

  /**
   * Gives an agent its own rate limit without blocking.
   *
   * @param clientId the agent's client id
   * @param requestsPerMinute 1 to 3600
   * @param requestOptions timeout and headers
   * @return the limit now in force
   */
  public CompletableFuture<SetOAuthClientRateLimitResponse> setRateLimitAsync(String clientId, int requestsPerMinute,
      RequestOptions requestOptions) {
    return ctx.sendAsync(rateLimitOp(clientId, checkLimit(requestsPerMinute)), requestOptions);
  }

  /**
   * Removes an agent's own rate limit: the workspace default (60 per minute) applies again. Sends
   * {@code {"requestsPerMinute": null}}.
   *
   * @param clientId the agent's client id
   * @return the limit now in force ({@code rateLimitPerMinute} null)
   * @throws AtlasException on failure
   */
  public SetOAuthClientRateLimitResponse clearRateLimit(String clientId) {
    return clearRateLimit(clientId, RequestOptions.none());
  }

  /**
   * Removes an agent's own rate limit, with per-call settings.
   *
   * @param clientId the agent's client id
   * @param requestOptions timeout and headers
   * @return the limit now in force
   * @throws AtlasException on failure
   */
  public SetOAuthClientRateLimitResponse clearRateLimit(String clientId, RequestOptions requestOptions) {
    return ctx.send(rateLimitOp(clientId, null), requestOptions);
  }

  /**
   * Removes an agent's own rate limit without blocking.
   *
   * @param clientId the agent's client id
   * @param requestOptions timeout and headers
   * @return the limit now in force
   */
  public CompletableFuture<SetOAuthClientRateLimitResponse> clearRateLimitAsync(String clientId,
      RequestOptions requestOptions) {
    return ctx.sendAsync(rateLimitOp(clientId, null), requestOptions);
  }

  private static Integer checkLimit(int requestsPerMinute) {
    if (requestsPerMinute < 1 || requestsPerMinute > 3600) {
      throw new IllegalArgumentException("requestsPerMinute must be 1 to 3600, got " + requestsPerMinute);
    }
    return requestsPerMinute;
  }

  private Operation<ListWorkspaceOAuthClientsResponse> listOp() {
    return Operation.of("listWorkspaceOAuthClients", () -> api.listWorkspaceOAuthClientsCall(null),
        ListWorkspaceOAuthClientsResponse.class);
  }

  private Operation<RevokeOAuthClientResponse> revokeOp(String clientId) {
    return Operation.of("revokeWorkspaceOAuthClient", () -> api.revokeWorkspaceOAuthClientCall(clientId, null),
        RevokeOAuthClientResponse.class).about(clientId);
  }

  /** @param limit the limit, or null to send an explicit JSON null (remove it) */
  private Operation<SetOAuthClientRateLimitResponse> rateLimitOp(String clientId, Integer limit) {
    PathIds.check("clientId", clientId);
    SetOAuthClientRateLimitRequest body = new SetOAuthClientRateLimitRequest().requestsPerMinute(limit);
    Operation<SetOAuthClientRateLimitResponse> op = Operation.of("setWorkspaceOAuthClientRateLimit",
        () -> api.setWorkspaceOAuthClientRateLimitCall(clientId, body, null), SetOAuthClientRateLimitResponse.class)
        .about(clientId);
    return limit == null ? op.rewrite(r -> JsonNulls.with(r, List.of("requestsPerMinute"))) : op;
  }

  @Override
  public String toString() {
    return "WorkspaceAgents";
  }
}
