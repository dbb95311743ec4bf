package dev.atlas.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The query and chat routes, and {@link #ask}: a question put to the agent in a conversation (new or
 * given), remembered as two messages and, when SQL ran, an audit row. Scheduled tasks ask the same way.
 */
final class QueryHandlers {
  /** A question's conversation and the agent's answer. */
  record Asked(String conversationId, Agent.Answer answer) {}

  private final SandboxState state;
  private final Agent agent;
  private final ActionLog actions;
  private final AgentRuns runs;

  QueryHandlers(SandboxState state, Agent agent, ActionLog actions, AgentRuns runs) {
    this.state = state;
    this.agent = agent;
    this.actions = actions;
    this.runs = runs;
  }

  /** Registers the operations this class answers. */
  void register(HandlerTable t) {
    t.on("query", this::query);
    t.on("chat", this::chat);
  }

  void query(Call c) throws IOException {
    JsonObject body = c.body();
    String question = Wire.requireText(body, "question");
    Asked asked = ask(body, question);
    Agent.Answer a = asked.answer();
    JsonObject out = new JsonObject();
    out.addProperty("answer", a.text());
    JsonArray sql = new JsonArray();
    JsonArray data = new JsonArray();
    if (a.sql() != null) {
      sql.add(a.sql());
    }
    if (a.result() != null) {
      data.add(a.result().toJson());
    }
    out.add("sql", sql);
    out.add("data", data);
    out.addProperty("steps", a.sql() == null ? 1 : 3);
    JsonObject usage = new JsonObject();
    usage.addProperty("totalTokens", 200 + question.length() * 3);
    out.add("usage", usage);
    out.addProperty("conversationId", asked.conversationId());
    out.addProperty("runId", UUID.randomUUID().toString());
    String host = c.ex.getRequestHeaders().getFirst("Host");
    JsonArray pending = actions.propose(question, "http://" + (host == null ? "127.0.0.1" : host));
    if (!pending.isEmpty()) {
      out.add("pendingActions", pending); // absent whenever nothing is pending
    }
    c.json(200, out);
  }

  void chat(Call c) throws IOException {
    JsonObject body = c.body();
    JsonElement msgs = body == null ? null : body.get("messages");
    if (msgs == null || !msgs.isJsonArray() || msgs.getAsJsonArray().isEmpty()) {
      throw Reject.validation("messages", "Too small: expected array to have >=1 items");
    }
    String question = null;
    for (JsonElement m : msgs.getAsJsonArray()) {
      JsonObject mo = m.getAsJsonObject();
      if ("user".equals(Wire.optText(mo, "role")) && mo.has("parts")) {
        for (JsonElement p : mo.getAsJsonArray("parts")) {
          if ("text".equals(Wire.optText(p.getAsJsonObject(), "type"))) {
            question = Wire.optText(p.getAsJsonObject(), "text");
          }
        }
      }
    }
    if (question == null || question.isEmpty()) {
      throw new Reject(400, "invalid_request", "The last user message has no text");
    }
    String cid = resolveConversation(body, question);
    Agent.Answer answer = agent.answer(question);
    rememberQuestion(cid, question);
    String runId = UUID.randomUUID().toString();
    AgentRuns.Run run = runs.start(runId, cid, ChatFrames.of(answer), answer);
    boolean crash = c.fault == Fault.CRASH_MID_STREAM;
    boolean drop = c.fault == Fault.DROP_STREAM || crash;
    var h = c.ex.getResponseHeaders();
    h.set("Content-Type", "text/event-stream");
    h.set("Cache-Control", "no-cache, no-transform");
    h.set("x-vercel-ai-ui-message-stream", "v1");
    h.set("x-conversation-id", cid);
    h.set("x-run-id", runId);
    // a dropped stream promises more bytes than it sends, so closing it early breaks the connection
    c.ex.sendResponseHeaders(200, drop ? 1 << 20 : 0);
    OutputStream out = c.ex.getResponseBody();
    // closing the exchange of a fixed-length body sent short breaks the connection (closing the body
    // stream first would leave the connection open)
    Runnable cut = c.ex::close;
    // the generation is not tied to the connection: it goes on when the client leaves, and saves the answer
    runs.generate(run, 0, out, cut, drop ? 3 : -1, crash, (r, text) -> rememberAnswer(cid, answer.text(), answer),
        () -> { });
  }

