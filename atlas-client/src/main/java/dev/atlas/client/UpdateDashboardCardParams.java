package dev.atlas.client;

import dev.atlas.client.generated.model.CardAnnotation;
import dev.atlas.client.generated.model.CardLayout;
import dev.atlas.client.generated.model.ChartConfig;
import dev.atlas.client.generated.model.UpdateDashboardCardRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The changes of {@link DashboardCards#update(String, String, UpdateDashboardCardParams)}
 * (operation {@code updateDashboardCard}). Immutable; start from {@link #defaults()}; only the
 * fields set are sent, the server keeps the others. The change goes to the caller's private draft
 * and is seen by others only after {@link DashboardDrafts#publish(String)}.
 *
 * @param title the new title, or null to keep it
 * @param sql the new SQL, or null to keep it
 * @param chartConfig the new chart settings, or null to keep them
 * @param annotations the new annotations (copied), or null to keep them
 * @param position the new position, or null to keep it
 * @param layout the new grid place, or null to keep it
 */
public record UpdateDashboardCardParams(String title, String sql, ChartConfig chartConfig,
    List<CardAnnotation> annotations, Integer position, CardLayout layout) {
  /** Copies the list. */
  public UpdateDashboardCardParams {
    annotations = annotations == null ? null : List.copyOf(annotations);
  }

  /** @return nothing set */
  public static UpdateDashboardCardParams defaults() {
    return new UpdateDashboardCardParams(null, null, null, null, null, null);
  }

  /** @param title the new title @return a copy with it set */
  public UpdateDashboardCardParams withTitle(String title) {
    return new UpdateDashboardCardParams(title, sql, chartConfig, annotations, position, layout);
  }

  /** @param sql the new SQL (may use the dashboard's parameters as {@code :key}) @return a copy with it set */
  public UpdateDashboardCardParams withSql(String sql) {
    return new UpdateDashboardCardParams(title, sql, chartConfig, annotations, position, layout);
  }

  /** @param chartConfig the new chart settings @return a copy with it set */
  public UpdateDashboardCardParams withChartConfig(ChartConfig chartConfig) {
    return new UpdateDashboardCardParams(title, sql, chartConfig, annotations, position, layout);
  }

  /** @param annotations the new annotations @return a copy with them set */
  public UpdateDashboardCardParams withAnnotations(List<CardAnnotation> annotations) {
    return new UpdateDashboardCardParams(title, sql, chartConfig, annotations, position, layout);
  }

  /** @param position the new position @return a copy with it set */
  public UpdateDashboardCardParams withPosition(Integer position) {
    return new UpdateDashboardCardParams(title, sql, chartConfig, annotations, position, layout);
  }

  /** @param layout the new grid place @return a copy with it set */
  public UpdateDashboardCardParams withLayout(CardLayout layout) {
    return new UpdateDashboardCardParams(title, sql, chartConfig, annotations, position, layout);
  }

  UpdateDashboardCardRequest toRequest() {
    UpdateDashboardCardRequest r = new UpdateDashboardCardRequest().title(title).sql(sql).chartConfig(chartConfig)
        .position(position).layout(layout);
    return annotations == null ? r : r.annotations(new ArrayList<>(annotations));
  }
}
