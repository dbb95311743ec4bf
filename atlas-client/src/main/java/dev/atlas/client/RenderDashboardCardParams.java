package dev.atlas.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The parameter values and version of {@link DashboardCards#render(String, String,
 * RenderDashboardCardParams)} (operation {@code renderDashboardCard}). Immutable; with nothing set
 * the published card runs with the dashboard's default parameter values. Nothing is stored.
 *
 * @param parameters parameter key to value (text, a number or null), copied; empty sends none
 * @param view which version of the card runs, or null (published)
 */
public record RenderDashboardCardParams(Map<String, Object> parameters, DashboardView view) {
  /** Copies the map (keeping nulls, which a parameter may take). */
  public RenderDashboardCardParams {
    parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** @return defaults: the published card with default parameter values */
  public static RenderDashboardCardParams defaults() {
    return new RenderDashboardCardParams(Map.of(), null);
  }

  /**
   * @param key the parameter key (as {@code :key} in the card's SQL)
   * @param value its value: text, a number or null
   * @return a copy with it set
   */
  public RenderDashboardCardParams withParameter(String key, Object value) {
    Map<String, Object> m = new LinkedHashMap<>(parameters);
    m.put(Objects.requireNonNull(key, "key"), value);
    return new RenderDashboardCardParams(m, view);
  }

  /** @param view which version runs @return a copy with it set */
  public RenderDashboardCardParams withView(DashboardView view) {
    return new RenderDashboardCardParams(parameters, view);
  }

  String viewValue() {
    return view == null ? null : view.wireValue();
  }
}
