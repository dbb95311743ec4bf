package dev.atlas.sandbox;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's in-memory data: conversations with their messages and shares, scheduled tasks with
 * their runs, the audit log, the recorded actions, and the sandbox clock. Guarded by its own
 * monitor: every reader and writer holds {@code synchronized (state)}.
 */
final class SandboxState {
  final Map<String, JsonObject> conversations = new LinkedHashMap<>();
  final Map<String, List<JsonObject>> messages = new LinkedHashMap<>();
  /** Each conversation's updatedAt as epoch millis, for ordering without parsing the text. */
  final Map<String, Long> updatedAt = new HashMap<>();
  final Map<String, JsonObject> shares = new LinkedHashMap<>();
  final Map<String, JsonObject> tasks = new LinkedHashMap<>();
  /** Each task's runs, newest first. */
  final Map<String, List<JsonObject>> runs = new LinkedHashMap<>();
  /** The audit log, newest first. */
  final List<JsonObject> audit = new ArrayList<>();
  final Map<String, JsonObject> actions = new LinkedHashMap<>();
  /** The demo warehouse's connection id and its connection group; set before the server starts. */
  String connectionId = "default";
  String groupId = "default";
  private long clockMillis = Instant.parse("2026-11-22T08:00:00Z").toEpochMilli();

  /** Whether a new task is due at once (its nextRunAt its creation time), unlike on a real server. */
  boolean tasksDueAtOnce;

  /** Advances the sandbox clock a second per call: ordering by time is stable and distinct. */
  synchronized Instant now() {
    clockMillis += 1000;
    return Instant.ofEpochMilli(clockMillis);
  }

  /** Moves the sandbox clock forward, e.g. past a scheduled task's next run time. */
  synchronized void advance(java.time.Duration d) {
    clockMillis += d.toMillis();
  }

  /** @return the conversation; an unknown one is 404 */
  JsonObject conversation(String cid) {
    return found(conversations.get(cid), "Conversation not found");
  }

  /** @return the scheduled task; an unknown one is 404 */
  JsonObject task(String tid) {
    return found(tasks.get(tid), "Scheduled task not found");
  }

  /** @return the action; an unknown one is 404 */
  JsonObject action(String aid) {
    return found(actions.get(aid), "Action not found");
  }

  private static JsonObject found(JsonObject o, String message) {
    if (o == null) {
      throw new Reject(404, "not_found", message);
    }
    return o;
  }
}
