package dev.atlas.client.mcp;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The result of a completed connection or a refresh: the access token (a signed JWT bound to a
 * workspace), the refresh token when {@code offline_access} was granted, when the access token
 * expires, and the workspace(s) it is bound to. Also carries what a refresh needs (client id,
 * token endpoint, issuer, resource). {@code toString()} never shows a token. Immutable.
 */
public final class McpTokens {
  private final String accessToken;
  private final String refreshToken;
  private final String tokenType;
  private final String scope;
  private final Instant expiresAt;
  private final String workspaceId;
  private final List<String> workspaces;
  private final List<String> warnings;
  private final String clientId;
  private final String tokenEndpoint;
  private final String issuer;
  private final String resource;

  McpTokens(OAuthWire.TokenResponse r, String refreshToken, Instant expiresAt, String workspaceId,
      List<String> workspaces, List<String> warnings, String clientId, String tokenEndpoint, String issuer,
      String resource) {
    this.accessToken = r.accessToken();
    this.refreshToken = refreshToken;
    this.tokenType = r.tokenType();
    this.scope = r.scope();
    this.expiresAt = expiresAt;
    this.workspaceId = workspaceId;
    this.workspaces = List.copyOf(workspaces);
    this.warnings = List.copyOf(warnings);
    this.clientId = clientId;
    this.tokenEndpoint = tokenEndpoint;
    this.issuer = issuer;
    this.resource = resource;
  }

  /** @return the access token (a JWT): a secret; send it as {@code Authorization: Bearer} to the MCP endpoint */
  public String accessToken() {
    return accessToken;
  }

  /** @return the refresh token, if {@code offline_access} was granted: a secret */
  public Optional<String> refreshToken() {
    return Optional.ofNullable(refreshToken);
  }

  /** @return the token type the server sent (e.g. {@code Bearer}), if it sent one as text */
  public Optional<String> tokenType() {
    return Optional.ofNullable(tokenType);
  }

  /** @return the granted scopes, space-separated, if the server sent them */
  public Optional<String> scope() {
    return Optional.ofNullable(scope);
  }

  /** @return when the access token expires: now plus {@code expires_in}, or plus one hour when it was not a positive number */
  public Instant expiresAt() {
    return expiresAt;
  }

  /** @return the workspace the token is bound to (its {@code workspace_id} claim) */
  public String workspaceId() {
    return workspaceId;
  }

  /** @return every workspace of a multi-workspace token, in claim order; empty for a single-workspace token */
  public List<String> workspaces() {
    return workspaces;
  }

  /** @return notes about claim entries that were dropped (also logged as warnings); usually empty */
  public List<String> warnings() {
    return warnings;
  }

  /** @return the OAuth client id the tokens belong to */
  public String clientId() {
    return clientId;
  }

  /** @return the token endpoint that issued them (a refresh goes there) */
  public String tokenEndpoint() {
    return tokenEndpoint;
  }

  /** @return the issuer the access token was checked against */
  public String issuer() {
    return issuer;
  }

  /** @return the RFC 8707 resource the tokens were asked for, empty if none was sent */
  public Optional<String> resource() {
    return Optional.ofNullable(resource);
  }

  /** @return the workspace, client id and expiry; never a token */
  @Override
  public String toString() {
    return "McpTokens{workspaceId=" + workspaceId + ", workspaces=" + workspaces + ", clientId=" + clientId
        + ", expiresAt=" + expiresAt + ", accessToken=****, refreshToken=" + (refreshToken != null ? "****" : "none")
        + "}";
  }
}
