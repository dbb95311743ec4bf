package dev.atlas.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The audit log: the row a query writes, and the routes that list the log and count it. */
final class AuditHandlers {
  /** The actor kinds the real server knows; the {@code actorKind} filter rejects any other. */
  static final Set<String> ACTOR_KINDS = Set.of("human", "agent", "mcp", "scheduler", "api_key");

  private final SandboxState state;

  AuditHandlers(SandboxState state) {
    this.state = state;
  }

  /** Registers the operations this class answers. */
  void register(HandlerTable t) {
    t.on("listAuditLog", this::list);
    t.on("getAuditStats", this::stats);
  }

  /** @return the audit row of a query the agent ran at {@code t} */
  static JsonObject row(Agent.Answer a, Instant t, String connectionId) {
    JsonObject e = new JsonObject();
    e.addProperty("id", UUID.randomUUID().toString());
    e.addProperty("timestamp", Wire.iso(t));
    e.addProperty("user_id", "sandbox-user");
    e.addProperty("user_label", "Sandbox user");
    e.addProperty("auth_mode", "simple-key");
    e.addProperty("sql", a.sql());
    e.addProperty("duration_ms", 3);
    if (a.result() != null) {
      e.addProperty("row_count", a.result().rows().size());
    } else {
      e.add("row_count", JsonNull.INSTANCE);
    }
    e.addProperty("success", a.error() == null);
    if (a.error() != null) {
      e.addProperty("error", a.error());
    } else {
      e.add("error", JsonNull.INSTANCE);
    }
    e.addProperty("source_id", connectionId);
    e.addProperty("source_type", "postgres");
    e.addProperty("target_host", "sandbox");
    // who ran it, as the server records it: the sandbox's caller is an API key, its agent's tool runs the SQL
    e.addProperty("actor_kind", "api_key");
    e.add("client_id", JsonNull.INSTANCE);
    e.addProperty("tool_name", "executeSQL");
    e.add("parent_audit_id", JsonNull.INSTANCE);
    e.add("deleted_at", JsonNull.INSTANCE);
    return e;
  }

  void list(Call c) throws IOException {
    Call.Page p = c.page(50, 200);
    Map<String, String> q = c.query;
    for (String k : List.of("from", "to")) {
      if (q.containsKey(k)) {
        try {
          LocalDate.parse(q.get(k).length() > 10 ? q.get(k).substring(0, 10) : q.get(k));
        } catch (DateTimeException e) {
          throw new Reject(400, "invalid_request", "Invalid " + k + " date: " + q.get(k));
        }
      }
    }
    if (q.containsKey("actorKind") && !ACTOR_KINDS.contains(q.get("actorKind"))) {
      throw new Reject(400, "invalid_request", "Unknown actorKind " + q.get("actorKind"));
    }
    JsonObject out = new JsonObject();
    synchronized (state) {
      List<JsonObject> all = new ArrayList<>();
      for (JsonObject e : state.audit) {
        if (matches(e, q)) {
          all.add(e);
        }
      }
      out.add("rows", p.slice(all));
      out.addProperty("total", all.size());
      out.addProperty("limit", p.limit());
      out.addProperty("offset", p.offset());
    }
    c.json(200, out);
  }

  /**
   * @return whether the row passes the filters the sandbox applies: success, user, from (inclusive),
   *     to (exclusive, as the server: {@code to=2026-11-27} is the start of that day), table, search,
   *     actorKind, clientId, tool
   */
  private static boolean matches(JsonObject e, Map<String, String> q) {
    String timestamp = e.get("timestamp").getAsString();
    String sql = e.get("sql").getAsString().toLowerCase(Locale.ROOT);
    return (!q.containsKey("success") || !Set.of("true", "false").contains(q.get("success"))
        || e.get("success").getAsBoolean() == q.get("success").equals("true"))
        && (!q.containsKey("user") || q.get("user").equals(Wire.optText(e, "user_id")))
        && (!q.containsKey("from") || timestamp.compareTo(startOf(q.get("from"))) >= 0)
        && (!q.containsKey("to") || timestamp.compareTo(startOf(q.get("to"))) < 0)
        && (!q.containsKey("actorKind") || q.get("actorKind").equals(Wire.optText(e, "actor_kind")))
        && (!q.containsKey("clientId") || q.get("clientId").equals(Wire.optText(e, "client_id")))
        && (!q.containsKey("tool") || q.get("tool").equals(Wire.optText(e, "tool_name")))
        && (!q.containsKey("table") || sql.contains(q.get("table").toLowerCase(Locale.ROOT)))
        && (!q.containsKey("search") || sql.contains(q.get("search").toLowerCase(Locale.ROOT)));
  }

  /** @return a date bound as the start of that day in the rows' ISO form, a date-time bound as sent */
  private static String startOf(String bound) {
    return bound.length() == 10 ? bound + "T00:00:00.000Z" : bound;
  }

  void stats(Call c) throws IOException {
    JsonObject o = new JsonObject();
    synchronized (state) {
      int total = state.audit.size();
      int errors = (int) state.audit.stream().filter(e -> !e.get("success").getAsBoolean()).count();
      o.addProperty("totalQueries", total);
      o.addProperty("totalErrors", errors);
      o.addProperty("errorRate", total == 0 ? 0 : Math.round(errors * 10000.0 / total) / 100.0);
      Map<String, Integer> perDay = new LinkedHashMap<>();
      for (JsonObject e : state.audit) {
        perDay.merge(e.get("timestamp").getAsString().substring(0, 10), 1, Integer::sum);
      }
      JsonArray days = new JsonArray();
      perDay.forEach((day, count) -> {
        JsonObject d = new JsonObject();
        d.addProperty("day", day);
        d.addProperty("count", count);
        days.add(d);
      });
      o.add("queriesPerDay", days);
    }
    c.json(200, o);
  }
}
