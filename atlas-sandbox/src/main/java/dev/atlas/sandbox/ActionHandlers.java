package dev.atlas.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The action routes: list and get (the caller's own actions), approve, deny, bulk, and rollback. The
 * sandbox key acts as an admin; a member key ({@link AtlasSandbox.Builder#memberKey(String)}) sees
 * no actions and may resolve none, as on a real server.
 */
final class ActionHandlers {
  private static final Set<String> STATUSES = Set.of("pending", "approved", "denied", "executed", "failed",
      "timed_out", "auto_approved", "rolled_back");

  private final SandboxState state;
  final ActionLog log;

  ActionHandlers(SandboxState state) {
    this.state = state;
    this.log = new ActionLog(state);
  }

  /** Registers the operations this class answers. */
  void register(HandlerTable t) {
    t.on("rollbackAction", this::rollback);
    t.on("listActions", this::list);
    t.on("getAction", this::get);
    t.on("approveAction", this::approve);
    t.on("denyAction", this::deny);
    t.on("bulkResolveActions", this::bulk);
  }

  /** Records an action as done, with the information to roll it back. @return its id */
  String record(String type, String target, String summary, String status) {
    String aid = log.create(type, target, summary, status);
    synchronized (state) {
      JsonObject a = state.actions.get(aid);
      a.addProperty("resolved_at", a.get("requested_at").getAsString());
      a.addProperty("executed_at", a.get("requested_at").getAsString());
      a.add("result", new JsonObject());
      JsonObject rollback = new JsonObject();
      rollback.addProperty("method", "undo");
      JsonObject params = new JsonObject();
      params.addProperty("target", target);
      rollback.add("params", params);
      a.add("rollback_info", rollback);
    }
    return aid;
  }

  void list(Call c) throws IOException {
    String status = c.query.getOrDefault("status", "pending");
    if (!STATUSES.contains(status)) {
      status = "pending";
    }
    int limit = c.page(50, 100).limit();
    JsonArray out = new JsonArray();
    synchronized (state) {
      if (!c.isMember()) {
        List<JsonObject> rows = new ArrayList<>(state.actions.values());
        for (int i = rows.size() - 1; i >= 0 && out.size() < limit; i--) {
          if (rows.get(i).get("status").getAsString().equals(status)) {
            out.add(rows.get(i).deepCopy());
          }
        }
      }
    }
    c.json(200, Wire.object("actions", out));
  }

  void get(Call c) throws IOException {
    String aid = c.uuidParam(1);
    JsonObject out;
    synchronized (state) {
      JsonObject a = state.actions.get(aid);
      if (a == null || c.isMember()) {
        throw new Reject(404, "not_found", "Action not found");
      }
      out = a.deepCopy();
    }
    c.json(200, out);
  }

  void approve(Call c) throws IOException {
    String aid = c.uuidParam(1);
    JsonObject out;
    synchronized (state) {
      JsonObject a = resolvable(c, aid);
      log.approve(a, ActionLog.USER);
      out = a.deepCopy();
    }
    c.json(200, out);
  }

  void deny(Call c) throws IOException {
    String aid = c.uuidParam(1);
    JsonObject body = c.body();
    JsonElement reason = body == null ? null : body.get("reason");
    JsonObject out;
    synchronized (state) {
      JsonObject a = resolvable(c, aid);
      log.deny(a, ActionLog.USER, reason != null && reason.isJsonPrimitive() ? reason.getAsString() : null);
      out = a.deepCopy();
    }
    c.json(200, out);
  }

  /** @return the pending action the caller may resolve; else 403, 404 or 409 as the server answers */
  private JsonObject resolvable(Call c, String aid) {
    JsonObject a = state.action(aid);
    String refusal = refusal(c, a);
    if (refusal != null) {
      throw new Reject(403, "forbidden", refusal);
    }
    if (!a.get("status").getAsString().equals("pending")) {
      throw new Reject(409, "conflict", "Action has already been resolved.");
    }
    return a;
  }

  /** @return why the caller may not resolve the action, or null */
  private String refusal(Call c, JsonObject a) {
    if (c.isMember()) {
      return "Insufficient role to approve this action. Required: admin.";
    }
    if (log.approvalMode.equals("admin-only")) {
      return "admin-only actions cannot be approved by the requester";
    }
    return null;
  }

  void bulk(Call c) throws IOException {
    JsonObject body = c.body();
    JsonElement ids = body == null ? null : body.get("ids");
    String action = body == null ? null : Wire.optText(body, "action");
    if (ids == null || !ids.isJsonArray() || ids.getAsJsonArray().isEmpty() || ids.getAsJsonArray().size() > 100) {
      throw bulkInvalid("ids", "ids must hold 1 to 100 action ids");
    }
    if (!"approve".equals(action) && !"deny".equals(action)) {
      throw bulkInvalid("action", "Invalid option: expected one of \"approve\"|\"deny\"");
    }
    String reason = Wire.optText(body, "reason");
    JsonArray updated = new JsonArray();
    JsonArray notFound = new JsonArray();
    JsonArray forbidden = new JsonArray();
    JsonArray errors = new JsonArray();
    synchronized (state) {
      for (JsonElement e : ids.getAsJsonArray()) {
        String id = e.getAsString();
        if (!Call.isUuid(id)) {
          throw bulkInvalid("ids", "Invalid UUID");
        }
        JsonObject a = state.actions.get(id.toLowerCase(Locale.ROOT));
        if (a == null) {
          notFound.add(id);
        } else if (refusal(c, a) != null) {
          forbidden.add(id);
        } else if (!a.get("status").getAsString().equals("pending")) {
          JsonObject err = new JsonObject();
          err.addProperty("id", id);
          err.addProperty("error", "Action has already been resolved.");
          errors.add(err);
        } else {
          if (action.equals("approve")) {
            log.approve(a, ActionLog.USER);
          } else {
            log.deny(a, ActionLog.USER, reason);
          }
          updated.add(id);
        }
      }
    }
    JsonObject out = new JsonObject();
    out.add("updated", updated);
    out.add("notFound", notFound);
    out.add("forbidden", forbidden);
    out.add("errors", errors);
    c.json(200, out);
  }

  /** The bulk route's validation answer: 400 (not 422) with zod details, no requestId. */
  private static Reject bulkInvalid(String path, String message) {
    Reject r = Reject.validation(path, message);
    return new Reject(400, "validation_error", "Invalid request body.", r.extra);
  }

  void rollback(Call c) throws IOException {
    String aid = c.uuidParam(1);
    JsonObject out;
    synchronized (state) {
      JsonObject a = state.action(aid);
      String status = a.get("status").getAsString();
      if (a.get("rollback_info").isJsonNull() || !(status.equals("executed") || status.equals("auto_approved"))) {
        throw new Reject(409, "conflict", "Action cannot be rolled back from status " + status);
      }
      a.addProperty("status", "rolled_back");
      a.addProperty("resolved_at", Wire.iso(state.now()));
      out = a.deepCopy();
    }
    c.json(200, out);
  }
}
