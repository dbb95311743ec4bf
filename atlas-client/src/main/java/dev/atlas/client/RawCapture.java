package dev.atlas.client;

import java.time.Duration;
import okhttp3.Headers;

/**
 * Where the calls made inside {@link AtlasClient#withRawResponse} leave their HTTP answer: set for
 * the calling thread while the caller's function runs; each call records into it (the last one wins).
 */
final class RawCapture {
  private static final ThreadLocal<RawCapture> CURRENT = new ThreadLocal<>();

  private volatile int status;
  private volatile Headers headers;
  private volatile String body;
  private volatile int attempts;
  private volatile Duration duration;

  /** @return the capture the current thread's calls record into, or null */
  static RawCapture current() {
    return CURRENT.get();
  }

  /**
   * Makes this the current thread's capture until {@link #restore(RawCapture)}.
   *
   * @return the capture it replaces (an enclosing {@code withRawResponse}), or null
   */
  RawCapture bind() {
    RawCapture previous = CURRENT.get();
    CURRENT.set(this);
    return previous;
  }

  /** @param previous what {@link #bind()} returned: it is the current thread's capture again */
  static void restore(RawCapture previous) {
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }

  void responded(int status, Headers headers, int attempts, Duration sinceStart) {
    this.status = status;
    this.headers = headers;
    this.body = null;
    this.attempts = attempts;
    this.duration = sinceStart;
  }

  void body(String text) {
    this.body = text;
  }

  /**
   * @param <T> the result type
   * @param result what the caller's function returned
   * @return the raw response
   * @throws IllegalStateException if the function made no call that got an answer
   */
  <T> RawResponse<T> toResponse(T result) {
    if (headers == null) {
      throw new IllegalStateException("The function passed to withRawResponse made no Atlas call");
    }
    return new RawResponse<>(status, headers.toMultimap(), body, result, attempts, duration);
  }
}
