package dev.atlas.client;

import java.util.Map;

/**
 * The inputs of {@link SemanticLayer#runMetric(String, RunMetricParams)} besides the metric's id.
 * Immutable; start from {@link #defaults()}; null components are not sent.
 *
 * @param connectionId the connection to run on, or null for the metric's own
 * @param filters filters by dimension, or null; Atlas 1.0.0 accepts only an empty map (400
 *     {@code invalid_request} for any filter)
 */
public record RunMetricParams(String connectionId, Map<String, Object> filters) {
  /** Copies the filters. */
  public RunMetricParams {
    filters = filters == null ? null : Map.copyOf(filters);
  }

  /** @return nothing set: the metric's own connection, no filters */
  public static RunMetricParams defaults() {
    return new RunMetricParams(null, null);
  }

  /** @param connectionId the connection @return a copy with it set */
  public RunMetricParams withConnectionId(String connectionId) {
    return new RunMetricParams(connectionId, filters);
  }

  /** @param filters the filters (copied) @return a copy with them set */
  public RunMetricParams withFilters(Map<String, Object> filters) {
    return new RunMetricParams(connectionId, filters);
  }
}
