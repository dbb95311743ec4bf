package dev.atlas.client.mcp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link AtlasMcp#beginConnect(ConnectRequest)} needs: the name the consent screen shows, the
 * redirect URI (the same one must reach {@code completeConnect}), and the scopes. Immutable.
 *
 * <pre>{@code ConnectRequest.of("Claude Desktop", receiver.redirectUri()).withScopes(List.of("mcp:read", "mcp:write"))}</pre>
 */
public final class ConnectRequest {
  /** The scopes asked for unless others are given: {@code mcp:read} and {@code offline_access} (a refresh token). */
  public static final List<String> DEFAULT_SCOPES = List.of("mcp:read", "offline_access");

  private final String clientName;
  private final String redirectUri;
  private final List<String> scopes;
  private final String workspaceId;

  private ConnectRequest(String clientName, String redirectUri, List<String> scopes, String workspaceId) {
    this.clientName = Objects.requireNonNull(clientName, "clientName");
    this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
    this.scopes = List.copyOf(scopes);
    this.workspaceId = workspaceId;
  }

  /**
   * @param clientName sent as the registration's {@code client_name}; the consent screen shows it
   * @param redirectUri where the browser returns with the code, e.g. a {@link LoopbackReceiver}'s
   * @return a request for the default scopes
   */
  public static ConnectRequest of(String clientName, String redirectUri) {
    return new ConnectRequest(clientName, redirectUri, DEFAULT_SCOPES, null);
  }

  /**
   * @param scopes the scopes, sent space-joined (e.g. {@code mcp:read mcp:write})
   * @return a copy asking for them
   */
  public ConnectRequest withScopes(List<String> scopes) {
    return new ConnectRequest(clientName, redirectUri, Objects.requireNonNull(scopes, "scopes"), workspaceId);
  }

  /**
   * Reserved for a future workspace hint: accepted, never sent (the token is bound to the workspace
   * that is active when the user consents), as in the TypeScript SDK.
   *
   * @param workspaceId the workspace, or null
   * @return a copy carrying it
   */
  public ConnectRequest withWorkspaceId(String workspaceId) {
    return new ConnectRequest(clientName, redirectUri, scopes, workspaceId);
  }

  /** @return the client name */
  public String clientName() {
    return clientName;
  }

  /** @return the redirect URI */
  public String redirectUri() {
    return redirectUri;
  }

  /** @return the scopes, unmodifiable */
  public List<String> scopes() {
    return scopes;
  }

  /** @return the reserved workspace hint, if set (it has no effect) */
  public Optional<String> workspaceId() {
    return Optional.ofNullable(workspaceId);
  }

  @Override
  public String toString() {
    return "ConnectRequest{clientName=" + clientName + ", redirectUri=" + redirectUri + ", scopes=" + scopes + "}";
  }
}
