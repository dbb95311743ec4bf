package dev.atlas.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sandbox as the Atlas authorization server (managed auth with the OAuth provider): discovery,
 * dynamic client registration (200, public clients), an authorize endpoint whose signed-in user
 * consents at once, the token endpoint (EdDSA-signed JWTs with the workspace claims, refresh with
 * rotation, the server's error answers) and the JWKS. With OAuth off it answers as a server in
 * api-key mode. The caller's clients are {@link OAuthClientHandlers}'.
 */
final class OAuthHandlers {
  static final String WORKSPACE_CLAIM = "https://atlas.useatlas.dev/workspace_id";
  static final String WORKSPACES_CLAIM = "https://atlas.useatlas.dev/workspace_ids";
  static final String USER = "sandbox-user";
  private static final Set<String> SCOPES = Set.of("openid", "profile", "email", "offline_access", "mcp:read",
      "mcp:write");

  private final OAuthState oauth;
  private final String base;
  private final boolean enabled;
  private final List<String> workspaces;
  private final String apiKey;

  /**
   * @param base the sandbox's base URL
   * @param enabled false to answer as a server in api-key mode
   * @param workspaces the user's workspaces, the active one first
   * @param oauth the clients and tokens
   * @param apiKey the signed-in user's credential (the sandbox's API key)
   */
  OAuthHandlers(String base, boolean enabled, List<String> workspaces, OAuthState oauth, String apiKey) {
    this.oauth = oauth;
    this.base = base;
    this.enabled = enabled;
    this.workspaces = List.copyOf(workspaces);
    this.apiKey = apiKey;
  }

  /** @return whether the request carries the signed-in user's credential, as Bearer or in {@code X-API-Key} */
  boolean signedIn(Call c) {
    String auth = c.ex.getRequestHeaders().getFirst("Authorization");
    String key = c.ex.getRequestHeaders().getFirst("X-API-Key");
    String presented = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim()
        : key != null ? key.trim() : null;
    return apiKey.equals(presented);
  }

  String issuer() {
    return base + "/api/auth";
  }

  boolean verify(String jwt) {
    return oauth.verify(jwt);
  }

  // ------------------------------------------------------------------ discovery

  void metadata(Call c) throws IOException {
    if (discoveryDisabled(c)) {
      return;
    }
    String a = issuer();
    JsonObject m = new JsonObject();
    m.addProperty("issuer", a);
    m.addProperty("authorization_endpoint", a + "/oauth2/authorize");
    m.addProperty("token_endpoint", a + "/oauth2/token");
    m.addProperty("registration_endpoint", a + "/oauth2/register");
    m.addProperty("jwks_uri", a + "/jwks");
    m.add("scopes_supported", Wire.strings(List.of("openid", "profile", "email", "offline_access", "mcp:read",
        "mcp:write")));
    m.add("response_types_supported", Wire.strings(List.of("code")));
    m.add("response_modes_supported", Wire.strings(List.of("query")));
    m.add("grant_types_supported", Wire.strings(List.of("authorization_code", "refresh_token")));
    m.add("token_endpoint_auth_methods_supported", Wire.strings(List.of("none")));
    m.add("code_challenge_methods_supported", Wire.strings(List.of("S256")));
    m.addProperty("authorization_response_iss_parameter_supported", true);
    m.add("id_token_signing_alg_values_supported", Wire.strings(List.of("EdDSA")));
    c.json(200, m);
  }

  void protectedResource(Call c) throws IOException {
    if (discoveryDisabled(c)) {
      return;
    }
    JsonObject r = new JsonObject();
    r.addProperty("resource", base + "/mcp");
    r.add("authorization_servers", Wire.strings(List.of(issuer())));
    r.add("bearer_methods_supported", Wire.strings(List.of("header")));
    r.add("scopes_supported", Wire.strings(List.of("mcp:read", "mcp:write", "offline_access")));
    c.json(200, r);
  }

  void discoveryOptions(Call c) throws IOException {
    cors(c);
    c.ex.getResponseHeaders().set("Access-Control-Allow-Headers", "*");
    c.ex.getResponseHeaders().set("Access-Control-Max-Age", "86400");
    c.noContent();
  }

  private boolean discoveryDisabled(Call c) throws IOException {
    cors(c);
    if (enabled) {
      c.ex.getResponseHeaders().set("Cache-Control", "public, max-age=15, stale-while-revalidate=15, "
          + "stale-if-error=86400");
      return false;
    }
    notFound(c, "OAuth metadata endpoints are only available when managed auth is enabled.");
    return true;
  }

  private static void cors(Call c) {
    c.ex.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
    c.ex.getResponseHeaders().set("Access-Control-Allow-Methods", "GET, OPTIONS");
  }

  void jwks(Call c) throws IOException {
    if (authDisabled(c)) {
      return;
    }
    JsonObject out;
    synchronized (oauth) {
      out = Wire.object("keys", Wire.array(oauth.jwk()));
    }
    c.json(200, out);
  }

  private boolean authDisabled(Call c) throws IOException {
    if (!enabled) {
      notFound(c, "Auth routes are not enabled");
    }
    return !enabled;
  }

  private static void notFound(Call c, String message) throws IOException {
    JsonObject o = new JsonObject();
    o.addProperty("error", "not_found");
    o.addProperty("message", message);
    c.json(404, o);
  }

  // ------------------------------------------------------------------ registration

  void register(Call c) throws IOException {
    if (authDisabled(c)) {
      return;
    }
    JsonObject body = c.body();
    JsonElement uris = body == null ? null : body.get("redirect_uris");
    if (uris == null || !uris.isJsonArray() || uris.getAsJsonArray().isEmpty()) {
      validationError(c, "[body.redirect_uris] Invalid input: expected array, received undefined");
      return;
    }
    List<String> redirects = new ArrayList<>();
    for (int i = 0; i < uris.getAsJsonArray().size(); i++) {
      String uri = uris.getAsJsonArray().get(i).getAsString();
      if (!uri.startsWith("https://") && !isLoopbackHttp(uri)) {
        validationError(c, "[body.redirect_uris." + i + "] Redirect URI must use HTTPS (HTTP allowed only for "
            + "loopback hosts)");
        return;
      }
      redirects.add(uri);
    }
    String scope = Wire.optText(body, "scope");
    scope = scope == null || scope.isBlank() ? "mcp:read offline_access" : scope.trim();
    for (String s : scope.split(" +")) {
      if (!SCOPES.contains(s)) {
        oauthError(c, 400, "invalid_scope", "cannot request scope " + s);
        return;
      }
    }
    String name = Wire.optText(body, "client_name");
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    OAuthState.Client client;
    synchronized (oauth) {
      client = new OAuthState.Client(oauth.randomId(32), name, redirects, scope, now);
      // with the user's credential the client joins the user's active workspace (still no user owner)
      client.workspace = signedIn(c) ? workspaces.get(0) : null;
      oauth.clients.put(client.id, client);
    }
    JsonObject out = new JsonObject();
    out.addProperty("client_id", client.id);
    out.addProperty("scope", scope);
    out.addProperty("client_id_issued_at", now.getEpochSecond());
    out.addProperty("client_name", name);
    out.add("redirect_uris", Wire.strings(redirects));
    out.addProperty("token_endpoint_auth_method", "none");
    out.add("grant_types", Wire.strings(List.of("authorization_code", "refresh_token")));
    out.add("response_types", Wire.strings(List.of("code")));
    out.addProperty("public", true);
    out.addProperty("disabled", false);
    c.json(200, out);
  }

  private static boolean isLoopbackHttp(String uri) {
    return uri.startsWith("http://127.0.0.1:") || uri.startsWith("http://127.0.0.1/")
        || uri.startsWith("http://localhost:") || uri.startsWith("http://localhost/")
        || uri.startsWith("http://[::1]");
  }

  // ------------------------------------------------------------------ authorize: the signed-in user consents at once

  void authorize(Call c) throws IOException {
    if (authDisabled(c)) {
      return;
    }
    Map<String, String> q = c.query;
    OAuthState.Client client;
    synchronized (oauth) {
      client = oauth.client(q.getOrDefault("client_id", ""));
    }
    if (client == null) {
      oauthError(c, 400, "invalid_client", "client not found");
      return;
    }
    String redirect = q.get("redirect_uri");
    if (redirect == null || !client.redirectUris.contains(redirect)) {
      oauthError(c, 400, "invalid_request", "invalid redirect_uri");
      return;
    }
    if (!"S256".equals(q.get("code_challenge_method")) || q.getOrDefault("code_challenge", "").isEmpty()) {
      validationError(c, "[query.code_challenge_method] Invalid option: expected \"S256\"");
      return;
    }
    Map<String, String> back = new LinkedHashMap<>();
    if (!"code".equals(q.get("response_type"))) {
      back.put("error", "unsupported_response_type");
    } else if (!List.of(client.scope.split(" ")).containsAll(List.of(q.getOrDefault("scope", "").split(" +")))) {
      back.put("error", "invalid_scope");
      back.put("error_description", "The requested scope is not allowed for this client");
    } else {
      String code = oauth.randomId(32);
      synchronized (oauth) {
        oauth.codes.put(code, new OAuthState.Code(client.id, redirect, q.get("code_challenge"), q.get("scope")));
        client.updatedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
      }
      back.put("code", code);
    }
    if (q.containsKey("state")) {
      back.put("state", q.get("state"));
    }
    back.put("iss", issuer());
    StringBuilder location = new StringBuilder(redirect).append(redirect.contains("?") ? '&' : '?');
    String sep = "";
    for (Map.Entry<String, String> e : back.entrySet()) {
      location.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
      sep = "&";
    }
    c.ex.getResponseHeaders().set("Location", location.toString());
    c.ex.getResponseHeaders().set("Cache-Control", "no-store");
    c.ex.sendResponseHeaders(302, -1);
  }

  // ------------------------------------------------------------------ token

  void token(Call c) throws IOException {
    if (authDisabled(c)) {
      return;
    }
    Map<String, String> form = form(c.ex.getRequestBody().readAllBytes());
    String grant = form.getOrDefault("grant_type", "");
    String clientId = form.getOrDefault("client_id", "");
    String scope;
    synchronized (oauth) {
      if (grant.equals("authorization_code")) {
        OAuthState.Code code = oauth.codes.remove(form.getOrDefault("code", ""));
        if (code == null || !code.clientId().equals(clientId) || !code.redirectUri().equals(form.get("redirect_uri"))) {
          oauthError(c, 401, "invalid_grant", "invalid code");
          return;
        }
        if (!s256(form.getOrDefault("code_verifier", "")).equals(code.challenge())) {
          oauthError(c, 401, "invalid_request", "code verification failed");
          return;
        }
        scope = code.scope();
      } else if (grant.equals("refresh_token")) {
        OAuthState.Refresh r = oauth.refreshTokens.remove(form.getOrDefault("refresh_token", ""));
        if (r == null || !r.clientId().equals(clientId) || r.expiresAt().isBefore(Instant.now())) {
          oauthError(c, 401, "invalid_grant", "invalid refresh token");
          return;
        }
        scope = r.scope();
      } else {
        oauthError(c, 400, "unsupported_grant_type", "unsupported grant_type " + grant);
        return;
      }
    }
    String resource = form.get("resource");
    if (resource != null && !resource.equals(base + "/mcp")) {
      oauthError(c, 400, "invalid_request", "requested resource invalid");
      return;
    }
    c.ex.getResponseHeaders().set("Cache-Control", "no-store");
    c.json(200, issue(clientId, scope, resource != null));
  }

  private JsonObject issue(String clientId, String scope, boolean jwt) {
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    JsonObject out = new JsonObject();
    synchronized (oauth) {
      OAuthState.Client client = oauth.client(clientId);
      String access;
      if (jwt) {
        JsonObject claims = new JsonObject();
        claims.addProperty(WORKSPACE_CLAIM, workspaces.get(0));
        if (workspaces.size() > 1) {
          claims.add(WORKSPACES_CLAIM, Wire.strings(workspaces));
        }
        claims.addProperty("sub", USER);
        claims.addProperty("aud", base + "/mcp");
        claims.addProperty("azp", clientId);
        claims.addProperty("scope", scope);
        claims.addProperty("sid", oauth.randomId(32));
        claims.addProperty("iss", issuer());
        claims.addProperty("iat", now.getEpochSecond());
        claims.addProperty("exp", now.getEpochSecond() + OAuthState.ACCESS_TTL_SECONDS);
        access = oauth.sign(claims);
      } else {
        access = oauth.randomId(32);
        if (client != null) {
          client.storedAccessTokens.add(now);
        }
      }
      out.addProperty("access_token", access);
      out.addProperty("expires_in", OAuthState.ACCESS_TTL_SECONDS);
      out.addProperty("expires_at", now.getEpochSecond() + OAuthState.ACCESS_TTL_SECONDS);
      out.addProperty("token_type", "Bearer");
      if (List.of(scope.split(" ")).contains("offline_access")) {
        String refresh = oauth.randomId(32);
        oauth.refreshTokens.put(refresh, new OAuthState.Refresh(clientId, scope,
            now.plusSeconds(OAuthState.REFRESH_TTL_SECONDS)));
        out.addProperty("refresh_token", refresh);
      }
      out.addProperty("scope", scope);
    }
    return out;
  }

  // ------------------------------------------------------------------ helpers

  private static void oauthError(Call c, int status, String error, String description) throws IOException {
    JsonObject o = new JsonObject();
    o.addProperty("error", error);
    o.addProperty("error_description", description);
    c.ex.getResponseHeaders().set("Cache-Control", "no-store");
    c.json(status, o);
  }

  /** The body of the auth library's input validation, which is not the RFC shape. */
  private static void validationError(Call c, String message) throws IOException {
    JsonObject o = new JsonObject();
    o.addProperty("message", message);
    o.addProperty("code", "VALIDATION_ERROR");
    c.json(400, o);
  }

  private static Map<String, String> form(byte[] body) {
    return Call.parseQuery(new String(body, StandardCharsets.UTF_8)); // a form body is a query string
  }


  private static String s256(String verifier) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
