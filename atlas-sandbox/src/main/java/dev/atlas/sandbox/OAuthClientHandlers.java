package dev.atlas.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * {@code /api/v1/me/oauth-clients}: the OAuth clients (AI agents) the caller, who is the API key's
 * user, owns, and their revocation. As on the server, dynamic registration never sets a user
 * owner, also not at consent: a registered client is never listed here and its revocation here is
 * 404 (the workspace's admins see it in {@link WorkspaceOAuthClientHandlers} when it was registered
 * with the user's credential). With OAuth off no client can register either, as in api-key mode.
 */
final class OAuthClientHandlers {
  private final OAuthState oauth;
  private final List<String> workspaces;

  OAuthClientHandlers(OAuthState oauth, List<String> workspaces) {
    this.oauth = oauth;
    this.workspaces = List.copyOf(workspaces);
  }

  /** Registers the operations this class answers. */
  void register(HandlerTable t) {
    t.on("listOAuthClients", this::listClients);
    t.on("revokeOAuthClient", this::revokeClient);
  }

  void listClients(Call c) throws IOException {
    JsonArray list = new JsonArray();
    Instant now = Instant.now();
    synchronized (oauth) {
      List<OAuthState.Client> owned = new ArrayList<>(oauth.clients.values().stream().filter(x -> x.owned).toList());
      Collections.reverse(owned);
      owned.sort(Comparator.comparing((OAuthState.Client x) -> x.createdAt).reversed());
      for (OAuthState.Client x : owned) {
        list.add(row(oauth, x, workspaces, now));
      }
    }
    JsonObject out = new JsonObject();
    out.add("clients", list);
    out.addProperty("deployMode", "self-hosted");
    c.json(200, out);
  }

  /** @return the client as both lists send it; the caller holds {@code synchronized (oauth)} */
  static JsonObject row(OAuthState oauth, OAuthState.Client x, List<String> workspaces, Instant now) {
    Instant lastUsed = x.storedAccessTokens.isEmpty() ? null : x.storedAccessTokens.get(x.storedAccessTokens.size() - 1);
    boolean liveAccess = lastUsed != null && lastUsed.plusSeconds(OAuthState.ACCESS_TTL_SECONDS).isAfter(now);
    JsonObject o = new JsonObject();
    o.addProperty("clientId", x.id);
    o.addProperty("clientName", x.name);
    o.add("redirectUris", Wire.strings(x.redirectUris));
    o.addProperty("createdAt", Wire.iso(x.createdAt));
    o.addProperty("updatedAt", Wire.iso(x.updatedAt));
    o.addProperty("disabled", false);
    o.add("type", JsonNull.INSTANCE);
    o.add("lastUsedAt", lastUsed == null ? JsonNull.INSTANCE : new JsonPrimitive(Wire.iso(lastUsed)));
    o.addProperty("tokenCount", x.storedAccessTokens.size());
    o.addProperty("tokenState", liveAccess || oauth.hasLiveRefresh(x.id, now) ? "active" : "reconnect_required");
    o.add("rateLimitPerMinute", x.rateLimitPerMinute == null ? JsonNull.INSTANCE : new JsonPrimitive(x.rateLimitPerMinute));
    o.addProperty("workspaceScope", workspaces.size() > 1 ? "multi" : "single");
    o.add("grantedWorkspaceIds", Wire.strings(workspaces.size() > 1 ? workspaces : List.of()));
    return o;
  }

  /** 422 for an id over 255 characters, as the server's path validation answers. */
  static void checkId(String id) {
    if (id.length() > 255) {
      JsonObject detail = new JsonObject();
      detail.addProperty("origin", "string");
      detail.addProperty("code", "too_big");
      detail.addProperty("maximum", 255);
      detail.addProperty("inclusive", true);
      detail.add("path", Wire.strings(List.of("id")));
      detail.addProperty("message", "Too big: expected string to have <=255 characters");
      throw new Reject(422, "validation_error", "Invalid path parameters", Wire.object("details", Wire.array(detail)));
    }
  }

  void revokeClient(Call c) throws IOException {
    String id = c.param(1);
    checkId(id);
    int revoked;
    synchronized (oauth) {
      OAuthState.Client client = oauth.client(id);
      if (client == null || !client.owned) {
        throw new Reject(404, "not_found", "OAuth client not found.");
      }
      revoked = oauth.revoke(id);
    }
    JsonObject out = new JsonObject();
    out.addProperty("success", true);
    out.addProperty("tokensRevoked", revoked);
    c.json(200, out);
  }
}
