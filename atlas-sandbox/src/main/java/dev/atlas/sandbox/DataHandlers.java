package dev.atlas.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Data without the agent: one SELECT ({@code executeSql}), a semantic-layer metric ({@code runMetric})
 * and the semantic layer's files ({@code explore}), over the demo warehouse.
 */
final class DataHandlers {
  /** The one metric of the demo semantic layer (as {@code listSemanticMetrics} lists it) and its SQL. */
  static final String REVENUE_SQL = "SELECT SUM(total) AS \"value\" FROM orders WHERE status = 'paid'";
  /** The semantic layer's files, as {@code explore} lists and prints them. */
  private static final Map<String, String> FILES = Map.of(
      "catalog.yml", "name: Atlas sandbox demo warehouse\ntables: [customers, products, orders]\n",
      "entities/customers.yml", "table: customers\ndescription: Demo customers\n",
      "entities/products.yml", "table: products\ndescription: Demo products\n",
      "entities/orders.yml", "table: orders\ndescription: Demo orders\nmeasures:\n  - name: revenue\n",
      "metrics/revenue.yml", "id: revenue\nlabel: Revenue\nsql: SUM(orders.total) FILTER (WHERE orders.status = 'paid')\n");

  private final SandboxState state;
  private final Warehouse warehouse;
  private final SqlValidator validator;

  DataHandlers(SandboxState state, Warehouse warehouse, SqlValidator validator) {
    this.state = state;
    this.warehouse = warehouse;
    this.validator = validator;
  }

  /** Registers the operations this class answers. */
  void register(HandlerTable t) {
    t.on("executeSql", this::executeSql);
    t.on("runMetric", this::runMetric);
    t.on("explore", this::explore);
  }

  void executeSql(Call c) throws IOException {
    JsonObject body = c.body();
    String sql = Wire.requireText(body, "sql").trim();
    String connection = Wire.optText(body, "connectionId");
    if (connection != null && !connection.equals(state.connectionId)) {
      JsonObject extra = new JsonObject();
      extra.addProperty("connectionId", connection);
      throw new Reject(503, "connection_unavailable", "Connection \"" + connection + "\" is not available", extra);
    }
    JsonObject verdict = validator.validate(sql);
    if (!verdict.get("valid").getAsBoolean()) {
      String message = verdict.getAsJsonArray("errors").get(0).getAsJsonObject().get("message").getAsString();
      throw new Reject(400, "invalid_sql", message);
    }
    long start = System.nanoTime();
    Warehouse.Result result = run(sql);
    JsonObject out = result.toJson();
    out.addProperty("rowCount", result.rows().size());
    out.addProperty("truncated", result.rows().size() >= 1000);
    out.addProperty("executionMs", Math.max(1, (System.nanoTime() - start) / 1_000_000));
    out.addProperty("executedAt", Wire.iso(state.now()));
    c.json(200, out);
  }

  void runMetric(Call c) throws IOException {
    String id = c.param(1);
    JsonObject body = c.body();
    JsonElement filters = body == null ? null : body.get("filters");
    if (filters != null && filters.isJsonObject() && !filters.getAsJsonObject().isEmpty()) {
      throw new Reject(400, "invalid_request", "Metric filters are not supported yet.");
    }
    String connection = Wire.optText(body, "connectionId");
    if (connection != null && !connection.equals(state.connectionId)) {
      throw new Reject(400, "invalid_request", "Connection \"" + connection + "\" does not serve metric \"" + id + "\".");
    }
    if (!id.equals("revenue")) {
      throw new Reject(404, "unknown_metric", "Unknown metric \"" + id + "\".");
    }
    Warehouse.Result result = run(REVENUE_SQL);
    JsonObject out = new JsonObject();
    out.addProperty("id", id);
    out.addProperty("label", "Revenue");
    JsonArray rows = result.rows();
    out.add("value", rows.size() == 1 && result.columns().size() == 1
        ? rows.get(0).getAsJsonObject().get(result.columns().get(0)).deepCopy() : rows.deepCopy());
    JsonObject table = result.toJson();
    out.add("columns", table.get("columns"));
    out.add("rows", rows);
    out.addProperty("rowCount", rows.size());
    out.addProperty("truncated", false);
    out.addProperty("sql", REVENUE_SQL);
    out.addProperty("executedAt", Wire.iso(state.now()));
    c.json(200, out);
  }

  void explore(Call c) throws IOException {
    String command = Wire.requireText(c.body(), "command").trim();
    c.json(200, Wire.object("output", new com.google.gson.JsonPrimitive(output(command))));
  }

  /** @return what the sandbox's read-only shell prints for {@code ls [dir]} and {@code cat file} */
  static String output(String command) {
    if (command.contains("|")) {
      return "(no output)";
    }
    String[] words = command.split("\\s+");
    String arg = words.length > 1 ? words[1].replaceAll("/+$", "") : "";
    switch (words[0]) {
      case "ls" -> {
        String prefix = arg.isEmpty() || arg.equals(".") ? "" : arg + "/";
        List<String> names = FILES.keySet().stream().filter(f -> f.startsWith(prefix))
            .map(f -> f.substring(prefix.length()).split("/")[0]).distinct().sorted().toList();
        return names.isEmpty() ? "Error (exit 2):\nls: cannot access '" + arg + "': No such file or directory"
            : String.join("\n", names);
      }
      case "cat" -> {
        String text = FILES.get(arg);
        return text != null ? text : "Error (exit 1):\ncat: " + arg + ": No such file or directory";
      }
      default -> {
        return "Error (exit 127):\n" + words[0] + ": command not found";
      }
    }
  }

  private Warehouse.Result run(String sql) {
    try {
      return warehouse.run(sql);
    } catch (SQLException e) {
      throw new Reject(400, "query_failed", "Query failed: " + e.getMessage().split("\n")[0]);
    }
  }
}
