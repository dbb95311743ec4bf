package dev.atlas.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * The sandbox's scripted agent: known demo questions map to SQL that really runs on the demo
 * warehouse, a question that is itself a SELECT is validated and run, anything else gets an honest
 * "cannot answer". Deterministic.
 */
final class Agent {
  /** A demo question and its SQL. */
  record Script(String question, String[] keywords, String sql, String label) {}

  static final List<Script> SCRIPTS = List.of(
      new Script("What was last month's revenue?", new String[] {"revenue", "month"},
          "SELECT SUM(total) AS revenue FROM orders WHERE status = 'paid' AND ordered_on >= DATE '2026-10-01'"
              + " AND ordered_on < DATE '2026-11-01'", "Revenue in October 2026"),
      new Script("Revenue by region", new String[] {"revenue", "region"},
          "SELECT c.region, SUM(o.total) AS revenue FROM orders o JOIN customers c ON c.id = o.customer_id"
              + " WHERE o.status = 'paid' GROUP BY c.region ORDER BY revenue DESC", "Revenue by region"),
      new Script("How many orders are there?", new String[] {"how many", "orders"},
          "SELECT COUNT(*) AS order_count FROM orders", "The number of orders"),
      new Script("How many active customers?", new String[] {"active", "customers"},
          "SELECT COUNT(*) AS active_customers FROM customers WHERE active", "The number of active customers"),
      new Script("Top 5 products by units sold", new String[] {"top", "product"},
          "SELECT p.name, SUM(o.quantity) AS units FROM orders o JOIN products p ON p.id = o.product_id"
              + " GROUP BY p.name ORDER BY units DESC, p.name LIMIT 5", "The top products by units sold"),
      new Script("What is the average order value?", new String[] {"average", "order"},
          "SELECT ROUND(AVG(total), 2) AS average_order_value FROM orders WHERE status = 'paid'",
          "The average paid order value"));

  /** What the agent did for one question. */
  record Answer(String text, String sql, Warehouse.Result result, String explanation, String error) {
    boolean answered() {
      return sql != null && error == null;
    }
  }

  private final Warehouse warehouse;
  private final SqlValidator validator;

  Agent(Warehouse warehouse, SqlValidator validator) {
    this.warehouse = warehouse;
    this.validator = validator;
  }

  Answer answer(String question) {
    String q = question.toLowerCase(Locale.ROOT).trim();
    if (q.startsWith("select") || q.startsWith("with")) {
      JsonObject verdict = validator.validate(question);
      if (!verdict.get("valid").getAsBoolean()) {
        JsonObject err = verdict.getAsJsonArray("errors").get(0).getAsJsonObject();
        String msg = "[" + err.get("layer").getAsString() + "] " + err.get("message").getAsString();
        return new Answer("I did not run that SQL: " + msg, question, null, "the SQL you gave", msg);
      }
      return run(question, "The query", "the SQL you gave");
    }
    for (Script s : SCRIPTS) {
      boolean all = true;
      for (String k : s.keywords()) {
        all &= q.contains(k);
      }
      if (all) {
        return run(s.sql(), s.label(), s.question());
      }
    }
    StringBuilder known = new StringBuilder();
    for (Script s : SCRIPTS) {
      known.append(known.length() == 0 ? "" : "; ").append('"').append(s.question()).append('"');
    }
    return new Answer("The sandbox cannot answer that: it is a scripted agent over a small demo warehouse. "
        + "Try one of: " + known + ", or send a SELECT over customers, products and orders.", null, null, null, null);
  }

  private Answer run(String sql, String label, String explanation) {
    try {
      Warehouse.Result r = warehouse.run(sql);
      return new Answer(describe(label, r), sql, r, explanation, null);
    } catch (SQLException e) {
      String message = e.getMessage().split("\n")[0].replaceAll(";? *SQL statement:.*$", "").trim();
      return new Answer("The query failed: " + message, sql, null, explanation, message);
    }
  }

  private static String describe(String label, Warehouse.Result r) {
    if (r.rows().size() == 1 && r.columns().size() == 1) {
      JsonElement v = r.rows().get(0).getAsJsonObject().get(r.columns().get(0));
      return label + " is " + (v.isJsonNull() ? "unknown" : v.getAsString()) + ".";
    }
    return label + ": " + r.rows().size() + " row" + (r.rows().size() == 1 ? "" : "s") + " (see the table).";
  }
}
