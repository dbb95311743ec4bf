package dev.atlas.sandbox;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The frames of the chat route's UI message stream for one answer, in the real server's order:
 * start, the explore and executeSQL tool steps (when SQL ran), the text in word deltas, finish.
 */
final class ChatFrames {
  private ChatFrames() {}

  static List<JsonObject> of(Agent.Answer a) {
    List<JsonObject> out = new ArrayList<>();
    JsonObject start = frame("start");
    start.addProperty("messageId", "msg-" + UUID.randomUUID().toString().substring(0, 8));
    out.add(start);
    if (a.sql() != null) {
      out.add(frame("start-step"));
      out.add(toolInput("call-explore", "explore", command("ls semantic/entities")));
      JsonObject exploreOut = frame("tool-output-available");
      exploreOut.addProperty("toolCallId", "call-explore");
      exploreOut.addProperty("output", String.join("\n", Warehouse.TABLES.stream().map(t -> t + ".yml").toList()));
      out.add(exploreOut);
      out.add(frame("finish-step"));
      out.add(frame("start-step"));
      JsonObject args = new JsonObject();
      args.addProperty("sql", a.sql());
      args.addProperty("explanation", a.explanation());
      out.add(toolInput("call-sql", "executeSQL", args));
      out.add(sqlOutput(a));
      out.add(frame("finish-step"));
    }
    out.add(frame("start-step"));
    JsonObject textStart = frame("text-start");
    textStart.addProperty("id", "text-1");
    out.add(textStart);
    for (String chunk : a.text().split("(?<= )")) {
      JsonObject delta = frame("text-delta");
      delta.addProperty("id", "text-1");
      delta.addProperty("delta", chunk);
      out.add(delta);
    }
    JsonObject textEnd = frame("text-end");
    textEnd.addProperty("id", "text-1");
    out.add(textEnd);
    out.add(frame("finish-step"));
    JsonObject finish = frame("finish");
    finish.addProperty("finishReason", "stop");
    out.add(finish);
    return out;
  }

  private static JsonObject frame(String type) {
    JsonObject f = new JsonObject();
    f.addProperty("type", type);
    return f;
  }

  private static JsonObject command(String command) {
    JsonObject o = new JsonObject();
    o.addProperty("command", command);
    return o;
  }

  private static JsonObject toolInput(String callId, String toolName, JsonObject input) {
    JsonObject f = frame("tool-input-available");
    f.addProperty("toolCallId", callId);
    f.addProperty("toolName", toolName);
    f.add("input", input);
    return f;
  }

  /** @return the executeSQL step's result: its rows, or the error the query failed with */
  private static JsonObject sqlOutput(Agent.Answer a) {
    if (a.result() == null) {
      JsonObject sqlErr = frame("tool-output-error");
      sqlErr.addProperty("toolCallId", "call-sql");
      sqlErr.addProperty("errorText", a.error());
      return sqlErr;
    }
    JsonObject sqlOut = frame("tool-output-available");
    sqlOut.addProperty("toolCallId", "call-sql");
    JsonObject result = a.result().toJson();
    result.addProperty("success", true);
    result.addProperty("explanation", a.explanation());
    result.addProperty("row_count", a.result().rows().size());
    result.addProperty("truncated", false);
    result.addProperty("cached", false);
    result.addProperty("executionMs", 3);
    sqlOut.add("output", result);
    return sqlOut;
  }
}
