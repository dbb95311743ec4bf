package dev.atlas.client;

import java.time.Duration;
import okhttp3.Headers;

/**
 * Where the calls made inside {@link AtlasClient#withRawResponse} leave their HTTP answer: the
 * function is given a view of the client bound to one capture, and each call made through that
 * view records into it (the last one wins). An explicit value, not a thread's state: it follows
 * the view into other threads and into nested captures.
 */
final class RawCapture {

  private volatile int status;
  private volatile Headers headers;
  private volatile String body;
  private volatile int attempts;
  private volatile Duration duration;

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
