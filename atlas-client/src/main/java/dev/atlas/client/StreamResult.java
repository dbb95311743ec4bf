package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import java.time.Duration;
import java.util.Optional;

/** How an event stream ended: what {@link AtlasListener#streamEnded} receives. */
public final class StreamResult {
  private final CallOutcome outcome;
  private final Duration duration;
  private final long events;
  private final AtlasException error;

  StreamResult(CallOutcome outcome, Duration duration, long events, AtlasException error) {
    this.outcome = outcome;
    this.duration = duration;
    this.events = events;
    this.error = error;
  }

  /**
   * @return {@link CallOutcome#SUCCESS} when the stream ended by itself, {@link CallOutcome#SERVER_ERROR}
   *     when it ended with an error frame, {@link CallOutcome#CANCELLED} when the caller closed it
   *     first, else the outcome of the failure that broke it
   */
  public CallOutcome outcome() {
    return outcome;
  }

  /** @return the time from the call's start to the stream's end */
  public Duration duration() {
    return duration;
  }

  /** @return the events delivered to the caller */
  public long events() {
    return events;
  }

  /** @return the failure that broke the stream (a dropped connection, a malformed or oversized frame), if any */
  public Optional<AtlasException> error() {
    return Optional.ofNullable(error);
  }

  @Override
  public String toString() {
    return "StreamResult{" + outcome + ", " + events + " events, " + duration.toMillis() + " ms}";
  }
}
