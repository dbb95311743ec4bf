package dev.atlas.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The prompt library (one built-in collection of the agent's questions), query suggestions (one per
 * demo table), the caller's pinned starter prompts (at most 10), the semantic layer's entities as a
 * user reads them, and the mode (published; the sandbox has no drafts).
 */
final class LibraryHandlers {
  static final String COLLECTION_ID = "5b0c1d2e-3f4a-4b5c-8d6e-7f8091a2b3c4";
  private static final int FAVORITE_CAP = 10;

  private final SandboxState state;
  private final Warehouse warehouse;
  private final Map<String, JsonObject> suggestions = new LinkedHashMap<>();
  private final Map<String, JsonObject> favorites = new LinkedHashMap<>();

  LibraryHandlers(SandboxState state, Warehouse warehouse) {
    this.state = state;
    this.warehouse = warehouse;
    int n = 0;
    for (String table : Warehouse.TABLES) {
      JsonObject s = new JsonObject();
      String id = "7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d" + (n++);
      s.addProperty("id", id);
      s.add("orgId", JsonNull.INSTANCE);
      s.addProperty("description", "How many " + table + " are there?");
      s.addProperty("patternSql", "SELECT COUNT(*) FROM " + table);
      s.addProperty("normalizedHash", Integer.toHexString(table.hashCode()));
      s.add("tablesInvolved", Wire.strings(List.of(table)));
      s.addProperty("primaryTable", table);
      s.addProperty("frequency", 10 - n);
      s.addProperty("clickedCount", 0);
      s.addProperty("distinctUserClicks", 0);
      s.addProperty("score", 10 - n);
      s.addProperty("approvalStatus", "approved");
      s.addProperty("status", "published");
      s.add("approvedBy", JsonNull.INSTANCE);
      s.add("approvedAt", JsonNull.INSTANCE);
      s.addProperty("lastSeenAt", "2026-11-22T08:00:00.000Z");
      s.addProperty("createdAt", "2026-11-01T08:00:00.000Z");
      s.addProperty("updatedAt", "2026-11-22T08:00:00.000Z");
      suggestions.put(id, s);
    }
  }

  /** Registers the operations this class answers. */
  void register(HandlerTable t) {
    t.on("listPromptCollections", c -> c.json(200, Wire.object("collections", Wire.array(collection()))));
    t.on("getPromptCollection", this::promptCollection);
    t.on("listSuggestions", this::listSuggestions);
    t.on("listPopularSuggestions", c -> c.json(200, suggestionList(null, c.page(10, 50).limit())));
    t.on("recordSuggestionClick", this::click);
    t.on("createStarterPromptFavorite", this::createFavorite);
    t.on("updateStarterPromptFavorite", this::updateFavorite);
    t.on("deleteStarterPromptFavorite", this::deleteFavorite);
    t.on("listUserSemanticEntities", this::entities);
    t.on("getUserSemanticEntity", this::entity);
    t.on("getMode", this::mode);
  }

  private static JsonObject collection() {
    String at = Wire.js(Instant.parse("2026-11-01T08:00:00Z"));
    JsonObject o = new JsonObject();
    o.addProperty("id", COLLECTION_ID);
    o.add("orgId", JsonNull.INSTANCE);
    o.addProperty("name", "Sandbox demo");
    o.addProperty("industry", "retail");
    o.addProperty("description", "The questions the sandbox's agent answers");
    o.addProperty("isBuiltin", true);
    o.addProperty("sortOrder", 1);
    o.addProperty("status", "published");
    o.addProperty("createdAt", at);
    o.addProperty("updatedAt", at);
    return o;
  }

  void promptCollection(Call c) throws IOException {
    if (!c.param(1).equalsIgnoreCase(COLLECTION_ID)) {
      throw new Reject(404, "not_found", "Prompt collection not found.");
    }
    JsonArray items = new JsonArray();
    for (int i = 0; i < Agent.SCRIPTS.size(); i++) {
      JsonObject item = new JsonObject();
      item.addProperty("id", UUID.nameUUIDFromBytes(("item" + i).getBytes()).toString());
      item.addProperty("collectionId", COLLECTION_ID);
      item.addProperty("question", Agent.SCRIPTS.get(i).question());
      item.add("description", JsonNull.INSTANCE);
      item.add("category", JsonNull.INSTANCE);
      item.addProperty("sortOrder", i + 1);
      item.addProperty("createdAt", Wire.js(Instant.parse("2026-11-01T08:00:00Z")));
      item.addProperty("updatedAt", Wire.js(Instant.parse("2026-11-01T08:00:00Z")));
      items.add(item);
    }
    JsonObject out = new JsonObject();
    out.add("collection", collection());
    out.add("items", items);
    c.json(200, out);
  }

  void listSuggestions(Call c) throws IOException {
    List<String> tables = new ArrayList<>();
    String raw = c.ex.getRequestURI().getRawQuery();
    Call.parseAll(raw).forEach(e -> {
      if (e.getKey().equals("table")) {
        tables.add(e.getValue());
      }
    });
    if (tables.isEmpty()) {
      // the server's answer: an error without a message
      c.json(400, Wire.object("error", new com.google.gson.JsonPrimitive("At least one 'table' query parameter is required")));
      return;
    }
    c.json(200, suggestionList(tables, c.page(10, 50).limit()));
  }

