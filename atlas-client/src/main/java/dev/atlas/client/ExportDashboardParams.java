package dev.atlas.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The parameter values and size bound of an export ({@link DashboardFiles#export}, operation
 * {@code exportDashboard}). Immutable; with nothing set the dashboard's default parameter values
 * apply and the file may be at most {@link #DEFAULT_MAX_BYTES}.
 *
 * @param parameters parameter key to value (text, a number or null), copied; empty sends none
 * @param maxBytes the largest file accepted; a larger one fails with
 *     {@link dev.atlas.client.errors.AtlasInvalidResponseException} (and a partly written file is removed)
 */
public record ExportDashboardParams(Map<String, Object> parameters, long maxBytes) {
  /** The default size bound: 256 MiB. */
  public static final long DEFAULT_MAX_BYTES = 256L << 20;

  /** Copies the map and checks the bound. */
  public ExportDashboardParams {
    parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
    }
  }

  /** @return default parameter values, the default size bound */
  public static ExportDashboardParams defaults() {
    return new ExportDashboardParams(Map.of(), DEFAULT_MAX_BYTES);
  }

  /**
   * @param key the parameter key
   * @param value its value: text, a number or null
   * @return a copy with it set
   */
  public ExportDashboardParams withParameter(String key, Object value) {
    Map<String, Object> m = new LinkedHashMap<>(parameters);
    m.put(Objects.requireNonNull(key, "key"), value);
    return new ExportDashboardParams(m, maxBytes);
  }

  /** @param maxBytes the largest file accepted @return a copy with it set */
  public ExportDashboardParams withMaxBytes(long maxBytes) {
    return new ExportDashboardParams(parameters, maxBytes);
  }
}
