package dev.atlas.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The dashboard routes themselves: list, create, get, update (title and description to the
 * caller's draft, schedule and parameters to the published dashboard), delete, refresh every card,
 * card suggestions and the dashboard's archived chat sessions. The sandbox has one user (the API
 * key's), so every dashboard is its own; no chat is bound to a dashboard, so the session list is
 * empty.
 */
final class DashboardHandlers {
  private final DashboardStore store;
  private final SandboxState state;

  DashboardHandlers(DashboardStore store) {
    this.store = store;
    this.state = store.state;
  }

  /** Registers the operations this class answers. */
  void register(HandlerTable t) {
    t.on("listDashboards", this::list);
    t.on("createDashboard", this::create);
    t.on("getDashboard", this::get);
    t.on("updateDashboard", this::update);
    t.on("deleteDashboard", this::delete);
    t.on("refreshDashboard", this::refreshAll);
    t.on("suggestDashboardCards", this::suggest);
    t.on("listDashboardSessions", this::sessions);
    t.on("getDashboardSession", this::session);
  }

  void list(Call c) throws IOException {
    Call.Page p = c.page(20, 100);
    JsonObject out = new JsonObject();
    synchronized (state) {
      List<JsonObject> all = new ArrayList<>(store.dashboards.values());
      all.sort(Comparator.comparing((JsonObject d) -> store.publishedAt.get(d.get("id").getAsString())).reversed());
      out.add("dashboards", p.slice(all));
      out.addProperty("total", all.size());
    }
    c.json(200, out);
  }

  void create(Call c) throws IOException {
    JsonObject body = c.body();
    String title = Wire.requireText(body, "title");
    if (title.length() > 200) {
      throw Reject.validation("title", "Too big: expected string to have <=200 characters");
    }
    JsonElement description = body.get("description");
    if (description != null && !description.isJsonNull() && description.getAsString().length() > 2000) {
      throw Reject.validation("description", "Too big: expected string to have <=2000 characters");
    }
    JsonArray parameters = parameters(body.get("parameters"));
    String id = UUID.randomUUID().toString();
    Instant t = state.now();
    JsonObject d = new JsonObject();
    d.addProperty("id", id);
    d.addProperty("orgId", DashboardStore.ORG);
    d.addProperty("ownerId", DashboardStore.USER);
    d.addProperty("title", title);
    d.add("description", DashboardStore.orNull(description));
    d.add("shareToken", JsonNull.INSTANCE);
    d.add("shareExpiresAt", JsonNull.INSTANCE);
    d.addProperty("shareMode", "public");
    d.add("refreshSchedule", JsonNull.INSTANCE);
    d.add("lastRefreshAt", JsonNull.INSTANCE);
    d.add("nextRefreshAt", JsonNull.INSTANCE);
    d.add("parameters", parameters);
    d.addProperty("cardCount", 0);
    d.addProperty("createdAt", Wire.js(t));
    d.addProperty("updatedAt", Wire.js(t));
    synchronized (state) {
      store.dashboards.put(id, d);
      store.cards.put(id, new ArrayList<>());
      store.publishedAt.put(id, t);
    }
    c.json(201, d);
  }

  /** Checks parameters as the server does: at most 50, unique keys, a known type; fills {@code default}. */
  static JsonArray parameters(JsonElement given) {
    JsonArray out = new JsonArray();
    if (given == null || given.isJsonNull()) {
      return out;
    }
    if (!given.isJsonArray() || given.getAsJsonArray().size() > 50) {
      throw Reject.validation("parameters", "Expected at most 50 parameters");
    }
    Set<String> keys = new HashSet<>();
    for (JsonElement e : given.getAsJsonArray()) {
      JsonObject p = e.getAsJsonObject();
      String key = Wire.requireText(p, "key");
      String type = Wire.requireText(p, "type");
      Wire.requireText(p, "label");
      if (!List.of("date", "text", "number").contains(type)) {
        throw Reject.validation("type", "Invalid option: expected one of \"date\"|\"text\"|\"number\"");
      }
      if (!keys.add(key)) {
        throw Reject.validation("parameters", "Parameter keys must be unique");
      }
      JsonObject copy = p.deepCopy();
      copy.add("default", DashboardStore.orNull(p.get("default")));
      out.add(copy);
    }
    return out;
  }

  void get(Call c) throws IOException {
    String id = c.uuidParam(1);
    JsonObject out;
    synchronized (state) {
      out = "draft".equals(c.query.get("view")) ? store.draftView(id) : store.publishedView(id);
    }
    c.json(200, out);
  }

  void update(Call c) throws IOException {
    String id = c.uuidParam(1);
    JsonObject body = c.body();
    if (body == null) {
      throw new Reject(400, "invalid_request", "Request body is required");
    }
    JsonObject out;
    synchronized (state) {
      JsonObject d = store.dashboard(id);
      if (body.has("refreshSchedule")) {
        JsonElement s = body.get("refreshSchedule");
        if (!s.isJsonNull()) {
          try {
            Cron.parse(s.getAsString());
          } catch (RuntimeException e) {
            throw new Reject(400, "invalid_request", "Invalid cron expression: " + s.getAsString());
          }
        }
        d.add("refreshSchedule", s);
        d.add("nextRefreshAt", s.isJsonNull() ? JsonNull.INSTANCE
            : new com.google.gson.JsonPrimitive(Wire.js(Cron.parse(s.getAsString()).next(state.now()))));
      }
      if (body.has("parameters")) {
        JsonArray ps = parameters(body.get("parameters"));
        Set<String> kept = new HashSet<>();
        ps.forEach(p -> kept.add(p.getAsJsonObject().get("key").getAsString()));
        for (JsonElement old : d.getAsJsonArray("parameters")) {
          String key = old.getAsJsonObject().get("key").getAsString();
          if (!kept.contains(key) && store.usesParameter(id, key)) {
            throw new Reject(400, "invalid_parameters", "Parameter \"" + key + "\" is still used by a card");
          }
        }
        d.add("parameters", ps);
      }
      if (body.has("refreshSchedule") || body.has("parameters")) {
        store.touch(id);
      }
      boolean toDraft = body.has("title") || body.has("description");
      if (toDraft) {
        DashboardStore.Draft dr = store.fork(id);
        if (body.has("title")) {
          dr.title = Wire.requireText(body, "title");
        }
        if (body.has("description")) {
          dr.description = body.get("description");
        }
        dr.updatedAt = state.now();
        dr.ops++;
      }
      out = toDraft ? store.draftView(id) : store.publishedView(id);
    }
    c.json(200, out);
  }

  void delete(Call c) throws IOException {
    String id = c.uuidParam(1);
    synchronized (state) {
      store.dashboard(id);
      store.dashboards.remove(id);
      store.cards.remove(id);
      store.drafts.remove(id);
      store.publishedAt.remove(id);
    }
    c.noContent();
  }

  void refreshAll(Call c) throws IOException {
    String id = c.uuidParam(1);
    boolean draft = "draft".equals(c.query.get("view"));
    JsonObject out = new JsonObject();
    synchronized (state) {
      store.dashboard(id);
      DashboardStore.Draft dr = draft ? store.drafts.get(id) : null;
      List<JsonObject> list = dr != null ? dr.cards : store.cards.getOrDefault(id, List.of());
      int refreshed = 0;
      JsonArray errors = new JsonArray();
      for (JsonObject card : list) {
        try {
          store.refresh(id, card, dr != null);
          refreshed++;
        } catch (Reject r) {
          JsonObject e = new JsonObject();
          e.addProperty("cardId", card.get("id").getAsString());
          e.addProperty("reason", r.code);
          errors.add(e);
        }
      }
      out.addProperty("refreshed", refreshed);
      out.addProperty("failed", errors.size());
      out.addProperty("total", list.size());
      out.add("errors", errors);
    }
    c.json(200, out);
  }

  /** Two cards from the scripted agent's questions; 400 when the dashboard has no cards, as on a server. */
  void suggest(Call c) throws IOException {
    String id = c.uuidParam(1);
    synchronized (state) {
      store.dashboard(id);
      if (store.cards.getOrDefault(id, List.of()).isEmpty()) {
        throw new Reject(400, "invalid_request", "Dashboard has no cards to base suggestions on");
      }
    }
    JsonArray suggestions = new JsonArray();
    for (Agent.Script s : Agent.SCRIPTS.subList(1, 3)) {
      JsonObject o = new JsonObject();
      o.addProperty("title", s.label());
      o.addProperty("sql", s.sql());
      JsonObject chart = new JsonObject();
      chart.addProperty("type", "bar");
      chart.addProperty("categoryColumn", "region");
      chart.add("valueColumns", Wire.array(new com.google.gson.JsonPrimitive("revenue")));
      o.add("chartConfig", chart);
      o.addProperty("reason", "Answers \"" + s.question() + "\", which the dashboard does not show yet.");
      suggestions.add(o);
    }
    c.json(200, Wire.object("suggestions", suggestions));
  }

  void sessions(Call c) throws IOException {
    String id = c.uuidParam(1);
    synchronized (state) {
      store.dashboard(id);
    }
    c.json(200, Wire.object("sessions", new JsonArray()));
  }

  void session(Call c) throws IOException {
    String id = c.uuidParam(1);
    c.uuidParam(2);
    synchronized (state) {
      store.dashboard(id);
    }
    throw new Reject(404, "not_found", "Session not found");
  }
}
