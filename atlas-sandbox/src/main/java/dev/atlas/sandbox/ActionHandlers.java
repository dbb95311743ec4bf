package dev.atlas.sandbox;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

/** Recorded actions (the demo action at start, task deliveries) and their rollback route. */
final class ActionHandlers {
  private final SandboxState state;

  ActionHandlers(SandboxState state) {
    this.state = state;
  }

  /** Registers the operations this class answers. */
  void register(HandlerTable t) {
    t.on("rollbackAction", this::rollback);
  }

  /** Records an action as done, with the information to roll it back. @return its id */
  String record(String type, String target, String summary, String status) {
    String aid = UUID.randomUUID().toString();
    Instant t = state.now();
    JsonObject a = new JsonObject();
    a.addProperty("id", aid);
    a.addProperty("requested_at", Wire.iso(t));
    a.addProperty("resolved_at", Wire.iso(t));
    a.addProperty("executed_at", Wire.iso(t));
    a.addProperty("requested_by", "sandbox-user");
    a.add("approved_by", JsonNull.INSTANCE);
    a.addProperty("auth_mode", "simple-key");
    a.addProperty("action_type", type);
    a.addProperty("target", target);
    a.addProperty("summary", summary);
    a.add("payload", new JsonObject());
    a.addProperty("status", status);
    a.add("result", new JsonObject());
    a.add("error", JsonNull.INSTANCE);
    JsonObject rollback = new JsonObject();
    rollback.addProperty("method", "undo");
    JsonObject params = new JsonObject();
    params.addProperty("target", target);
    rollback.add("params", params);
    a.add("rollback_info", rollback);
    a.add("conversation_id", JsonNull.INSTANCE);
    a.add("request_id", JsonNull.INSTANCE);
    a.add("org_id", JsonNull.INSTANCE);
    synchronized (state) {
      state.actions.put(aid, a);
    }
    return aid;
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
