package dev.atlas.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The admin routes (overview, connections, plugins), the semantic layer's routes, and the table
 * listing: all describe the fixed demo warehouse, whose column descriptions are read once.
 */
final class AdminHandlers {
  private final SandboxState state;
  private final Warehouse warehouse;
  /** Column descriptions per table: the demo schema is fixed, so read once. */
  private final Map<String, JsonArray> columns = new ConcurrentHashMap<>();

  AdminHandlers(SandboxState state, Warehouse warehouse) {
    this.state = state;
    this.warehouse = warehouse;
  }

  /** Registers the operations this class answers. */
  void register(HandlerTable t) {
    t.on("getAdminOverview", this::overview);
    t.on("listSemanticEntities", this::entities);
    t.on("getSemanticEntity", this::entity);
    t.on("listSemanticMetrics", this::metrics);
    t.on("getSemanticGlossary", this::glossary);
    t.on("getSemanticCatalog", this::catalog);
    t.on("getSemanticStats", this::semanticStats);
    t.on("listConnections", this::connections);
    t.on("testConnection", this::testConnection);
    t.on("listPlugins", this::plugins);
    t.on("checkPluginHealth", this::pluginHealth);
    t.on("listTables", this::tables);
  }

  void overview(Call c) throws IOException {
    JsonObject o = new JsonObject();
    o.addProperty("connections", 1);
    o.addProperty("entities", Warehouse.TABLES.size());
    o.addProperty("plugins", 0);
    synchronized (state) {
      o.addProperty("queriesLast24h", state.audit.size());
    }
    o.add("workspace", JsonNull.INSTANCE);
    c.json(200, o);
  }

  void connections(Call c) throws IOException {
    JsonObject conn = new JsonObject();
    conn.addProperty("id", state.connectionId);
    conn.addProperty("dbType", "postgres");
    conn.addProperty("description", "Sandbox demo warehouse (in-memory)");
    conn.addProperty("groupId", state.groupId);
    conn.addProperty("groupName", state.groupId.equals("default") ? "Default" : state.groupId);
    conn.addProperty("billable", false);
    c.json(200, Wire.object("connections", Wire.array(conn)));
  }

  void testConnection(Call c) throws IOException {
    if (!c.param(1).equals(state.connectionId)) {
      throw new Reject(404, "not_found", "Connection \"" + c.param(1) + "\" not found");
    }
    JsonObject o = new JsonObject();
    o.addProperty("status", "healthy");
    o.addProperty("latencyMs", 1);
    o.addProperty("checkedAt", Wire.iso(state.now()));
    c.json(200, o);
  }

  void plugins(Call c) throws IOException {
    JsonObject o = new JsonObject();
    o.add("plugins", new JsonArray());
    o.addProperty("manageable", false);
    c.json(200, o);
  }

  void pluginHealth(Call c) {
    throw new Reject(404, "not_found", "Plugin \"" + c.param(1) + "\" is not installed in the sandbox");
  }

  void entities(Call c) throws IOException {
    JsonArray list = new JsonArray();
    for (String t : Warehouse.TABLES) {
      list.add(entitySummary(t));
    }
    JsonObject out = Wire.object("entities", list);
    out.addProperty("noIntrospectedTables", false);
    c.json(200, out);
  }

  void entity(Call c) throws IOException {
    String name = c.param(1);
    if (!Warehouse.TABLES.contains(name)) {
      throw new Reject(404, "not_found", "Entity \"" + name + "\" not found");
    }
    JsonObject entity = entitySummary(name);
    entity.add("dimensions", columnsJson(name));
    c.json(200, Wire.object("entity", entity));
  }

  void metrics(Call c) throws IOException {
    JsonObject revenue = new JsonObject();
    revenue.addProperty("id", "revenue");
    revenue.addProperty("label", "Revenue");
    revenue.addProperty("sql", "SUM(orders.total) FILTER (WHERE orders.status = 'paid')");
    c.json(200, Wire.object("metrics", Wire.array(revenue)));
  }

  void glossary(Call c) throws IOException {
    JsonObject active = new JsonObject();
    active.addProperty("term", "active customer");
    active.addProperty("definition", "A customer whose account is not closed (customers.active).");
    c.json(200, Wire.object("glossary", Wire.array(active)));
  }

  void catalog(Call c) throws IOException {
    JsonObject catalog = new JsonObject();
    catalog.addProperty("name", "Atlas sandbox demo warehouse");
    catalog.add("tables", Wire.strings(Warehouse.TABLES));
    c.json(200, Wire.object("catalog", catalog));
  }

  void semanticStats(Call c) throws IOException {
    int columnCount = 0;
    for (String t : Warehouse.TABLES) {
      columnCount += columnsJson(t).size();
    }
    JsonObject o = new JsonObject();
    o.addProperty("totalEntities", Warehouse.TABLES.size());
    o.addProperty("totalColumns", columnCount);
    o.addProperty("totalJoins", 2);
    o.addProperty("totalMeasures", 1);
    JsonObject gaps = new JsonObject();
    gaps.addProperty("noDescription", 0);
    gaps.addProperty("noColumns", 0);
    gaps.addProperty("noJoins", 1);
    o.add("coverageGaps", gaps);
    c.json(200, o);
  }

  void tables(Call c) throws IOException {
    String connection = c.query.get("connectionId");
    if (connection != null && !connection.equals(state.connectionId)) {
      throw new Reject(404, "connection_not_found", "Connection \"" + connection + "\" not found");
    }
    JsonArray tables = new JsonArray();
    for (String t : Warehouse.TABLES) {
      JsonObject o = new JsonObject();
      o.addProperty("table", t);
      o.addProperty("description", "Demo " + t);
      o.add("columns", columnsJson(t));
      tables.add(o);
    }
    c.json(200, Wire.object("tables", tables));
  }

  private JsonObject entitySummary(String table) {
    JsonObject o = new JsonObject();
    o.addProperty("name", table);
    o.addProperty("table", table);
    o.addProperty("description", "Demo " + table);
    o.addProperty("type", "entity");
    o.addProperty("columnCount", columnsJson(table).size());
    o.addProperty("joinCount", table.equals("orders") ? 2 : 1);
    o.addProperty("measureCount", table.equals("orders") ? 1 : 0);
    o.addProperty("connection", state.connectionId);
    // the fields a running server adds to each summary
    o.addProperty("sourceKind", "yaml");
    o.addProperty("displayName", Character.toUpperCase(table.charAt(0)) + table.substring(1));
    o.addProperty("connectionId", state.connectionId);
    o.addProperty("source", "entities/" + table + ".yml");
    o.addProperty("status", "published");
    o.addProperty("updatedAt", "2026-11-22T08:00:00.000Z");
    return o;
  }

  private JsonArray columnsJson(String table) {
    return columns.computeIfAbsent(table, this::readColumns).deepCopy();
  }

  private JsonArray readColumns(String table) {
    JsonArray cols = new JsonArray();
    try {
      for (String[] col : warehouse.columns(table)) {
        JsonObject o = new JsonObject();
        o.addProperty("name", col[0]);
        o.addProperty("type", col[1]);
        o.addProperty("description", table + "." + col[0]);
        cols.add(o);
      }
    } catch (SQLException e) {
      throw new Reject(500, "internal_error", "Cannot read the demo warehouse");
    }
    return cols;
  }
}
