package dev.atlas.client;

/**
 * Which version of a dashboard a call reads or runs: the published one everybody sees, or the
 * caller's private draft (sent as {@code view=draft}).
 */
public enum DashboardView {
  /** The published dashboard and its shared card cache (the server's default). */
  PUBLISHED("published"),
  /** The caller's private draft and its private card cache (falls back to published when there is none). */
  DRAFT("draft");

  private final String wire;

  DashboardView(String wire) {
    this.wire = wire;
  }

  /** @return the value of the {@code view} query parameter */
  public String wireValue() {
    return wire;
  }
}
