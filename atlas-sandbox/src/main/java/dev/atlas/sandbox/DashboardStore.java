package dev.atlas.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox's dashboards: the published ones with their cards, the sandbox user's private drafts,
 * and the share tokens; and the card runs against the demo warehouse. Guarded by the sandbox
 * state's monitor, as the rest of its data.
 */
final class DashboardStore {
  static final String USER = "sandbox-user";
  static final String ORG = "sandbox-org";
  private static final Pattern PARAM = Pattern.compile("(?<![:\\w]):([A-Za-z_][A-Za-z0-9_]*)");
  private static final DateTimeFormatter PG = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'+00'")
      .withZone(ZoneOffset.UTC);

  /** A user's private draft: the title, description and cards it shows, and the published version it forked. */
  static final class Draft {
    String title;
    JsonElement description;
    List<JsonObject> cards = new ArrayList<>();
    Instant baseline;
    Instant updatedAt;
    int ops;
  }

  final SandboxState state;
  final Warehouse warehouse;
  final SqlValidator validator;
  final Map<String, JsonObject> dashboards = new LinkedHashMap<>();
  final Map<String, List<JsonObject>> cards = new HashMap<>();
  final Map<String, Instant> publishedAt = new HashMap<>();
  final Map<String, Draft> drafts = new HashMap<>();

  DashboardStore(SandboxState state, Warehouse warehouse, SqlValidator validator) {
    this.state = state;
    this.warehouse = warehouse;
    this.validator = validator;
  }

  /** @return PostgreSQL's text form of a timestamp, as the draft routes send {@code publishedBaselineAt} */
  static String pg(Instant t) {
    return PG.format(t);
  }

  /** @return the published dashboard; unknown is 404 (without a requestId, as recorded) */
  JsonObject dashboard(String id) {
    JsonObject d = dashboards.get(id);
    if (d == null) {
      throw new Reject(404, "not_found", "Dashboard not found");
    }
    return d;
  }

  /** @return the caller's draft, forked from the published dashboard when there is none */
  Draft fork(String id) {
    JsonObject d = dashboard(id);
    return drafts.computeIfAbsent(id, k -> {
      Draft dr = new Draft();
      dr.title = d.get("title").getAsString();
      dr.description = d.get("description").deepCopy();
      cards.getOrDefault(id, List.of()).forEach(c -> dr.cards.add(c.deepCopy()));
      dr.baseline = publishedAt.get(id);
      dr.updatedAt = state.now();
      return dr;
    });
  }

  /** @return the published dashboard with its cards */
  JsonObject publishedView(String id) {
    JsonObject out = dashboard(id).deepCopy();
    out.remove("cardCount");
    JsonArray a = new JsonArray();
    cards.getOrDefault(id, List.of()).forEach(c -> a.add(c.deepCopy()));
    out.add("cards", a);
    return out;
  }

  /** @return the dashboard as the caller's draft shows it (published when there is no draft) */
  JsonObject draftView(String id) {
    JsonObject out = publishedView(id);
    Draft dr = drafts.get(id);
    if (dr != null) {
      out.addProperty("title", dr.title);
      out.add("description", dr.description.deepCopy());
      out.addProperty("updatedAt", Wire.js(dr.updatedAt));
      JsonArray a = new JsonArray();
      dr.cards.forEach(c -> a.add(c.deepCopy()));
      out.add("cards", a);
    }
    return out;
  }

  /** Marks a published change. */
  void touch(String id) {
    Instant t = state.now();
    publishedAt.put(id, t);
    JsonObject d = dashboard(id);
    d.addProperty("updatedAt", Wire.js(t));
    d.addProperty("cardCount", cards.getOrDefault(id, List.of()).size());
  }

  /** @return the card with that id in the list; 404 otherwise */
  static JsonObject card(List<JsonObject> list, String cardId) {
    return list.stream().filter(c -> c.get("id").getAsString().equals(cardId)).findFirst()
        .orElseThrow(() -> new Reject(404, "not_found", "Card not found"));
  }

  /**
   * Runs SQL with parameter values bound (defaults for those not given).
   *
   * @return the result
   */
  Warehouse.Result run(String id, String sql, JsonObject values) {
    JsonObject verdict = validator.validate(sql);
    if (!verdict.get("valid").getAsBoolean()) {
      JsonArray errors = verdict.getAsJsonArray("errors");
      String message = errors.isEmpty() ? "Invalid SQL" : errors.get(0).getAsJsonObject().get("message").getAsString();
      throw new Reject(400, "invalid_sql", message);
    }
    Map<String, JsonElement> bound = new HashMap<>();
    for (JsonElement p : dashboard(id).getAsJsonArray("parameters")) {
      JsonObject o = p.getAsJsonObject();
      bound.put(o.get("key").getAsString(), o.get("default"));
    }
    if (values != null) {
      values.entrySet().forEach(e -> bound.put(e.getKey(), e.getValue()));
    }
    Matcher m = PARAM.matcher(sql);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      if (!bound.containsKey(m.group(1))) {
        throw new Reject(400, "invalid_parameters", "Unknown parameter :" + m.group(1));
      }
      JsonElement v = bound.get(m.group(1));
      String literal = v == null || v.isJsonNull() ? "NULL"
          : v.getAsJsonPrimitive().isNumber() ? v.getAsString() : "'" + v.getAsString().replace("'", "''") + "'";
      m.appendReplacement(sb, Matcher.quoteReplacement(literal));
    }
    m.appendTail(sb);
    try {
      return warehouse.run(sb.toString());
    } catch (SQLException e) {
      throw new Reject(400, "query_failed", "Query failed: " + e.getMessage());
    }
  }

  /** @return whether any card of the dashboard (published or draft) uses {@code :key} */
  boolean usesParameter(String id, String key) {
    List<JsonObject> all = new ArrayList<>(cards.getOrDefault(id, List.of()));
    Draft dr = drafts.get(id);
    if (dr != null) {
      all.addAll(dr.cards);
    }
    for (JsonObject c : all) {
      Matcher m = PARAM.matcher(c.get("sql").getAsString());
      while (m.find()) {
        if (m.group(1).equals(key)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Runs a chart card and stores its rows in its cache; a text card is left as it is. */
  void refresh(String id, JsonObject card, boolean isoCachedAt) {
    if (!"chart".equals(card.get("kind").getAsString())) {
      return;
    }
    Warehouse.Result r = run(id, card.get("sql").getAsString(), null);
    card.add("cachedColumns", Wire.strings(r.columns()));
    card.add("cachedRows", r.rows());
    Instant t = state.now();
    card.addProperty("cachedAt", isoCachedAt ? Wire.iso(t) : Wire.js(t));
    card.addProperty("updatedAt", Wire.js(t));
  }

  static JsonElement orNull(JsonElement e) {
    return e == null ? JsonNull.INSTANCE : e;
  }
}
