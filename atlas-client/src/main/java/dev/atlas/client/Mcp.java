package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.generated.api.OAuthClientsApi;
import dev.atlas.client.generated.model.ListOAuthClientsResponse;
import dev.atlas.client.generated.model.RevokeOAuthClientResponse;
import dev.atlas.client.internal.McpBridge;
import dev.atlas.client.mcp.AtlasMcp;
import dev.atlas.client.mcp.AtlasMcpException;
import dev.atlas.client.mcp.ConnectRequest;
import dev.atlas.client.mcp.McpCallback;
import dev.atlas.client.mcp.McpClientConfig;
import dev.atlas.client.mcp.McpClientType;
import dev.atlas.client.mcp.McpTokens;
import dev.atlas.client.mcp.PendingConnect;
import java.util.concurrent.CompletableFuture;

/**
 * MCP onboarding bound to a client: connect a user's MCP client to their workspace (the OAuth
 * flow of {@link AtlasMcp}, against this client's base URL) and list or revoke the agents the
 * calling user connected. Obtained from {@link AtlasClient#mcp()}; thread-safe.
 *
 * <p>The OAuth calls go through this client's transport like its API calls: its HTTP log (codes,
 * verifiers and tokens masked), its listeners (operations {@code discoverOAuthServer},
 * {@code registerOAuthClient}, {@code exchangeOAuthCode}, {@code refreshOAuthToken}), its
 * timeouts and its transport failure hints; the interceptors added with
 * {@link AtlasClientBuilder#addInterceptor} and {@link AtlasClientBuilder#addNetworkInterceptor}
 * are the API calls' and do not see them. They carry none of this client's credentials, except
 * the dynamic client registration of {@link #beginConnect}: it carries the credential as API calls
 * do (and only to this client's Atlas origin), so that the agent it registers belongs to the
 * credential's user and shows in {@link #listAgents()}. They fail with {@link AtlasMcpException};
 * listing and revoking use the credentials (an API key, or a session token; an MCP access token is
 * refused) and fail with the other {@link AtlasException}s: one {@code catch (AtlasException e)}
 * covers both. The standalone form, which needs no credentials at all and registers anonymously,
 * is {@link AtlasMcp#forServer(String)}.
 */
public final class Mcp {
  private final ClientContext ctx;
  private final OAuthClientsApi api;
  private final AtlasMcp onboarding;

  Mcp(ClientContext ctx) {
    this.ctx = ctx;
    this.api = new OAuthClientsApi(ctx.apiClient());
    this.onboarding = McpBridge.bound(ctx.settings().baseUrlText(), ctx.settings().clock(), new OAuthCalls(ctx));
  }

  /** @return the OAuth flow for this client's base URL: refresh, machine-to-machine and the full config options */
  public AtlasMcp onboarding() {
    return onboarding;
  }

  /**
   * Starts connecting an MCP client; see {@link AtlasMcp#beginConnect(ConnectRequest)}. The
   * registration carries this client's credential, so the agent is the credential user's.
   *
   * @param request client name, redirect URI and scopes
   * @return the consent URL and what to keep until the callback
   * @throws AtlasMcpException {@code invalid_api_url}, {@code discovery_failed} (404 on a server in
   *     api-key mode) or {@code registration_failed}
   */
  public PendingConnect beginConnect(ConnectRequest request) {
    ctx.ensureOpen();
    return onboarding.beginConnect(request);
  }

  /**
   * Completes a connection; see {@link AtlasMcp#completeConnect(PendingConnect, McpCallback, String)}.
   *
   * @param pending what beginConnect returned
   * @param callback the redirect's query
   * @return the tokens and the workspace they are bound to
   * @throws AtlasMcpException for a failed check or exchange
   */
  public McpTokens completeConnect(PendingConnect pending, McpCallback callback) {
    ctx.ensureOpen();
    return onboarding.completeConnect(pending, callback);
  }

