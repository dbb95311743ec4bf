package dev.atlas.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A conversation's memory, a shared conversation's public view, a task's delivery preview and the
 * runs of every task. The sandbox's agent writes no memory (as no agent turn did on a real server),
 * so a conversation's memory is empty and clearing it clears nothing.
 */
final class HistoryHandlers {
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,64}");
  private static final Set<String> STATUSES = Set.of("running", "success", "failed", "skipped");

  private final SandboxState state;
  private final Predicate<Call> signedIn;

  HistoryHandlers(SandboxState state, Predicate<Call> signedIn) {
    this.state = state;
    this.signedIn = signedIn;
  }

  /** Registers the operations this class answers. */
  void register(HandlerTable t) {
    t.on("getConversationMemory", this::memory);
    t.on("resetConversationMemory", this::resetMemory);
    t.on("getPublicConversation", this::publicConversation);
    t.on("previewScheduledTaskDelivery", this::preview);
    t.on("listAllScheduledTaskRuns", this::allRuns);
  }

  void memory(Call c) throws IOException {
    c.uuidParam(1);
    c.json(200, Wire.object("slots", new JsonArray()));
  }

  void resetMemory(Call c) throws IOException {
    c.uuidParam(1);
    JsonObject out = new JsonObject();
    out.addProperty("cleared", 0);
    c.json(200, out);
  }

  void publicConversation(Call c) throws IOException {
    String token = c.param(1);
    if (!TOKEN.matcher(token).matches()) {
      c.json(404, notFound());
      return;
    }
    JsonObject out = new JsonObject();
    synchronized (state) {
      String cid = null;
      JsonObject share = null;
      for (Map.Entry<String, JsonObject> e : state.shares.entrySet()) {
        if (token.equals(e.getValue().get("token").getAsString())) {
          cid = e.getKey();
          share = e.getValue();
        }
      }
      if (share == null) {
        c.json(404, notFound());
        return;
      }
      JsonElement expires = share.get("expiresAt");
      if (expires != null && !expires.isJsonNull() && Instant.parse(expires.getAsString()).isBefore(state.now())) {
        c.json(410, Wire.object("error", new com.google.gson.JsonPrimitive("expired")));
        return;
      }
      String mode = share.get("shareMode").getAsString();
      if (mode.equals("org") && !signedIn.test(c)) {
        throw new Reject(403, "auth_required", "Sign in to view this conversation.");
      }
      JsonObject conversation = state.conversation(cid);
      out.add("title", conversation.get("title"));
      out.add("surface", conversation.get("surface"));
      out.add("createdAt", conversation.get("createdAt"));
      out.addProperty("shareMode", mode);
      JsonArray messages = new JsonArray();
      for (JsonObject m : state.messages.getOrDefault(cid, List.of())) {
        JsonObject pm = new JsonObject();
        pm.add("role", m.get("role"));
        pm.add("content", m.get("content").deepCopy());
        pm.add("createdAt", m.get("createdAt"));
        messages.add(pm);
      }
      out.add("messages", messages);
    }
    c.json(200, out);
  }

  /** The server's 404 here carries no requestId. */
  private static JsonObject notFound() {
    JsonObject o = new JsonObject();
    o.addProperty("error", "not_found");
    o.addProperty("message", "Shared conversation not found.");
    return o;
  }

  void preview(Call c) throws IOException {
    String tid = c.uuidParam(1);
    JsonObject task;
    synchronized (state) {
      task = state.task(tid).deepCopy();
    }
    String channel = task.get("deliveryChannel").getAsString();
    String name = task.get("name").getAsString();
    JsonObject out = new JsonObject();
    out.addProperty("channel", channel);
    String answer = "Revenue last week was $182,340, up 4.2% on the week before.";
    switch (channel) {
      case "email" -> {
        JsonObject email = new JsonObject();
        email.addProperty("subject", "Atlas: " + name);
        email.addProperty("body", "<h1>" + name + "</h1><p>" + answer + "</p>");
        out.add("email", email);
      }
      case "slack" -> {
        JsonObject slack = new JsonObject();
        slack.addProperty("text", "*" + name + "*\n" + answer);
        slack.add("blocks", new JsonArray());
        out.add("slack", slack);
      }
      default -> {
        JsonObject webhook = new JsonObject();
        webhook.addProperty("taskId", tid);
        webhook.addProperty("taskName", name);
        webhook.add("question", task.get("question"));
        webhook.addProperty("answer", answer);
        webhook.add("sql", Wire.strings(List.of("SELECT SUM(total) FROM orders")));
        webhook.addProperty("timestamp", Wire.iso(state.now()));
        out.add("webhook", webhook);
      }
    }
    c.json(200, out);
  }

  void allRuns(Call c) throws IOException {
    Call.Page p = c.page(20, 100);
    String taskId = c.query.get("task_id");
    String status = c.query.get("status");
    LocalDate from = day(c.query.get("date_from"));
    LocalDate to = day(c.query.get("date_to"));
    List<JsonObject> all = new ArrayList<>();
    synchronized (state) {
      for (Map.Entry<String, List<JsonObject>> e : state.runs.entrySet()) {
        if (taskId != null && Call.isUuid(taskId) && !taskId.equalsIgnoreCase(e.getKey())) {
          continue; // a task_id that is not a UUID is ignored
        }
        String name = state.tasks.get(e.getKey()).get("name").getAsString();
        for (JsonObject run : e.getValue()) {
          LocalDate started = Instant.parse(run.get("startedAt").getAsString()).atZone(ZoneOffset.UTC).toLocalDate();
          if ((status != null && STATUSES.contains(status) && !status.equals(run.get("status").getAsString()))
              || (from != null && started.isBefore(from)) || (to != null && started.isAfter(to))) {
            continue;
          }
          JsonObject copy = run.deepCopy();
          copy.addProperty("taskName", name);
          all.add(copy);
        }
      }
    }
    all.sort(Comparator.comparing((JsonObject r) -> r.get("startedAt").getAsString()).reversed());
    JsonObject out = new JsonObject();
    out.add("runs", p.slice(all));
    out.addProperty("total", all.size());
    c.json(200, out);
  }

  private static LocalDate day(String text) {
    try {
      return text == null ? null : LocalDate.parse(text);
    } catch (RuntimeException e) {
      return null; // ignored, as the server does
    }
  }
}
