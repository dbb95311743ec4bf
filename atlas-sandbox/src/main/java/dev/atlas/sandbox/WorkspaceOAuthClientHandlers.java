package dev.atlas.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code /api/v1/admin/oauth-clients}: the OAuth clients (AI agents) of the caller's active
 * workspace, for its admins (the API key is one): list, revoke, and a client's own rate limit. A
 * client belongs to the workspace when it was registered with the signed-in user's credential; one
 * registered without credentials belongs to none and is 404 here, as on the server.
 */
final class WorkspaceOAuthClientHandlers {
  private static final String NOT_FOUND = "OAuth client not found in this workspace.";

  private final OAuthState oauth;
  private final List<String> workspaces;

  WorkspaceOAuthClientHandlers(OAuthState oauth, List<String> workspaces) {
    this.oauth = oauth;
    this.workspaces = List.copyOf(workspaces);
  }

  void register(HandlerTable t) {
    t.on("listWorkspaceOAuthClients", this::list);
    t.on("revokeWorkspaceOAuthClient", this::revoke);
    t.on("setWorkspaceOAuthClientRateLimit", this::setRateLimit);
  }

  /** The clients of the active workspace, newest first. */
  void list(Call c) throws IOException {
    JsonArray list = new JsonArray();
    Instant now = Instant.now();
    synchronized (oauth) {
      List<OAuthState.Client> ours = new ArrayList<>(oauth.clients.values().stream()
          .filter(x -> workspaces.get(0).equals(x.workspace)).toList());
      ours.sort(Comparator.comparing((OAuthState.Client x) -> x.createdAt).reversed());
      for (OAuthState.Client x : ours) {
        list.add(OAuthClientHandlers.row(oauth, x, workspaces, now));
      }
    }
    c.json(200, Wire.object("clients", list));
  }

  /** Deletes the client with its tokens and consents; the body is not read. */
  void revoke(Call c) throws IOException {
    String id = c.param(1);
    OAuthClientHandlers.checkId(id);
    int revoked;
    synchronized (oauth) {
      ours(id);
      revoked = oauth.revoke(id);
    }
    JsonObject out = new JsonObject();
    out.addProperty("success", true);
    out.addProperty("tokensRevoked", revoked);
    c.json(200, out);
  }

  /** Sets or (with null) removes the client's own limit: an integer 1 to 3600, required. */
  void setRateLimit(Call c) throws IOException {
    String id = c.param(1);
    OAuthClientHandlers.checkId(id);
    JsonObject body = c.body();
    JsonElement v = body == null ? null : body.get("requestsPerMinute");
    Integer limit = null;
    if (v == null) {
      throw invalid("invalid_type", "Invalid input: expected number, received undefined");
    }
    if (!v.isJsonNull()) {
      double d = v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber() ? v.getAsDouble() : Double.NaN;
      if (Double.isNaN(d) || d != Math.rint(d)) {
        throw invalid("invalid_type", "Invalid input: expected int, received " + (Double.isNaN(d) ? "other" : "number"));
      }
      if (d < 1 || d > 3600) {
        throw invalid(d < 1 ? "too_small" : "too_big", d < 1 ? "Too small: expected number to be >=1"
            : "Too big: expected number to be <=3600");
      }
      limit = (int) d;
    }
    synchronized (oauth) {
      OAuthState.Client client = ours(id);
      client.rateLimitPerMinute = limit;
      client.updatedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }
    JsonObject out = new JsonObject();
    out.addProperty("success", true);
    out.addProperty("clientId", id);
    out.add("rateLimitPerMinute", limit == null ? JsonNull.INSTANCE : new com.google.gson.JsonPrimitive(limit));
    c.json(200, out);
  }

  /** @return a 422 naming {@code requestsPerMinute}, as the server's validation answers */
  private static Reject invalid(String code, String message) {
    JsonObject detail = new JsonObject();
    detail.addProperty("code", code);
    detail.add("path", Wire.strings(List.of("requestsPerMinute")));
    detail.addProperty("message", message);
    return new Reject(422, "validation_error", "Invalid request body", Wire.object("details", Wire.array(detail)));
  }

  /** @return the client of the active workspace; another one is 404, as the server answers */
  private OAuthState.Client ours(String id) {
    OAuthState.Client client = oauth.client(id);
    if (client == null || !workspaces.get(0).equals(client.workspace)) {
      throw new Reject(404, "not_found", NOT_FOUND);
    }
    return client;
  }
}
