package dev.atlas.spring.boot;

import dev.atlas.client.AtlasListener;
import dev.atlas.client.CallInfo;
import dev.atlas.client.CallResult;
import dev.atlas.client.StreamResult;
import dev.atlas.client.errors.AtlasException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Records every call of the client in Micrometer (names and tags in the README): a timer per
 * operation, outcome and status, a counter of retries, and for streams the time to the first event
 * and to the end. Every tag has a bounded set of values.
 */
final class AtlasMetricsListener implements AtlasListener {
  static final String CALLS = "atlas.client.calls";
  static final String RETRIES = "atlas.client.retries";
  static final String STREAM_FIRST_EVENT = "atlas.client.stream.first-event";
  static final String STREAM_DURATION = "atlas.client.stream.duration";

  private final MeterRegistry registry;

  AtlasMetricsListener(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void callEnded(CallInfo call, CallResult result) {
    String status = result.status().isPresent() ? Integer.toString(result.status().getAsInt()) : "NONE";
    Timer.builder(CALLS)
        .description("Calls of the Atlas API, retries included (for a stream: until it opened)")
        .tag("operation", call.operation())
        .tag("outcome", result.outcome().name())
        .tag("status", status)
        .register(registry)
        .record(result.duration());
  }

  @Override
  public void retrying(CallInfo call, int attempt, AtlasException failure, Duration delay) {
    Counter.builder(RETRIES)
        .description("Failed attempts of Atlas API calls that were retried")
        .tag("operation", call.operation())
        .register(registry)
        .increment();
  }

  @Override
  public void streamFirstEvent(CallInfo call, Duration sinceStart) {
    Timer.builder(STREAM_FIRST_EVENT)
        .description("Time from the start of an Atlas stream's call to its first event")
        .tag("operation", call.operation())
        .register(registry)
        .record(sinceStart);
  }

  @Override
  public void streamEnded(CallInfo call, StreamResult result) {
    Timer.builder(STREAM_DURATION)
        .description("Time from the start of an Atlas stream's call to its end")
        .tag("operation", call.operation())
        .tag("outcome", result.outcome().name())
        .register(registry)
        .record(result.duration());
  }
}
