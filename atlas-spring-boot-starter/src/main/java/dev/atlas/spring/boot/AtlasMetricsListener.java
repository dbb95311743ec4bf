package dev.atlas.spring.boot;

import dev.atlas.client.AtlasListener;
import dev.atlas.client.CallInfo;
import dev.atlas.client.CallResult;
import dev.atlas.client.StreamResult;
import dev.atlas.client.errors.AtlasException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
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

  private final Meter.MeterProvider<Timer> calls;
  private final Meter.MeterProvider<Counter> retries;
  private final Meter.MeterProvider<Timer> firstEvents;
  private final Meter.MeterProvider<Timer> streams;

  /** The meters' names and descriptions are set once; each call only names its tags. */
  AtlasMetricsListener(MeterRegistry registry) {
    this.calls = Timer.builder(CALLS)
        .description("Calls of the Atlas API, retries included (for a stream: until it opened)")
        .withRegistry(registry);
    this.retries = Counter.builder(RETRIES)
        .description("Failed attempts of Atlas API calls that were retried")
        .withRegistry(registry);
    this.firstEvents = Timer.builder(STREAM_FIRST_EVENT)
        .description("Time from the start of an Atlas stream's call to its first event")
        .withRegistry(registry);
    this.streams = Timer.builder(STREAM_DURATION)
        .description("Time from the start of an Atlas stream's call to its end")
        .withRegistry(registry);
  }

  @Override
  public void callEnded(CallInfo call, CallResult result) {
    String status = result.status().isPresent() ? Integer.toString(result.status().getAsInt()) : "NONE";
    calls.withTags("operation", call.operation(), "outcome", result.outcome().name(), "status", status)
        .record(result.duration());
  }

  @Override
  public void retrying(CallInfo call, int attempt, AtlasException failure, Duration delay) {
    retries.withTags("operation", call.operation()).increment();
  }

  @Override
  public void streamFirstEvent(CallInfo call, Duration sinceStart) {
    firstEvents.withTags("operation", call.operation()).record(sinceStart);
  }

  @Override
  public void streamEnded(CallInfo call, StreamResult result) {
    streams.withTags("operation", call.operation(), "outcome", result.outcome().name()).record(result.duration());
  }
}
