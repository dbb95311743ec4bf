package dev.atlas.client;

import dev.atlas.client.generated.model.ConnectionHealth;
import dev.atlas.client.generated.model.ConnectionInfo;
import dev.atlas.client.generated.model.HealthResponse;
import dev.atlas.client.time.AtlasTimestamp;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The last health result of a datasource or connection, typed: what the health report's
 * {@code sources} and each connection's {@code health} hold (the spec leaves both untyped, since
 * their shape varies by source; typing the generated getters would change their types).
 *
 * <pre>{@code SourceHealth.of(connection.getHealth()).flatMap(SourceHealth::checkedAt)
 * SourceHealth.sources(atlas.health()).forEach((id, h) -> ...)}</pre>
 */
public final class SourceHealth {
  private final Map<String, Object> fields;

  private SourceHealth(Map<String, Object> fields) {
    this.fields = fields;
  }

  /**
   * @param health a connection's {@code getHealth()} or one value of the report's {@code getSources()}
   * @return its typed view; empty when it is null or not a JSON object
   */
  public static Optional<SourceHealth> of(Object health) {
    if (!(health instanceof Map<?, ?> m)) {
      return Optional.empty();
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    m.forEach((k, v) -> copy.put(String.valueOf(k), v));
    return Optional.of(new SourceHealth(Collections.unmodifiableMap(copy)));
  }

  /**
   * @param report the health report
   * @return each source's health by source id, in the server's order (empty when it sent none)
   */
  public static Map<String, SourceHealth> sources(HealthResponse report) {
    Objects.requireNonNull(report, "report");
    Map<String, SourceHealth> out = new LinkedHashMap<>();
    if (report.getSources() != null) {
      report.getSources().forEach((id, h) -> of(h).ifPresent(s -> out.put(id, s)));
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * A connection's last health result as the {@link ConnectionHealth} that testing a connection
   * answers: the server always sends its status, latency and check time. The spec leaves
   * {@code health} untyped (1.0.0's getter returns {@code Object}), so this converts it.
   *
   * @param connection a connection of {@code atlas.admin().connections()}
   * @return its health; empty when it has none, or when it lacks one of the three (then
   *     {@link #of(Object)} still reads what is there)
   */
  public static Optional<ConnectionHealth> connectionHealth(ConnectionInfo connection) {
    Objects.requireNonNull(connection, "connection");
    if (!(connection.getHealth() instanceof Map<?, ?> m)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.gson().fromJson(Json.gson().toJsonTree(m), ConnectionHealth.class));
    } catch (RuntimeException e) {
      return Optional.empty(); // a required field missing or of another type
    }
  }

  /** @return the state as sent ({@code healthy}, {@code degraded}, {@code unhealthy}, or a newer one) */
  public Optional<String> status() {
    return text("status");
  }

  /** @return the latency of the check in milliseconds, when sent */
  public OptionalDouble latencyMs() {
    Object v = fields.get("latencyMs");
    return v instanceof Number n ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
  }

  /** @return the detail, when sent */
  public Optional<String> message() {
    return text("message");
  }

  /** @return when it was checked: parsed when the text is a known form, the raw text kept */
  public Optional<AtlasTimestamp> checkedAt() {
    return text("checkedAt").map(AtlasTimestamp::parse);
  }

  /** @return every field as sent, the typed ones included */
  public Map<String, Object> fields() {
    return fields;
  }

  private Optional<String> text(String name) {
    Object v = fields.get(name);
    return v instanceof String s ? Optional.of(s) : Optional.empty();
  }

  @Override
  public String toString() {
    return "SourceHealth" + fields;
  }
}
