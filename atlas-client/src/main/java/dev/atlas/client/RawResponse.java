package dev.atlas.client;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A call's HTTP answer as well as its result: what {@link AtlasClient#withRawResponse} returns.
 * When the function made several calls (e.g. a pager fetching pages), it describes the last one.
 *
 * @param <T> the result type
 */
public final class RawResponse<T> {
  private final int status;
  private final Map<String, List<String>> headers;
  private final String body;
  private final T result;
  private final int attempts;
  private final Duration duration;

  RawResponse(int status, Map<String, List<String>> headers, String body, T result, int attempts, Duration duration) {
    this.status = status;
    Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(headers);
    this.headers = Collections.unmodifiableMap(h);
    this.body = body;
    this.result = result;
    this.attempts = attempts;
    this.duration = duration;
  }

  /** @return the HTTP status */
  public int status() {
    return status;
  }

  /** @return the response headers, names case-insensitive (lower case as HTTP/2 sends them) */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * @param name a header name, case-insensitive
   * @return its first value, if the response has it
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** @return the request id the server sent in {@code X-Request-Id}, if it sent one */
  public Optional<String> requestId() {
    return header("X-Request-Id");
  }

  /**
   * @return the JSON body exactly as received (before parsing); empty for operations without a body
   *     and for streams, whose body is read through the result
   */
  public Optional<String> bodyText() {
    return Optional.ofNullable(body);
  }

  /** @return what the function returned: the parsed result of the call */
  public T result() {
    return result;
  }

  /** @return the attempts the last call made, 1 when it was not retried */
  public int attempts() {
    return attempts;
  }

  /** @return the time from the last call's start to its answer's headers, retries included */
  public Duration duration() {
    return duration;
  }

  @Override
  public String toString() {
    return "RawResponse{status " + status + ", " + headers.size() + " headers, "
        + (body == null ? "no body text" : body.length() + " chars of body") + ", " + attempts
        + (attempts == 1 ? " attempt}" : " attempts}");
  }
}