  /**
   * Builds the paste-ready config for the tokens' workspace; see
   * {@link AtlasMcp#buildConfig(McpClientType, McpTokens)}.
   *
   * @param client the MCP client
   * @param tokens tokens from completeConnect
   * @return the config
   */
  public McpClientConfig buildConfig(McpClientType client, McpTokens tokens) {
    return onboarding.buildConfig(client, tokens);
  }

  /**
   * The OAuth clients ("AI agents") the calling user owns in the active workspace, newest first,
   * with their token state, rate limit, workspace scope and granted workspaces. A server in api-key
   * mode answers an empty list. The clients {@link #beginConnect} registers are never among them:
   * the server gives a registered client no user owner, also after consent. Registered with a
   * user's credential, such a client belongs to that user's workspace, whose admins list and revoke
   * it with {@code atlas.admin().agents()}; registered without credentials, it belongs to nobody.
   *
   * @return the agents and the deploy mode
   * @throws AtlasException on failure (401 {@code auth_error} for an MCP access token)
   */
  public ListOAuthClientsResponse listAgents() {
    return listAgents(RequestOptions.defaults());
  }

  /**
   * The connected agents with per-call settings.
   *
   * @param requestOptions timeout and headers
   * @return the agents and the deploy mode
   * @throws AtlasException on failure
   */
  public ListOAuthClientsResponse listAgents(RequestOptions requestOptions) {
    return ctx.send(listOp(), requestOptions);
  }

  /**
   * The connected agents without blocking.
   *
   * @param requestOptions timeout and headers
   * @return the agents and the deploy mode
   */
  public CompletableFuture<ListOAuthClientsResponse> listAgentsAsync(RequestOptions requestOptions) {
    return ctx.sendAsync(listOp(), requestOptions);
  }

  /**
   * Revokes an agent: deletes the OAuth client with its stored tokens, consents and grants. Access
   * tokens (JWTs) already issued stay valid until they expire. Not retried (a POST that acts).
   *
   * @param clientId the agent's client id (percent-encoded into the path)
   * @return whether it was revoked and how many stored tokens went with it
   * @throws dev.atlas.client.errors.AtlasNotFoundException {@code not_found} for an unknown, foreign
   *     or already revoked client
   * @throws AtlasException on other failures (422 {@code validation_error} for an id over 255 characters)
   */
  public RevokeOAuthClientResponse revokeAgent(String clientId) {
    return revokeAgent(clientId, RequestOptions.defaults());
  }

  /**
   * Revokes an agent with per-call settings.
   *
   * @param clientId the agent's client id
   * @param requestOptions timeout and headers
   * @return whether it was revoked and how many stored tokens went with it
   * @throws AtlasException on failure
   */
  public RevokeOAuthClientResponse revokeAgent(String clientId, RequestOptions requestOptions) {
    PathIds.check("clientId", clientId);
    return ctx.send(revokeOp(clientId), requestOptions);
  }

  /**
   * Revokes an agent without blocking.
   *
   * @param clientId the agent's client id
   * @param requestOptions timeout and headers
   * @return whether it was revoked and how many stored tokens went with it
   */
  public CompletableFuture<RevokeOAuthClientResponse> revokeAgentAsync(String clientId, RequestOptions requestOptions) {
    PathIds.check("clientId", clientId);
    return ctx.sendAsync(revokeOp(clientId), requestOptions);
  }

  /** @return the workspaces one of the caller's own agents reaches: its scope, and revoking it from one */
  public AgentWorkspaces workspaces() {
    return new AgentWorkspaces(ctx, api);
  }

  private Operation<ListOAuthClientsResponse> listOp() {
    return Operation.of("listOAuthClients", () -> api.listOAuthClientsCall(null), ListOAuthClientsResponse.class);
  }

  private Operation<RevokeOAuthClientResponse> revokeOp(String clientId) {
    return Operation.of("revokeOAuthClient", () -> api.revokeOAuthClientCall(clientId, null), RevokeOAuthClientResponse.class)
        .about(clientId);
  }

  @Override
  public String toString() {
    return "Mcp{" + onboarding.apiUrl() + "}";
  }
}
