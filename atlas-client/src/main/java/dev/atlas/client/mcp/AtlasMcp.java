package dev.atlas.client.mcp;

import com.google.gson.JsonObject;
import dev.atlas.client.internal.McpBridge;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * Connects a user's MCP client (Claude Desktop, Cursor, Continue, ChatGPT, or any Streamable-HTTP
 * client) to their Atlas workspace: OAuth 2.1 discovery, dynamic client registration, the
 * authorization code flow with PKCE (S256), the token exchange and refresh, and the paste-ready
 * client config. Needs no API key: onboarding happens before the user has one.
 *
 * <pre>{@code
 * AtlasMcp mcp = AtlasMcp.forServer("https://api.example.com");
 * try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
 *   PendingConnect pending = mcp.beginConnect("My CLI", receiver.redirectUri());
 *   System.out.println("Open " + pending.authorizationUrl().orElseThrow());
 *   McpTokens tokens = mcp.completeConnect(pending, receiver.awaitCallback(pending.state()));
 *   System.out.println(mcp.buildConfig(McpClientType.CLAUDE_DESKTOP, tokens).json());
 * }
 * }</pre>
 *
 * <p>The HTTP calls go through the same transport as the client's API calls: the HTTP log of
 * {@code ATLAS_LOG=debug} shows them (codes, verifiers and tokens masked), {@code ATLAS_LOG=info}
 * logs a line for each, a transport failure says what went wrong as an API call's would, and each
 * call has a 30 s timeout. Standalone ({@link #forServer(String)}), no call carries a credential.
 * Bound to a client ({@code AtlasClient.mcp()}), the calls also reach that client's listeners,
 * under the operation names {@code discoverOAuthServer}, {@code registerOAuthClient},
 * {@code exchangeOAuthCode} and {@code refreshOAuthToken}, and the dynamic client registration (only
 * it) carries the client's credential, so that the agent it registers belongs to that user.
 *
 * <p>Failures are {@link AtlasMcpException}s (an {@link dev.atlas.client.errors.AtlasException})
 * whose {@link AtlasMcpException#mcpCode() mcpCode} names the failed check; the checks run in the
 * order of the TypeScript SDK. Immutable and thread-safe. Listing and revoking connected agents
 * needs the user's credentials: see {@code AtlasClient.mcp()}.
 */
public final class AtlasMcp {
  private static final System.Logger LOG = System.getLogger("dev.atlas.client.mcp");
  private static final long DEFAULT_EXPIRY_MILLIS = 3_600_000L;

  static {
    McpBridge.provide((apiUrl, clock, transport) -> new AtlasMcp(apiUrl, clock, transport, new SecureRandom()));
  }

  private final String apiUrl;
  private final OAuthWire wire;
  private final SecureRandom random;
  private final Clock clock;

  private AtlasMcp(String apiUrl, Clock clock, McpBridge.OAuthTransport transport, SecureRandom random) {
    this.apiUrl = UrlRules.stripTrailingSlashes(Objects.requireNonNull(apiUrl, "apiUrl"));
    this.wire = new OAuthWire(transport);
    this.random = random;
    this.clock = clock;
  }

  /**
   * @param apiUrl the public API base, e.g. {@code https://api.example.com}; trailing {@code /} are
   *     removed; it is checked (https, or http on 127.0.0.1/localhost) by each flow step, not here
   * @return the MCP onboarding for that server
   */
  public static AtlasMcp forServer(String apiUrl) {
    return builder().apiUrl(apiUrl).build();
  }

  /**
   * @param apiUrl the public API base
   * @return the MCP onboarding for that server
   */
  public static AtlasMcp forServer(URI apiUrl) {
    return forServer(Objects.requireNonNull(apiUrl, "apiUrl").toString());
  }

  /** @return a builder: the API URL is required; HTTP client, random source and clock are optional */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the API base URL without trailing {@code /} */
  public String apiUrl() {
    return apiUrl;
  }

  /**
   * Starts a connection for the default scopes; see {@link #beginConnect(ConnectRequest)}.
   *
   * @param clientName the name the consent screen shows
   * @param redirectUri where the browser returns; give the same to completeConnect
   * @return the consent URL and what to keep until the callback
   */
  public PendingConnect beginConnect(String clientName, String redirectUri) {
    return beginConnect(ConnectRequest.of(clientName, redirectUri));
  }

  /**
   * Starts a connection: checks the API URL, discovers the authorization server, makes the state
   * and the PKCE pair, registers a public client (dynamic client registration) and builds the
   * consent URL. Open {@link PendingConnect#authorizationUrl()} in the user's browser.
   *
   * @param request client name, redirect URI and scopes
   * @return the consent URL and what to keep until the callback
   * @throws AtlasMcpException {@code invalid_api_url}, {@code discovery_failed} or {@code registration_failed}
   */
  public PendingConnect beginConnect(ConnectRequest request) {
    Objects.requireNonNull(request, "request");
    UrlRules.requireSecure(apiUrl, McpErrorCode.INVALID_API_URL, "The Atlas API URL");
    OAuthWire.AuthServer server = wire.discover(apiUrl);
    String state = Pkce.randomToken(random);
    String verifier = Pkce.randomToken(random);
    String challenge = Pkce.challenge(verifier);
    String clientId = wire.register(server.registrationEndpoint(), request.clientName(), request.redirectUri(),
        request.scopes());
    StringBuilder url = new StringBuilder(server.authorizationEndpoint());
    url.append(server.authorizationEndpoint().contains("?") ? '&' : '?');
    Map<String, String> q = new LinkedHashMap<>();
    q.put("response_type", "code");
    q.put("client_id", clientId);
    q.put("redirect_uri", request.redirectUri());
    q.put("scope", String.join(" ", request.scopes()));
    q.put("state", state);
    q.put("code_challenge", challenge);
    q.put("code_challenge_method", "S256");
    String sep = "";
    for (Map.Entry<String, String> e : q.entrySet()) {
      url.append(sep).append(UrlRules.formEncode(e.getKey())).append('=').append(UrlRules.formEncode(e.getValue()));
      sep = "&";
    }
    return PendingConnect.builder().authorizationUrl(url.toString()).state(state).codeVerifier(verifier)
        .clientId(clientId).redirectUri(request.redirectUri()).tokenEndpoint(server.tokenEndpoint())
        .issuer(server.issuer()).build();
  }

  /**
   * Completes a connection with the default resource ({@code {apiUrl}/mcp}).
   *
   * @param pending what beginConnect returned (or its stored values)
   * @param callback the redirect's query
   * @return the tokens and the workspace they are bound to
   * @throws AtlasMcpException see {@link #completeConnect(PendingConnect, McpCallback, String)}
   */
  public McpTokens completeConnect(PendingConnect pending, McpCallback callback) {
    return completeConnect(pending, callback, apiUrl + "/mcp");
  }

  /**
   * Completes a connection. In order: the callback's state must equal the pending state
   * ({@code callback_state_mismatch}, before any I/O); a callback carrying {@code error=} fails
   * with {@code token_exchange_failed} and the server's text; the code must be present
   * ({@code callback_missing_code}); the API URL must pass the https rule ({@code invalid_api_url});
   * discovery runs again only when the token endpoint or issuer was not kept; the token endpoint
   * must pass the https rule ({@code invalid_token_endpoint}); the code is exchanged
   * ({@code token_exchange_failed}); the access token must be a JWT ({@code malformed_jwt}, the
   * signature is not checked here) from the issuer ({@code issuer_mismatch}) with a workspace
   * claim ({@code missing_workspace_claim}).
   *
   * @param pending what beginConnect returned (or its stored values)
   * @param callback the redirect's query
   * @param resource the RFC 8707 resource, or null or empty to send none (the server then issues an
   *     opaque token, which fails as {@code malformed_jwt})
   * @return the tokens and the workspace they are bound to
   * @throws AtlasMcpException as listed
   */
  public McpTokens completeConnect(PendingConnect pending, McpCallback callback, String resource) {
    Objects.requireNonNull(pending, "pending");
    Objects.requireNonNull(callback, "callback");
    String code = callback.requireCode(pending.state());
    UrlRules.requireSecure(apiUrl, McpErrorCode.INVALID_API_URL, "The Atlas API URL");
    String tokenEndpoint = pending.tokenEndpoint().orElse(null);
    String issuer = pending.issuer().orElse(null);
    if (tokenEndpoint == null || tokenEndpoint.isEmpty() || issuer == null || issuer.isEmpty()) {
      OAuthWire.AuthServer server = wire.discover(apiUrl);
      tokenEndpoint = tokenEndpoint != null ? tokenEndpoint : server.tokenEndpoint();
      issuer = issuer != null ? issuer : server.issuer();
    }
    UrlRules.requireSecure(tokenEndpoint, McpErrorCode.INVALID_TOKEN_ENDPOINT, "The token endpoint");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", pending.redirectUri());
    form.put("client_id", pending.clientId());
    form.put("code_verifier", pending.codeVerifier());
    return exchange(form, List.of(code, pending.codeVerifier()), null, pending.clientId(), tokenEndpoint, issuer,
        resource);
  }

  /**
   * Refreshes the tokens ({@code grant_type=refresh_token} with the same resource), which the
   * TypeScript SDK does not offer. The server rotates the refresh token; if it sends none, the old
   * one is kept. The new access token is checked like a new connection's.
   *
   * @param tokens tokens from completeConnect or an earlier refresh
   * @return the new tokens
   * @throws IllegalStateException if the tokens carry no refresh token ({@code offline_access} not granted)
   * @throws AtlasMcpException {@code invalid_token_endpoint}, {@code token_exchange_failed} (e.g. 401
   *     {@code invalid_grant} for a revoked or reused refresh token), {@code malformed_jwt},
   *     {@code issuer_mismatch}, {@code missing_workspace_claim}
   */
  public McpTokens refresh(McpTokens tokens) {
    Objects.requireNonNull(tokens, "tokens");
    String refreshToken = tokens.refreshToken().orElseThrow(() -> new IllegalStateException(
        "These tokens have no refresh token: ask for the offline_access scope"));
    return refresh(tokens.clientId(), refreshToken, tokens.tokenEndpoint(), tokens.issuer(),
        tokens.resource().orElse(null));
  }

  /**
   * Refreshes stored tokens: discovers the token endpoint and issuer, and asks for the default
   * resource ({@code {apiUrl}/mcp}).
   *
   * @param clientId the OAuth client id
   * @param refreshToken the refresh token
   * @return the new tokens
   * @throws AtlasMcpException as {@link #refresh(McpTokens)}, and {@code invalid_api_url} or {@code discovery_failed}
   */
  public McpTokens refresh(String clientId, String refreshToken) {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(refreshToken, "refreshToken");
    UrlRules.requireSecure(apiUrl, McpErrorCode.INVALID_API_URL, "The Atlas API URL");
    OAuthWire.AuthServer server = wire.discover(apiUrl);
    return refresh(clientId, refreshToken, server.tokenEndpoint(), server.issuer(), apiUrl + "/mcp");
  }

  private McpTokens refresh(String clientId, String refreshToken, String tokenEndpoint, String issuer,
      String resource) {
    UrlRules.requireSecure(tokenEndpoint, McpErrorCode.INVALID_TOKEN_ENDPOINT, "The token endpoint");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    form.put("client_id", clientId);
    return exchange(form, List.of(refreshToken), refreshToken, clientId, tokenEndpoint, issuer, resource);
  }

  private McpTokens exchange(Map<String, String> form, List<String> secrets, String previousRefresh, String clientId,
      String tokenEndpoint, String issuer, String resource) {
    boolean withResource = resource != null && !resource.isEmpty();
    if (withResource) {
      form.put("resource", resource);
    }
    OAuthWire.TokenResponse r = wire.token(tokenEndpoint, form, secrets);
    JsonObject claims = Jwt.payload(r.accessToken());
    Jwt.requireIssuer(claims, issuer);
    String workspaceId = Jwt.workspaceId(claims);
    List<String> warnings = new ArrayList<>();
    List<String> workspaces = Jwt.workspaces(claims, warnings);
    warnings.forEach(w -> LOG.log(System.Logger.Level.WARNING, w));
    long millis = r.expiresIn() != null && r.expiresIn() > 0 ? (long) (r.expiresIn() * 1000) : DEFAULT_EXPIRY_MILLIS;
    Instant expiresAt = clock.instant().plusMillis(millis);
    String refreshToken = r.refreshToken() != null ? r.refreshToken() : previousRefresh;
    return new McpTokens(r, refreshToken, expiresAt, workspaceId, workspaces, warnings, clientId, tokenEndpoint,
        issuer, withResource ? resource : null);
  }

  /**
   * Builds the config for one client, bound to the tokens' workspace (with {@code env} when the
   * token is multi-workspace), under the server name {@code atlas}.
   *
   * @param client the MCP client
   * @param tokens tokens from completeConnect or refresh
   * @return the config
   */
  public McpClientConfig buildConfig(McpClientType client, McpTokens tokens) {
    Objects.requireNonNull(tokens, "tokens");
    return buildConfig(client, tokens.accessToken(), tokens.workspaceId(), "atlas", tokens.workspaces());
  }

  /**
   * Builds a paste-ready config; pure, no I/O and no https check. The URL is
   * {@code {apiUrl}/mcp/{workspaceId}} with the id encoded as JavaScript's
   * {@code encodeURIComponent} does.
   *
   * @param client the MCP client
   * @param accessToken the access token
   * @param workspaceId the workspace to point at (required even for multi-workspace tokens)
   * @param serverName the key of the server entry (the TypeScript default is {@code atlas})
   * @param workspaces the token's granted workspaces, or null or empty for a single-workspace token;
   *     when non-empty the config gets {@code env.ATLAS_DEFAULT_WORKSPACE}
   * @return the config
   * @throws AtlasMcpException {@code workspace_not_in_grant_list} if {@code workspaces} is non-empty
   *     and lacks {@code workspaceId}
   */
  public McpClientConfig buildConfig(McpClientType client, String accessToken, String workspaceId, String serverName,
      List<String> workspaces) {
    return McpClientConfig.build(client, apiUrl, accessToken, workspaceId, serverName, workspaces);
  }

  /**
   * The server-to-server {@code client_credentials} grant: not supported, as in the TypeScript SDK.
   * Always throws, without any check or network call; use the authorization code flow.
   *
   * @param clientId unused
   * @param clientSecret unused
   * @param scopes unused
   * @return never returns
   * @throws AtlasMcpException always, {@code grant_not_supported}
   */
  public McpTokens connectMachineToMachine(String clientId, String clientSecret, List<String> scopes) {
    throw new AtlasMcpException(McpErrorCode.GRANT_NOT_SUPPORTED, "The client_credentials grant is not supported "
        + "for MCP clients yet: connect with the authorization-code flow (beginConnect / completeConnect)");
  }

  @Override
  public String toString() {
    return "AtlasMcp{" + apiUrl + "}";
  }

  /** Configures an {@link AtlasMcp}. */
  public static final class Builder {
    private String apiUrl;
    private OkHttpClient http;
    private SecureRandom random;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** @param apiUrl the public API base, e.g. {@code https://api.example.com} (required) @return this */
    public Builder apiUrl(String apiUrl) {
      this.apiUrl = Objects.requireNonNull(apiUrl, "apiUrl");
      return this;
    }

    /**
     * @param http the HTTP client to build on (its pool, proxy and TLS are shared); by default a new
     *     one. Do not give it interceptors that add credentials: the OAuth endpoints must not
     *     receive them.
     * @return this
     */
    public Builder httpClient(OkHttpClient http) {
      this.http = Objects.requireNonNull(http, "http");
      return this;
    }

    /** @param random the source of state and PKCE verifiers (default a new {@link SecureRandom}) @return this */
    public Builder secureRandom(SecureRandom random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** @param clock the clock for {@link McpTokens#expiresAt()} (default UTC system clock) @return this */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * @return the onboarding
     * @throws NullPointerException if no API URL was given
     */
    public AtlasMcp build() {
      Objects.requireNonNull(apiUrl, "apiUrl");
      return new AtlasMcp(apiUrl, clock, McpBridge.standalone(http, clock), random != null ? random : new SecureRandom());
    }
  }
}
