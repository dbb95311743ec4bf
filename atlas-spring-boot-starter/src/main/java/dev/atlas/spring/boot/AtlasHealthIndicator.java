package dev.atlas.spring.boot;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.atlas.client.AtlasClient;
import dev.atlas.client.RequestOptions;
import dev.atlas.client.generated.model.ComponentHealth;
import dev.atlas.client.generated.model.HealthComponents;
import dev.atlas.client.generated.model.HealthResponse;
import dev.atlas.client.generated.model.HealthStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Atlas in the application's health: reads the server's {@code /api/health} once per check, with a
 * timeout and no retries.
 *
 * <p>Mapping: {@code ok} is UP; {@code degraded} is UP too (the server still answers; the status
 * and its warnings are in the details), so a degraded Atlas does not take the application out of
 * its load balancer; {@code error} (a 503 with a report) is DOWN; a server that cannot be reached
 * or sends no report is DOWN with the error; a status this client does not know is UNKNOWN.
 * Details: the URL, the server's status, region and warnings, its startup checks and the status of
 * each component. The server's report is public (it needs no credentials) and the client's
 * credentials are never part of it.
 */
final class AtlasHealthIndicator implements HealthIndicator {
  private final AtlasClient client;
  private final RequestOptions options;

  AtlasHealthIndicator(AtlasClient client, Duration timeout) {
    this.client = client;
    this.options = RequestOptions.builder().timeout(timeout).maxRetries(0).build();
  }

  @Override
  public Health health() {
    HealthResponse report;
    try {
      report = client.health(options);
    } catch (RuntimeException e) { // unreachable, no report, or a closed client
      return Health.down().withDetail("url", client.baseUrl())
          .withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
    }
    HealthStatus status = report.getStatus();
    Health.Builder health = new Health.Builder(status(status)).withDetail("url", client.baseUrl())
        .withDetail("status", status == null || status == HealthStatus.UNKNOWN_DEFAULT_OPEN_API ? "unknown"
            : status.getValue());
    if (report.getRegion() != null) {
      health.withDetail("region", report.getRegion());
    }
    if (report.getWarnings() != null && !report.getWarnings().isEmpty()) {
      health.withDetail("warnings", List.copyOf(report.getWarnings()));
    }
    if (report.getChecks() != null) {
      health.withDetail("checks", plain(JsonParser.parseString(report.getChecks().toJson())));
    }
    Map<String, String> components = components(report.getComponents());
    if (!components.isEmpty()) {
      health.withDetail("components", components);
    }
    return health.build();
  }

  static Status status(HealthStatus status) {
    if (status == null) {
      return Status.UNKNOWN;
    }
    return switch (status) {
      case OK, DEGRADED -> Status.UP;
      case ERROR -> Status.DOWN;
      default -> Status.UNKNOWN;
    };
  }

  /** @return each component's name and status, e.g. datasource: healthy */
  private static Map<String, String> components(HealthComponents c) {
    Map<String, String> out = new LinkedHashMap<>();
    if (c == null) {
      return out;
    }
    put(out, "datasource", c.getDatasource());
    put(out, "internalDb", c.getInternalDb());
    put(out, "provider", c.getProvider());
    put(out, "scheduler", c.getScheduler());
    put(out, "sandbox", c.getSandbox());
    put(out, "backups", c.getBackups());
    if (c.getPlugins() != null && c.getPlugins().getStatus() != null) {
      out.put("plugins", c.getPlugins().getStatus().getValue());
    }
    return out;
  }

  private static void put(Map<String, String> out, String name, ComponentHealth h) {
    if (h != null && h.getStatus() != null) {
      out.put(name, h.getStatus().getValue());
    }
  }

  /** @return the JSON as maps, lists, strings, booleans and numbers, which any JSON writer renders */
  static Object plain(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (e instanceof JsonObject o) {
      Map<String, Object> map = new LinkedHashMap<>();
      o.entrySet().forEach(entry -> map.put(entry.getKey(), plain(entry.getValue())));
      return map;
    }
    if (e instanceof JsonArray a) {
      List<Object> list = new ArrayList<>();
      a.forEach(item -> list.add(plain(item)));
      return list;
    }
    JsonPrimitive p = e.getAsJsonPrimitive();
    if (p.isBoolean()) {
      return p.getAsBoolean();
    }
    if (p.isNumber()) {
      double d = p.getAsDouble();
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
    }
    return p.getAsString();
  }
}
