package dev.atlas.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The card routes: add, change and remove (in the caller's draft, forked on demand), refresh
 * (published or draft cache), render with parameter values (JSON or CSV, nothing stored) and
 * preview of unsaved SQL. Card SQL runs on the demo warehouse with {@code :key} parameters bound.
 */
final class DashboardCardHandlers {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
  private final DashboardStore store;
  private final SandboxState state;

  DashboardCardHandlers(DashboardStore store) {
    this.store = store;
    this.state = store.state;
  }

  /** Registers the operations this class answers. */
  void register(HandlerTable t) {
    t.on("addDashboardCard", this::add);
    t.on("updateDashboardCard", this::update);
    t.on("removeDashboardCard", this::remove);
    t.on("refreshDashboardCard", this::refresh);
    t.on("renderDashboardCard", this::render);
    t.on("previewDashboardCard", this::preview);
  }

  void add(Call c) throws IOException {
    String id = c.uuidParam(1);
    JsonObject body = c.body();
    String title = Wire.requireText(body, "title");
    String kind = body.has("kind") ? Wire.optText(body, "kind") : "chart";
    if (!"chart".equals(kind) && !"text".equals(kind)) {
      throw Reject.validation("kind", "Invalid option: expected one of \"chart\"|\"text\"");
    }
    boolean chart = kind.equals("chart");
    if (chart && (Wire.optText(body, "sql") == null || Wire.optText(body, "sql").isBlank())) {
      throw Reject.validation("sql", "A chart card needs sql");
    }
    if (chart && body.has("content")) {
      throw Reject.validation("content", "A chart card takes no content");
    }
    if (!chart && (Wire.optText(body, "content") == null || body.has("sql") || body.has("chartConfig"))) {
      throw Reject.validation("content", "A text card needs content and takes no sql or chartConfig");
    }
    Instant t = state.now();
    JsonObject card = new JsonObject();
    card.addProperty("id", UUID.randomUUID().toString());
    card.addProperty("dashboardId", id);
    card.addProperty("title", title);
    card.addProperty("kind", kind);
    card.addProperty("sql", chart ? Wire.optText(body, "sql") : "");
    if (chart) {
      card.add("chartConfig", body.has("chartConfig") ? body.get("chartConfig") : defaultChart());
    } else {
      card.add("chartConfig", JsonNull.INSTANCE);
    }
    card.add("content", chart ? JsonNull.INSTANCE : body.get("content"));
    card.add("annotations", body.has("annotations") ? body.get("annotations") : new JsonArray());
    card.add("cachedColumns", DashboardStore.orNull(body.get("cachedColumns")));
    card.add("cachedRows", DashboardStore.orNull(body.get("cachedRows")));
    card.add("cachedAt", JsonNull.INSTANCE);
    card.add("connectionGroupId", DashboardStore.orNull(body.get("connectionGroupId")));
    card.add("layout", body.has("layout") ? body.get("layout") : chart ? layout() : JsonNull.INSTANCE);
    card.addProperty("createdAt", Wire.js(t));
    card.addProperty("updatedAt", Wire.js(t));
    synchronized (state) {
      DashboardStore.Draft dr = store.fork(id);
      card.addProperty("position", dr.cards.size());
      dr.cards.add(card);
      dr.updatedAt = t;
      dr.ops++;
    }
    c.json(201, card);
  }

  private static JsonObject defaultChart() {
    JsonObject o = new JsonObject();
    o.addProperty("type", "table");
    o.addProperty("categoryColumn", "");
    o.add("valueColumns", new JsonArray());
    return o;
  }

  private static JsonObject layout() {
    JsonObject o = new JsonObject();
    o.addProperty("x", 0);
    o.addProperty("y", 0);
    o.addProperty("w", 6);
    o.addProperty("h", 4);
    return o;
  }

  void update(Call c) throws IOException {
    String id = c.uuidParam(1);
    String cardId = c.uuidParam(2);
    JsonObject body = c.body();
    if (body == null) {
      throw new Reject(400, "invalid_request", "Request body is required");
    }
    JsonObject out;
    synchronized (state) {
      DashboardStore.Draft dr = store.fork(id);
      JsonObject card = DashboardStore.card(dr.cards, cardId);
      for (String f : List.of("title", "sql", "chartConfig", "annotations", "position", "layout")) {
        if (body.has(f)) {
          card.add(f, body.get(f));
        }
      }
      Instant t = state.now();
      card.addProperty("updatedAt", Wire.js(t));
      dr.updatedAt = t;
      dr.ops++;
      out = card.deepCopy();
    }
    c.json(200, out);
  }

  void remove(Call c) throws IOException {
    String id = c.uuidParam(1);
    String cardId = c.uuidParam(2);
    synchronized (state) {
      DashboardStore.Draft dr = store.fork(id);
      dr.cards.remove(DashboardStore.card(dr.cards, cardId));
      dr.updatedAt = state.now();
      dr.ops++;
    }
    c.noContent();
  }

  void refresh(Call c) throws IOException {
    String id = c.uuidParam(1);
    String cardId = c.uuidParam(2);
    boolean draft = "draft".equals(c.query.get("view"));
    JsonObject out;
    synchronized (state) {
      store.dashboard(id);
      DashboardStore.Draft dr = draft ? store.drafts.get(id) : null;
      if (draft && dr == null) {
        throw new Reject(409, "draft_gone", "The draft no longer exists");
      }
      JsonObject card = DashboardStore.card(dr != null ? dr.cards : store.cards.getOrDefault(id, List.of()), cardId);
      store.refresh(id, card, dr != null);
      out = card.deepCopy();
    }
    c.json(200, out);
  }

  void render(Call c) throws IOException {
    String id = c.uuidParam(1);
    String cardId = c.uuidParam(2);
    JsonObject body = c.body();
    JsonObject values = body != null && body.has("parameters") && body.get("parameters").isJsonObject()
        ? body.getAsJsonObject("parameters") : null;
    boolean csv = "csv".equals(c.query.get("format"));
    JsonObject card;
    String title;
    Warehouse.Result r = null;
    synchronized (state) {
      title = store.dashboard(id).get("title").getAsString();
      DashboardStore.Draft dr = "draft".equals(c.query.get("view")) ? store.drafts.get(id) : null;
      card = DashboardStore.card(dr != null ? dr.cards : store.cards.getOrDefault(id, List.of()), cardId).deepCopy();
      if (!"chart".equals(card.get("kind").getAsString())) {
        if (csv) {
          throw new Reject(400, "not_exportable", "Text cards cannot be exported as CSV");
        }
      } else {
        r = store.run(id, card.get("sql").getAsString(), values);
      }
    }
    if (csv) {
      csv(c, title, r);
      return;
    }
    JsonObject out = new JsonObject();
    out.add("columns", r == null ? new JsonArray() : Wire.strings(r.columns()));
    out.add("rows", r == null ? new JsonArray() : r.rows());
    out.addProperty("truncated", false);
    out.addProperty("rowCount", r == null ? 0 : r.rows().size());
    out.addProperty("executionMs", r == null ? 0 : 3);
    if (r != null) {
      out.addProperty("maskingApplied", false); // a text card's empty result has no maskingApplied key (observed)
    }
    c.json(200, out);
  }

  private void csv(Call c, String title, Warehouse.Result r) throws IOException {
    StringBuilder sb = new StringBuilder(String.join(",", r.columns())).append('\n');
    for (JsonElement row : r.rows()) {
      JsonObject o = row.getAsJsonObject();
      List<String> cells = r.columns().stream().map(col -> cell(o.get(col))).toList();
      sb.append(String.join(",", cells)).append('\n');
    }
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    var h = c.ex.getResponseHeaders();
    h.set("Content-Type", "text/csv; charset=utf-8");
    h.set("Content-Disposition", "attachment; filename=\"" + slug + "-" + STAMP.format(state.now()) + ".csv\"");
    h.set("Cache-Control", "no-store");
    h.set("X-Atlas-Truncated", "0");
    h.set("X-Atlas-Row-Count", String.valueOf(r.rows().size()));
    c.ex.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = c.ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String cell(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return "";
    }
    String s = e.getAsString();
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  void preview(Call c) throws IOException {
    JsonObject body = c.body();
    String sql = Wire.requireText(body, "sql");
    JsonObject verdict = store.validator.validate(sql);
    if (!verdict.get("valid").getAsBoolean()) {
      throw new Reject(400, "invalid_sql",
          verdict.getAsJsonArray("errors").get(0).getAsJsonObject().get("message").getAsString());
    }
    Warehouse.Result r;
    try {
      r = store.warehouse.run(sql);
    } catch (java.sql.SQLException e) {
      throw new Reject(400, "query_failed", "Query failed: " + e.getMessage());
    }
    JsonObject out = r.toJson();
    out.addProperty("rowCount", r.rows().size());
    out.addProperty("executionMs", 3);
    out.addProperty("truncated", false);
    out.addProperty("maskingApplied", false);
    c.json(200, out);
  }
}