  private JsonObject suggestionList(List<String> tables, int limit) {
    JsonArray list = new JsonArray();
    synchronized (suggestions) {
      suggestions.values().stream().filter(s -> tables == null || tables.contains(s.get("primaryTable").getAsString()))
          .sorted(Comparator.comparingDouble((JsonObject s) -> s.get("score").getAsDouble()).reversed()).limit(limit)
          .forEach(s -> list.add(s.deepCopy()));
    }
    JsonObject out = new JsonObject();
    out.add("suggestions", list);
    out.addProperty("total", list.size());
    return out;
  }

  void click(Call c) throws IOException {
    synchronized (suggestions) {
      JsonObject s = suggestions.get(c.param(1));
      if (s != null) {
        s.addProperty("clickedCount", s.get("clickedCount").getAsInt() + 1);
        s.addProperty("distinctUserClicks", 1);
      }
    }
    c.noContent();
  }

  void createFavorite(Call c) throws IOException {
    String text = Wire.requireText(c.body(), "text").trim();
    JsonObject fav = new JsonObject();
    synchronized (favorites) {
      if (favorites.values().stream().anyMatch(f -> f.get("text").getAsString().equals(text))) {
        throw new Reject(409, "duplicate_favorite", "This prompt is already a favorite.");
      }
      if (favorites.size() >= FAVORITE_CAP) {
        throw new Reject(400, "favorite_cap_exceeded", "You can pin at most " + FAVORITE_CAP + " prompts.");
      }
      fav.addProperty("id", "fav_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
      fav.addProperty("text", text);
      fav.addProperty("position", favorites.size() + 1);
      fav.addProperty("createdAt", Wire.iso(state.now()));
      favorites.put(fav.get("id").getAsString(), fav);
    }
    c.json(200, Wire.object("favorite", fav.deepCopy()));
  }

  void updateFavorite(Call c) throws IOException {
    String id = c.param(1);
    JsonObject body = c.body();
    JsonElement position = body == null ? null : body.get("position");
    if (position == null || !position.isJsonPrimitive() || !position.getAsJsonPrimitive().isNumber()) {
      throw Reject.validation("position", "Invalid input: expected number");
    }
    JsonObject fav;
    synchronized (favorites) {
      fav = favorites.get(id);
      if (fav == null) {
        throw new Reject(404, "not_found", "Favorite not found.");
      }
      fav.add("position", position);
    }
    c.json(200, Wire.object("favorite", fav.deepCopy()));
  }

  void deleteFavorite(Call c) throws IOException {
    synchronized (favorites) {
      if (favorites.remove(c.param(1)) == null) {
        throw new Reject(404, "not_found", "Favorite not found.");
      }
    }
    c.noContent();
  }

  void entities(Call c) throws IOException {
    JsonArray list = new JsonArray();
    for (String t : Warehouse.TABLES) {
      JsonObject e = new JsonObject();
      e.addProperty("table", t);
      e.addProperty("description", "Demo " + t);
      e.addProperty("columnCount", columns(t).size());
      e.addProperty("joinCount", t.equals("orders") ? 2 : 1);
      e.addProperty("type", t.equals("orders") ? "fact" : "dimension");
      list.add(e);
    }
    c.json(200, Wire.object("entities", list));
  }

  void entity(Call c) throws IOException {
    String name = c.param(1);
    if (!name.matches("[A-Za-z0-9_.-]+")) {
      throw new Reject(400, "invalid_request", "Invalid entity name.");
    }
    if (!Warehouse.TABLES.contains(name)) {
      throw new Reject(404, "not_found", "Entity \"" + name + "\" not found.");
    }
    JsonObject e = new JsonObject();
    e.addProperty("table", name);
    e.addProperty("description", "Demo " + name);
    JsonArray dims = new JsonArray();
    for (String[] col : columns(name)) {
      JsonObject d = new JsonObject();
      d.addProperty("name", col[0]);
      d.addProperty("type", col[1]);
      dims.add(d);
    }
    e.add("dimensions", dims);
    c.json(200, Wire.object("entity", e));
  }

  private List<String[]> columns(String table) {
    try {
      return warehouse.columns(table);
    } catch (SQLException e) {
      throw new Reject(500, "internal_error", "Cannot read the demo warehouse");
    }
  }

  void mode(Call c) throws IOException {
    JsonObject o = new JsonObject();
    o.addProperty("mode", "published");
    o.addProperty("canToggle", true);
    o.add("demoIndustry", JsonNull.INSTANCE);
    o.addProperty("demoConnectionActive", false);
    o.addProperty("hasDrafts", false);
    o.add("draftCounts", JsonNull.INSTANCE);
    o.add("draftActivity", JsonNull.INSTANCE);
    c.json(200, o);
  }
}
