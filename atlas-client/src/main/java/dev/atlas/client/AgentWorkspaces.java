package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.generated.api.OAuthClientsApi;
import dev.atlas.client.generated.model.RemoveWorkspaceGrantResponse;
import dev.atlas.client.generated.model.SetWorkspaceScopeRequest;
import dev.atlas.client.generated.model.WorkspaceScopeResponse;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Which workspaces one of the caller's own agents (OAuth clients) reaches: its cross-workspace
 * scope, and revoking it from one workspace ({@code /api/v1/me/oauth-clients/{id}/...}). Obtained
 * from {@code atlas.mcp().workspaces()}; thread-safe. Only clients the caller owns qualify (those
 * {@link Mcp#listAgents()} lists): a client an SDK registered has no owner, so these answer 404
 * {@code not_found} for it.
 */
public final class AgentWorkspaces {
  private static final Set<String> MODES = Set.of("single", "multi");

  private final ClientContext ctx;
  private final OAuthClientsApi api;

  AgentWorkspaces(ClientContext ctx, OAuthClientsApi api) {
    this.ctx = ctx;
    this.api = api;
  }

  /**
   * Sets an agent's scope: {@code multi} grants it every workspace the caller belongs to,
   * {@code single} clears those grants.
   *
   * @param clientId the agent's client id (percent-encoded into the path)
   * @param mode {@code single} or {@code multi}
   * @return the scope now and the workspaces granted
   * @throws IllegalArgumentException for another mode, before anything is sent
   * @throws dev.atlas.client.errors.AtlasNotFoundException for a client the caller does not own
   * @throws AtlasException on other failures
   */
  public WorkspaceScopeResponse setScope(String clientId, String mode) {
    return setScope(clientId, mode, RequestOptions.defaults());
  }

  /**
   * Sets an agent's scope with per-call settings. Setting it twice is harmless, but it is a POST:
   * retried only when it provably did not run.
   *
   * @param clientId the agent's client id
   * @param mode {@code single} or {@code multi}
   * @param requestOptions timeout, headers, retries
   * @return the scope now
   * @throws AtlasException on failure
   */
  public WorkspaceScopeResponse setScope(String clientId, String mode, RequestOptions requestOptions) {
    return ctx.send(scopeOp(clientId, mode), requestOptions);
  }

  /**
   * Sets an agent's scope without blocking.
   *
   * @param clientId the agent's client id
   * @param mode {@code single} or {@code multi}
   * @param requestOptions timeout, headers, retries
   * @return the scope now; fails with the typed exception
   */
  public CompletableFuture<WorkspaceScopeResponse> setScopeAsync(String clientId, String mode,
      RequestOptions requestOptions) {
    return ctx.sendAsync(scopeOp(clientId, mode), requestOptions);
  }

  /**
   * Revokes an agent's grant to one workspace.
   *
   * @param clientId the agent's client id
   * @param workspaceId the workspace
   * @return how many grants were removed
   * @throws dev.atlas.client.errors.AtlasNotFoundException for a client the caller does not own, or
   *     a workspace without a grant
   * @throws AtlasException on other failures
   */
  public RemoveWorkspaceGrantResponse revoke(String clientId, String workspaceId) {
    return revoke(clientId, workspaceId, RequestOptions.defaults());
  }

  /**
   * Revokes an agent's grant to one workspace, with per-call settings. A DELETE: retried after a
   * dropped connection.
   *
   * @param clientId the agent's client id
   * @param workspaceId the workspace
   * @param requestOptions timeout, headers, retries
   * @return how many grants were removed
   * @throws AtlasException on failure
   */
  public RemoveWorkspaceGrantResponse revoke(String clientId, String workspaceId, RequestOptions requestOptions) {
    return ctx.send(removeOp(clientId, workspaceId), requestOptions);
  }

  /**
   * Revokes an agent's grant to one workspace without blocking.
   *
   * @param clientId the agent's client id
   * @param workspaceId the workspace
   * @param requestOptions timeout, headers, retries
   * @return how many grants were removed; fails with the typed exception
   */
  public CompletableFuture<RemoveWorkspaceGrantResponse> revokeAsync(String clientId, String workspaceId,
      RequestOptions requestOptions) {
    return ctx.sendAsync(removeOp(clientId, workspaceId), requestOptions);
  }

  private Operation<WorkspaceScopeResponse> scopeOp(String clientId, String mode) {
    PathIds.check("clientId", clientId);
    Objects.requireNonNull(mode, "mode");
    if (!MODES.contains(mode)) {
      throw new IllegalArgumentException("mode must be single or multi, got " + mode);
    }
    SetWorkspaceScopeRequest body = new SetWorkspaceScopeRequest().mode(mode);
    return Operation.of("setOAuthClientWorkspaceScope", () -> api.setOAuthClientWorkspaceScopeCall(clientId, body, null),
        WorkspaceScopeResponse.class).about(clientId);
  }

  private Operation<RemoveWorkspaceGrantResponse> removeOp(String clientId, String workspaceId) {
    PathIds.check("clientId", clientId);
    PathIds.check("workspaceId", workspaceId);
    return Operation.of("removeOAuthClientWorkspace",
        () -> api.removeOAuthClientWorkspaceCall(clientId, workspaceId, null), RemoveWorkspaceGrantResponse.class)
        .about(clientId);
  }

  @Override
  public String toString() {
    return "AgentWorkspaces";
  }
}
