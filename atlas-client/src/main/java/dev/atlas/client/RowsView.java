package dev.atlas.client;

import com.google.gson.JsonArray;
import java.util.AbstractList;
import java.util.Map;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The rows of a tool result as an unmodifiable list of maps, converted from the JSON tree row by
 * row when first read: a caller who never looks at the rows pays nothing for them. Thread-safe.
 */
final class RowsView extends AbstractList<Map<String, Object>> implements RandomAccess {
  private final JsonArray rows;
  private final AtomicReferenceArray<Map<String, Object>> converted;

  /** @param rows an array whose every element is a JSON object */
  RowsView(JsonArray rows) {
    this.rows = rows;
    this.converted = new AtomicReferenceArray<>(rows.size());
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<String, Object> get(int index) {
    Map<String, Object> m = converted.get(index);
    if (m == null) {
      m = (Map<String, Object>) FrameDecoder.plain(rows.get(index));
      converted.compareAndSet(index, null, m);
      m = converted.get(index);
    }
    return m;
  }

  @Override
  public int size() {
    return rows.size();
  }
}
