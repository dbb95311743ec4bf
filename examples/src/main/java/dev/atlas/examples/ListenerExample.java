package dev.atlas.examples;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.AtlasListener;
import dev.atlas.client.AtlasStream;
import dev.atlas.client.CallInfo;
import dev.atlas.client.CallResult;
import dev.atlas.client.StreamResult;
import dev.atlas.client.errors.AtlasException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Feed metrics from the client's listener: calls counted per operation and outcome, total time,
 * retries, and streams timed to their first event. Plain counters here; a Micrometer or
 * OpenTelemetry listener has the same shape (the Spring Boot starter ships one).
 */
public final class ListenerExample {
  private ListenerExample() {}

  /** Counters keyed by name, e.g. {@code calls{operation=query,outcome=SUCCESS}}. */
  static final class Counters implements AtlasListener {
    final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    final Map<String, LongAdder> millis = new ConcurrentHashMap<>();

    private void add(Map<String, LongAdder> map, String key, long n) {
      map.computeIfAbsent(key, k -> new LongAdder()).add(n);
    }

    @Override
    public void callEnded(CallInfo call, CallResult result) {
      String key = "calls{operation=" + call.operation() + ",outcome=" + result.outcome() + "}";
      add(counts, key, 1);
      add(millis, key, result.duration().toMillis());
    }

    @Override
    public void retrying(CallInfo call, int attempt, AtlasException failure, Duration delay) {
      add(counts, "retries{operation=" + call.operation() + "}", 1);
    }

    @Override
    public void streamFirstEvent(CallInfo call, Duration sinceStart) {
      add(counts, "stream.first-event{operation=" + call.operation() + "}", 1);
      add(millis, "stream.first-event{operation=" + call.operation() + "}", sinceStart.toMillis());
    }

    @Override
    public void streamEnded(CallInfo call, StreamResult result) {
      add(counts, "streams{outcome=" + result.outcome() + "}", 1);
    }
  }

  /**
   * Runs the example.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    Examples.runAlone("ListenerExample", ListenerExample::run);
  }

  static void run(AtlasClient atlas) {
    Examples.heading("Listener: metrics");
    Counters counters = new Counters();
    // a derived client with the listener; it shares the connection pool of the one it came from
    try (AtlasClient observed = atlas.withOptions(b -> b.addListener(counters))) {
      observed.validateSql("SELECT 1");
      observed.starterPrompts();
      // the stream's conversation is deleted again on a real server, as everything the examples create
      try (Cleanup cleanup = new Cleanup(observed);
          AtlasStream stream = observed.streamQuery("How many orders were placed last week?")) {
        stream.conversationId().ifPresent(cleanup::conversation);
        stream.forEach(e -> { });
      }
      try {
        observed.conversations().get("00000000-0000-0000-0000-000000000000");
      } catch (AtlasException e) {
        System.out.println("(a failed call is counted too: " + e.code().wireValue() + ")");
      }
    }
    new TreeMap<>(counters.counts).forEach((name, n) -> {
      LongAdder ms = counters.millis.get(name);
      System.out.println("  " + name + " = " + n.sum() + (ms == null ? "" : ", " + ms.sum() + " ms in all"));
    });
    if (counters.counts.keySet().stream().noneMatch(k -> k.startsWith("calls{operation=validateSql"))) {
      throw new IllegalStateException("the listener heard no validateSql call");
    }
  }
}
