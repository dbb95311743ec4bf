package dev.atlas.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The action log and the actions the agent proposes. A question that mentions a ticket (or JIRA)
 * makes the agent call {@code createJiraTicket} (action type {@code jira:create}, target
 * {@code PROJ}); one that mentions an email calls {@code sendEmailReport} ({@code email:send}). With
 * approval mode {@code manual} (the default) or {@code admin-only} the row waits as {@code pending};
 * with {@code auto} it runs at once. Executors live in memory, as on a real server: after
 * {@link #forgetExecutors()} (a restart) approving only marks a row approved.
 */
final class ActionLog {
  /** The owner of the sandbox key's actions. */
  static final String USER = "sandbox-user";

  private final SandboxState state;
  private final Set<String> executors = new HashSet<>();
  private int tickets;
  volatile String approvalMode = "manual";
  /** Whether the server has actions on: off, the agent has no action tools and proposes nothing. */
  volatile boolean enabled = true;

  ActionLog(SandboxState state) {
    this.state = state;
  }

  /** @return the pending-action entries of the query answer for the actions the question proposes */
  JsonArray propose(String question, String baseUrl) {
    JsonArray out = new JsonArray();
    if (!enabled) {
      return out;
    }
    String q = question.toLowerCase(Locale.ROOT);
    if (q.contains("ticket") || q.contains("jira")) {
      out.add(pending("createJiraTicket", "jira:create", "PROJ", "Create JIRA ticket: " + shorten(question), baseUrl));
    }
    if (q.contains("email")) {
      out.add(pending("sendEmailReport", "email:send", "team@example.com", "Email report: " + shorten(question),
          baseUrl));
    }
    JsonArray shown = new JsonArray();
    for (var e : out) {
      if (!e.isJsonNull()) {
        shown.add(e);
      }
    }
    return shown;
  }

  private static String shorten(String question) {
    return question.length() > 80 ? question.substring(0, 80) : question;
  }

  private com.google.gson.JsonElement pending(String tool, String type, String target, String summary, String baseUrl) {
    String id = create(type, target, summary, "pending");
    synchronized (state) {
      executors.add(id);
    }
    if (approvalMode.equals("auto")) {
      synchronized (state) {
        JsonObject a = state.actions.get(id);
        execute(a);
        a.addProperty("status", a.get("status").getAsString().equals("executed") ? "auto_approved" : "failed");
        a.addProperty("approved_by", "system:auto");
      }
      return JsonNull.INSTANCE; // nothing waits: the answer has no pendingActions
    }
    JsonObject p = new JsonObject();
    p.addProperty("id", id);
    p.addProperty("type", tool);
    p.addProperty("target", "");
    p.addProperty("summary", summary);
    p.addProperty("approveUrl", baseUrl + "/api/v1/actions/" + id + "/approve");
    p.addProperty("denyUrl", baseUrl + "/api/v1/actions/" + id + "/deny");
    return p;
  }

  /** Writes a row. @return its id */
  String create(String type, String target, String summary, String status) {
    String aid = UUID.randomUUID().toString();
    Instant t = state.now();
    JsonObject a = new JsonObject();
    a.addProperty("id", aid);
    a.addProperty("requested_at", Wire.iso(t));
    a.add("resolved_at", JsonNull.INSTANCE);
    a.add("executed_at", JsonNull.INSTANCE);
    a.addProperty("requested_by", USER);
    a.add("approved_by", JsonNull.INSTANCE);
    a.addProperty("auth_mode", "simple-key");
    a.addProperty("action_type", type);
    a.addProperty("target", target);
    a.addProperty("summary", summary);
    JsonObject payload = new JsonObject();
    payload.addProperty("target", target);
    payload.addProperty("summary", summary);
    a.add("payload", payload);
    a.addProperty("status", status);
    a.add("result", JsonNull.INSTANCE);
    a.add("error", JsonNull.INSTANCE);
    a.add("rollback_info", JsonNull.INSTANCE);
    a.add("conversation_id", JsonNull.INSTANCE);
    a.addProperty("request_id", UUID.randomUUID().toString());
    a.add("org_id", JsonNull.INSTANCE);
    synchronized (state) {
      state.actions.put(aid, a);
    }
    return aid;
  }

  /**
   * Approves a pending row: runs its executor when this process holds it (executed or failed), else
   * only marks it approved. Call holding the state's lock.
   */
  void approve(JsonObject a, String by) {
    Instant t = state.now();
    a.addProperty("status", "approved");
    a.addProperty("approved_by", by);
    a.addProperty("resolved_at", Wire.iso(t));
    if (executors.remove(a.get("id").getAsString())) {
      execute(a);
    }
  }

  /** Denies a pending row; nothing runs. Call holding the state's lock. */
  void deny(JsonObject a, String by, String reason) {
    executors.remove(a.get("id").getAsString());
    a.addProperty("status", "denied");
    a.addProperty("approved_by", by);
    a.addProperty("resolved_at", Wire.iso(state.now()));
    if (reason == null) {
      a.add("error", JsonNull.INSTANCE);
    } else {
      a.addProperty("error", reason);
    }
  }

  /** A restart: executors are held in memory only. */
  void forgetExecutors() {
    synchronized (state) {
      executors.clear();
    }
  }

  private void execute(JsonObject a) {
    Instant t = state.now();
    a.addProperty("executed_at", Wire.iso(t));
    if (a.get("resolved_at").isJsonNull()) {
      a.addProperty("resolved_at", Wire.iso(t));
    }
    if (a.get("action_type").getAsString().equals("jira:create")) {
      String key = "PROJ-" + (100 + ++tickets);
      JsonObject rollback = new JsonObject();
      rollback.addProperty("method", "transition");
      JsonObject params = new JsonObject();
      params.addProperty("issueKey", key);
      params.addProperty("targetStatus", "Closed");
      rollback.add("params", params);
      JsonObject result = new JsonObject();
      result.addProperty("key", key);
      result.addProperty("url", "https://jira.example.com/browse/" + key);
      result.add("rollbackInfo", rollback.deepCopy());
      a.add("result", result);
      a.add("rollback_info", rollback);
      a.addProperty("status", "executed");
    } else {
      // as a server without an email backend: the delivery fails and the reason is kept
      a.addProperty("status", "failed");
      a.addProperty("error", "Email delivery failed: no email transport is configured");
    }
  }
}