  /**
   * Puts a question to the agent and remembers it.
   *
   * @param body the request: its {@code conversationId} continues that conversation, else a new one
   *     starts; a {@code connectionId} other than the sandbox's is 404
   */
  Asked ask(JsonObject body, String question) {
    String cid = resolveConversation(body, question);
    Agent.Answer a = agent.answer(question);
    rememberQuestion(cid, question);
    rememberAnswer(cid, a.text(), a);
    return new Asked(cid, a);
  }

  private String resolveConversation(JsonObject body, String question) {
    String given = Wire.optText(body, "conversationId");
    String connection = Wire.optText(body, "connectionId");
    if (connection != null && !connection.equals(state.connectionId)) {
      throw new Reject(404, "connection_not_found", "Connection \"" + connection + "\" not found");
    }
    synchronized (state) {
      if (given != null) {
        if (!Call.isUuid(given)) {
          throw new Reject(400, "invalid_request", "conversationId must be a UUID");
        }
        state.conversation(given.toLowerCase(Locale.ROOT));
        return given.toLowerCase(Locale.ROOT);
      }
      String cid = UUID.randomUUID().toString();
      Instant t = state.now();
      JsonObject c = new JsonObject();
      c.addProperty("id", cid);
      c.addProperty("userId", "sandbox-user");
      c.addProperty("title", question.length() > 80 ? question.substring(0, 80) : question);
      c.addProperty("surface", "api");
      c.add("connectionId", JsonNull.INSTANCE);
      c.add("connectionGroupId", JsonNull.INSTANCE);
      c.addProperty("starred", false);
      c.addProperty("createdAt", Wire.js(t));
      c.addProperty("updatedAt", Wire.js(t));
      state.updatedAt.put(cid, t.toEpochMilli());
      state.conversations.put(cid, c);
      state.messages.put(cid, new ArrayList<>());
      return cid;
    }
  }

  private void rememberQuestion(String cid, String question) {
    synchronized (state) {
      Instant t = state.now();
      state.messages.get(cid).add(message(cid, "user", question, null, t));
      state.conversations.get(cid).addProperty("updatedAt", Wire.js(t));
      state.updatedAt.put(cid, t.toEpochMilli());
    }
  }

  /**
   * Saves an answer in the conversation.
   *
   * @param text the text generated
   * @param a the agent's answer, for its SQL step and audit row; null for a resumed answer (text only)
   */
  void rememberAnswer(String cid, String text, Agent.Answer a) {
    synchronized (state) {
      Instant t = state.now();
      List<JsonObject> list = state.messages.get(cid);
      if (list == null) {
        return; // the conversation was deleted meanwhile
      }
      list.add(message(cid, "assistant", text, a, t));
      state.conversations.get(cid).addProperty("updatedAt", Wire.js(t));
      state.updatedAt.put(cid, t.toEpochMilli());
      if (a != null && a.sql() != null) {
        state.audit.add(0, AuditHandlers.row(a, t, state.connectionId));
      }
    }
  }

  private static JsonObject message(String cid, String role, String text, Agent.Answer a, Instant t) {
    JsonObject m = new JsonObject();
    m.addProperty("id", UUID.randomUUID().toString());
    m.addProperty("conversationId", cid);
    m.addProperty("role", role);
    JsonArray parts = new JsonArray();
    JsonObject textPart = new JsonObject();
    textPart.addProperty("type", "text");
    textPart.addProperty("text", text);
    parts.add(textPart);
    if (a != null && a.sql() != null) {
      JsonObject tool = new JsonObject();
      tool.addProperty("type", "tool-invocation");
      JsonObject args = new JsonObject();
      args.addProperty("sql", a.sql());
      tool.add("args", args);
      tool.add("result", a.result() == null ? new JsonObject() : a.result().toJson());
      parts.add(tool);
    }
    m.add("content", parts);
    m.addProperty("createdAt", Wire.js(t));
    return m;
  }
}
