package dev.atlas.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Prints result rows as an aligned text table. */
public final class Tables {
  private Tables() {}

  /**
   * Prints rows under their column names, each column as wide as its widest value.
   *
   * @param columns column names, in order
   * @param rows rows keyed by column name; values are printed as the server sent them
   */
  public static void print(List<String> columns, List<Map<String, Object>> rows) {
    int[] width = new int[columns.size()];
    List<String[]> cells = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      width[i] = columns.get(i).length();
    }
    for (Map<String, Object> row : rows) {
      String[] line = new String[columns.size()];
      for (int i = 0; i < columns.size(); i++) {
        Object v = row.get(columns.get(i));
        line[i] = v == null ? "NULL" : String.valueOf(v);
        width[i] = Math.max(width[i], line[i].length());
      }
      cells.add(line);
    }
    StringBuilder sb = new StringBuilder();
    appendLine(sb, columns.toArray(String[]::new), width);
    for (int i = 0; i < width.length; i++) {
      sb.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
    }
    sb.append('\n');
    cells.forEach(line -> appendLine(sb, line, width));
    System.out.print(sb);
  }

  private static void appendLine(StringBuilder sb, String[] values, int[] width) {
    for (int i = 0; i < values.length; i++) {
      sb.append(i == 0 ? "" : " | ").append(String.format("%-" + width[i] + "s", values[i]));
    }
    sb.append('\n');
  }
}
