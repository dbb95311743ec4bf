package dev.atlas.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The signed-in user's own routes: sessions, connection groups, preferences, MCP usage and prompts,
 * and an own agent's workspace scope. The API key's user has two sessions (the current one and one
 * on another device, which can be revoked), owns no OAuth client (dynamic registration never sets
 * an owner, as on a real server: the scope routes answer 404) and has no MCP traffic.
 */
final class PersonalHandlers {
  private final SandboxState state;
  private final Map<String, JsonObject> sessions = new LinkedHashMap<>();
  private String defaultLanding = "chat";

  PersonalHandlers(SandboxState state) {
    this.state = state;
    sessions.put("sess_current", session("sess_current", "2026-11-22T07:00:00.000Z", "Atlas Java SDK"));
    sessions.put("sess_laptop", session("sess_laptop", "2026-11-20T09:30:00.000Z", "Mozilla/5.0 (Macintosh)"));
  }

  private static JsonObject session(String id, String at, String agent) {
    JsonObject s = new JsonObject();
    s.addProperty("id", id);
    s.addProperty("createdAt", at);
    s.addProperty("updatedAt", at);
    s.addProperty("expiresAt", "2026-12-22T07:00:00.000Z");
    s.addProperty("ipAddress", "127.0.0.1");
    s.addProperty("userAgent", agent);
    return s;
  }

  /** Registers the operations this class answers. */
  void register(HandlerTable t) {
    t.on("listSessions", this::listSessions);
    t.on("revokeSession", this::revokeSession);
    t.on("listMyConnectionGroups", this::connectionGroups);
    t.on("getMyPreferences", this::preferences);
    t.on("updateMyPreferences", this::updatePreferences);
    t.on("getMyMcpUsage", c -> c.json(200, Wire.object("clients", new JsonArray())));
    t.on("listMyMcpPrompts", this::mcpPrompts);
    t.on("setOAuthClientWorkspaceScope", this::workspaceScope);
    t.on("removeOAuthClientWorkspace", this::removeWorkspace);
  }

  void listSessions(Call c) throws IOException {
    JsonArray list = new JsonArray();
    synchronized (sessions) {
      sessions.values().forEach(s -> list.add(s.deepCopy()));
    }
    c.json(200, Wire.object("sessions", list));
  }

  void revokeSession(Call c) throws IOException {
    String id = c.param(1);
    synchronized (sessions) {
      if (id.equals("sess_current")) {
        throw new Reject(403, "forbidden", "The sandbox's API key session cannot be revoked.");
      }
      if (sessions.remove(id) == null) {
        throw new Reject(404, "not_found", "Session not found.");
      }
    }
    JsonObject out = new JsonObject();
    out.addProperty("success", true);
    c.json(200, out);
  }

  void connectionGroups(Call c) throws IOException {
    JsonObject member = new JsonObject();
    member.addProperty("connectionId", state.connectionId);
    member.addProperty("dbType", "postgres");
    member.addProperty("description", "Sandbox demo warehouse (in-memory)");
    JsonObject group = new JsonObject();
    group.addProperty("id", state.groupId);
    group.addProperty("name", state.groupId);
    group.add("primaryConnectionId", JsonNull.INSTANCE);
    group.add("members", Wire.array(member));
    JsonObject out = new JsonObject();
    out.add("groups", Wire.array(group));
    out.add("restDatasources", new JsonArray());
    out.add("reason", JsonNull.INSTANCE);
    c.json(200, out);
  }

  void preferences(Call c) throws IOException {
    JsonObject out = new JsonObject();
    synchronized (this) {
      out.addProperty("defaultLanding", defaultLanding);
    }
    c.json(200, out);
  }

  void updatePreferences(Call c) throws IOException {
    JsonObject body = c.body();
    JsonElement v = body == null ? null : body.get("defaultLanding");
    if (v == null || v.isJsonNull() || !Set.of("chat", "admin").contains(v.getAsString())) {
      throw Reject.validation("defaultLanding", "Invalid option: expected one of \"chat\"|\"admin\"");
    }
    synchronized (this) {
      defaultLanding = v.getAsString();
    }
    preferences(c);
  }

  void mcpPrompts(Call c) throws IOException {
    JsonArray prompts = new JsonArray();
    for (String[] p : List.of(new String[] {"explore-table", "Explore a table: its columns and a sample", "table"},
        new String[] {"metric-trend", "A metric's trend over time", "metric"})) {
      JsonObject arg = new JsonObject();
      arg.addProperty("name", p[2]);
      arg.addProperty("description", "The " + p[2] + " to use");
      arg.addProperty("required", true);
      JsonObject prompt = new JsonObject();
      prompt.addProperty("source", "builtin");
      prompt.addProperty("name", p[0]);
      prompt.addProperty("description", p[1]);
      prompt.add("arguments", Wire.array(arg));
      prompts.add(prompt);
    }
    JsonObject gate = new JsonObject();
    gate.addProperty("exposed", false);
    gate.addProperty("toggle", "auto");
    gate.addProperty("reason", "no-demo-signal");
    JsonObject out = new JsonObject();
    out.add("prompts", prompts);
    out.add("canonicalGate", gate);
    c.json(200, out);
  }

  void workspaceScope(Call c) throws IOException {
    OAuthClientHandlers.checkId(c.param(1));
    JsonObject body = c.body();
    String mode = Wire.optText(body, "mode");
    if (mode == null || !Set.of("single", "multi").contains(mode)) {
      throw Reject.validation("mode", "Invalid option: expected one of \"single\"|\"multi\"");
    }
    throw new Reject(404, "not_found", "OAuth client not found.");
  }

  void removeWorkspace(Call c) {
    OAuthClientHandlers.checkId(c.param(1));
    throw new Reject(404, "not_found", "OAuth client not found.");
  }
}
