package dev.atlas.client;

import com.google.gson.internal.LazilyParsedNumber;
import dev.atlas.client.generated.model.QueryResponse;
import dev.atlas.client.generated.model.QueryResultSet;
import java.util.List;
import java.util.Map;

/**
 * Gives a query's rows the same number type as a stream's rows: the generated Gson reads untyped
 * numbers exactly but as Gson's internal {@code LazilyParsedNumber}; the SDK promises
 * {@link ExactNumber}, so each number in a row (nested lists and objects included) is swapped in
 * place, keeping its text.
 */
final class ExactRows {
  private ExactRows() {}

  /**
   * @param response a parsed query response
   * @return the same response, its rows' numbers now {@link ExactNumber}s
   */
  static QueryResponse in(QueryResponse response) {
    List<QueryResultSet> data = response.getData();
    if (data != null) {
      for (QueryResultSet set : data) {
        List<Map<String, Object>> rows = set.getRows();
        if (rows != null) {
          for (Map<String, Object> row : rows) {
            if (row != null) {
              row.replaceAll((column, value) -> exact(value));
            }
          }
        }
      }
    }
    return response;
  }

  /**
   * @param rows parsed rows of any response (execute-sql, a metric's run), or null
   * @return the same rows, their numbers now {@link ExactNumber}s
   */
  static List<Map<String, Object>> rows(List<Map<String, Object>> rows) {
    if (rows != null) {
      for (Map<String, Object> row : rows) {
        if (row != null) {
          row.replaceAll((column, value) -> exact(value));
        }
      }
    }
    return rows;
  }

  /**
   * @param value any parsed value (a metric's value)
   * @return it, a number in it now an {@link ExactNumber}
   */
  @SuppressWarnings("unchecked")
  static Object exact(Object value) {
    if (value instanceof LazilyParsedNumber n) {
      return new ExactNumber(n.toString());
    }
    if (value instanceof Map<?, ?> m) {
      ((Map<Object, Object>) m).replaceAll((k, v) -> exact(v));
    } else if (value instanceof List<?> l) {
      ((List<Object>) l).replaceAll(ExactRows::exact);
    }
    return value;
  }
}
