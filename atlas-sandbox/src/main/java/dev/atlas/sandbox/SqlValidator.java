package dev.atlas.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Atlas's SQL validation pipeline over the demo warehouse: empty check, a guard against DML and
 * DDL, a real parse that allows exactly one SELECT, and a whitelist of the semantic layer's tables.
 * The first failing layer decides, as on the real server.
 */
final class SqlValidator {
  private static final Pattern FORBIDDEN = Pattern.compile(
      "\\b(INSERT|UPDATE|DELETE|DROP|ALTER|CREATE|TRUNCATE|GRANT|REVOKE|MERGE|CALL|EXEC|EXECUTE|COPY|VACUUM)\\b",
      Pattern.CASE_INSENSITIVE);

  private final Set<String> whitelist;

  SqlValidator(Set<String> whitelist) {
    this.whitelist = whitelist;
  }

  /** @return {@code {valid, errors: [{layer, message}], tables}} */
  JsonObject validate(String sql) {
    JsonObject out = new JsonObject();
    JsonArray errors = new JsonArray();
    JsonArray tables = new JsonArray();
    String problemLayer = null;
    String problem = null;
    Set<String> found = new TreeSet<>();
    if (sql == null || sql.isBlank()) {
      problemLayer = "empty_check";
      problem = "SQL query is empty";
    } else if (FORBIDDEN.matcher(stripLiterals(sql)).find()) {
      var m = FORBIDDEN.matcher(stripLiterals(sql));
      m.find();
      problemLayer = "regex_guard";
      problem = "Forbidden SQL operation detected: " + m.group(1).toUpperCase(Locale.ROOT);
    } else {
      try {
        Statements statements = CCJSqlParserUtil.parseStatements(sql);
        if (statements.size() != 1) {
          problemLayer = "ast_parse";
          problem = "Only a single statement is allowed, found " + statements.size();
        } else if (!(statements.get(0) instanceof Select select)) {
          problemLayer = "ast_parse";
          problem = "Only SELECT statements are allowed";
        } else {
          for (String t : new TablesNamesFinder<>().getTables((net.sf.jsqlparser.statement.Statement) select)) {
            found.add(t.toLowerCase(Locale.ROOT).replace("\"", ""));
          }
          for (String t : found) {
            if (!whitelist.contains(t)) {
              problemLayer = "table_whitelist";
              problem = "Table \"" + t + "\" is not in the semantic layer";
              break;
            }
          }
        }
      } catch (JSQLParserException | RuntimeException e) {
        problemLayer = "ast_parse";
        problem = "Query could not be parsed: " + firstLine(e.getMessage());
      }
    }
    if (problemLayer != null) {
      JsonObject err = new JsonObject();
      err.addProperty("layer", problemLayer);
      err.addProperty("message", problem);
      errors.add(err);
    } else {
      found.forEach(tables::add);
    }
    out.addProperty("valid", problemLayer == null);
    out.add("errors", errors);
    out.add("tables", tables);
    return out;
  }

  private static String stripLiterals(String sql) {
    return sql.replaceAll("'([^']|'')*'", "''");
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "syntax error";
    }
    int nl = s.indexOf('\n');
    return (nl > 0 ? s.substring(0, nl) : s).trim();
  }
}
