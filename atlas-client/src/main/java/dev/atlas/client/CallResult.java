package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** How a call ended: what {@link AtlasListener#callEnded} receives. */
public final class CallResult {
  private final CallOutcome outcome;
  private final int status;
  private final Duration duration;
  private final int attempts;
  private final AtlasException error;
  private final String requestId;

  CallResult(CallOutcome outcome, int status, Duration duration, int attempts, AtlasException error, String requestId) {
    this.outcome = outcome;
    this.status = status;
    this.duration = duration;
    this.attempts = attempts;
    this.error = error;
    this.requestId = requestId;
  }

  /** @return the outcome, fit for a metric tag */
  public CallOutcome outcome() {
    return outcome;
  }

  /** @return the HTTP status of the last answer; empty when no answer came (a connection failure, a cancellation) */
  public OptionalInt status() {
    return status > 0 ? OptionalInt.of(status) : OptionalInt.empty();
  }

  /** @return the time from the call's start to its end, retries and their waits included; for a stream, until it opened */
  public Duration duration() {
    return duration;
  }

  /** @return the attempts made, 1 when the call was not retried */
  public int attempts() {
    return attempts;
  }

  /** @return the failure the caller received; empty on success and on cancellation */
  public Optional<AtlasException> error() {
    return Optional.ofNullable(error);
  }

  /** @return the request id the server gave (an {@code X-Request-Id} header or the error body's), if any */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  @Override
  public String toString() {
    return "CallResult{" + outcome + (status > 0 ? ", status " + status : "") + ", " + duration.toMillis() + " ms, "
        + attempts + (attempts == 1 ? " attempt" : " attempts") + "}";
  }
}
