package dev.atlas.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sandbox's demo warehouse: an in-memory H2 database with customers, products and orders,
 * generated deterministically. Results are encoded as a Postgres-backed Atlas encodes them: counts
 * and decimals as strings, other numbers as JSON numbers.
 */
final class Warehouse implements AutoCloseable {
  private static final AtomicInteger INSTANCES = new AtomicInteger();
  static final List<String> TABLES = List.of("customers", "products", "orders");
  static final String[] REGIONS = {"north", "south", "east", "west"};

  private final Connection connection;

  Warehouse() {
    try {
      connection = DriverManager.getConnection("jdbc:h2:mem:atlas-sandbox-" + INSTANCES.incrementAndGet()
          + ";DB_CLOSE_DELAY=0;MODE=PostgreSQL");
      seed();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot start the demo warehouse", e);
    }
  }

  private void seed() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(80), region VARCHAR(20), active BOOLEAN,"
          + " signed_up DATE)");
      s.execute("CREATE TABLE products (id INT PRIMARY KEY, name VARCHAR(80), category VARCHAR(40),"
          + " price DECIMAL(10,2))");
      s.execute("CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT REFERENCES customers(id),"
          + " product_id INT REFERENCES products(id), quantity INT, total DECIMAL(12,2), status VARCHAR(20),"
          + " ordered_on DATE)");
    }
    Random r = new Random(7);
    String[] categories = {"hardware", "software", "services"};
    try (var p = connection.prepareStatement("INSERT INTO products VALUES (?, ?, ?, ?)")) {
      for (int i = 1; i <= 12; i++) {
        p.setInt(1, i);
        p.setString(2, "Product " + (char) ('A' + i - 1));
        p.setString(3, categories[i % 3]);
        p.setBigDecimal(4, BigDecimal.valueOf(500 + r.nextInt(20000), 2));
        p.addBatch();
      }
      p.executeBatch();
    }
    LocalDate start = LocalDate.of(2026, 1, 1);
    try (var p = connection.prepareStatement("INSERT INTO customers VALUES (?, ?, ?, ?, ?)")) {
      for (int i = 1; i <= 200; i++) {
        p.setInt(1, i);
        p.setString(2, "Customer " + i);
        p.setString(3, REGIONS[r.nextInt(REGIONS.length)]);
        p.setBoolean(4, r.nextInt(5) != 0);
        p.setObject(5, start.plusDays(r.nextInt(300)));
        p.addBatch();
      }
      p.executeBatch();
    }
    String[] statuses = {"paid", "paid", "paid", "refunded", "pending"};
    try (var p = connection.prepareStatement("INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 1; i <= 2000; i++) {
        int quantity = 1 + r.nextInt(5);
        p.setInt(1, i);
        p.setInt(2, 1 + r.nextInt(200));
        p.setInt(3, 1 + r.nextInt(12));
        p.setInt(4, quantity);
        p.setBigDecimal(5, BigDecimal.valueOf((long) quantity * (500 + r.nextInt(20000)), 2));
        p.setString(6, statuses[r.nextInt(statuses.length)]);
        p.setObject(7, start.plusDays(r.nextInt(320)));
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  /** Columns and rows of one query. */
  record Result(List<String> columns, JsonArray rows) {
    JsonObject toJson() {
      JsonObject o = new JsonObject();
      JsonArray cols = new JsonArray();
      columns.forEach(cols::add);
      o.add("columns", cols);
      o.add("rows", rows);
      return o;
    }
  }

  /**
   * Runs a read-only query (callers validate it first).
   *
   * @param sql one SELECT
   * @return columns and rows, at most 1,000
   * @throws SQLException if the database rejects it
   */
  synchronized Result run(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.setMaxRows(1000);
      s.setQueryTimeout(10);
      try (ResultSet rs = s.executeQuery(sql)) {
        ResultSetMetaData md = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          columns.add(md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
        }
        JsonArray rows = new JsonArray();
        while (rs.next()) {
          JsonObject row = new JsonObject();
          for (int i = 1; i <= columns.size(); i++) {
            row.add(columns.get(i - 1), value(rs, i, md.getColumnType(i)));
          }
          rows.add(row);
        }
        return new Result(columns, rows);
      }
    }
  }

  private static com.google.gson.JsonElement value(ResultSet rs, int i, int type) throws SQLException {
    Object v = rs.getObject(i);
    if (v == null) {
      return JsonNull.INSTANCE;
    }
    switch (type) {
      case Types.BIGINT:
      case Types.DECIMAL:
      case Types.NUMERIC:
        // what node-postgres sends for int8 and numeric: strings
        return new JsonPrimitive(v instanceof BigDecimal b ? b.toPlainString() : v.toString());
      case Types.INTEGER:
      case Types.SMALLINT:
      case Types.TINYINT:
      case Types.DOUBLE:
      case Types.REAL:
      case Types.FLOAT:
        return new JsonPrimitive((Number) v);
      case Types.BOOLEAN:
        return new JsonPrimitive((Boolean) v);
      default:
        return new JsonPrimitive(v.toString());
    }
  }

  /** @return the column names of each table, for the semantic layer */
  synchronized List<String[]> columns(String table) throws SQLException {
    List<String[]> out = new ArrayList<>();
    try (ResultSet rs = connection.getMetaData().getColumns(null, null, table.toUpperCase(java.util.Locale.ROOT), null)) {
      while (rs.next()) {
        out.add(new String[] {rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT),
            rs.getString("TYPE_NAME").toLowerCase(java.util.Locale.ROOT)});
      }
    }
    return out;
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // in-memory: nothing to lose
    }
  }
}
