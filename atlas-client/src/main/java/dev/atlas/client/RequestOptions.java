package dev.atlas.client;

import dev.atlas.client.internal.HeaderChecks;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings for one call that override the client's: a timeout for the whole call and extra
 * headers. Immutable and thread-safe; reuse instances freely.
 *
 * <pre>{@code
 * client.query("Revenue by region", QueryOptions.none(),
 *     RequestOptions.builder().timeout(Duration.ofMinutes(5)).header("X-Trace", "abc").build());
 * }</pre>
 */
public final class RequestOptions {
  private static final RequestOptions NONE = new RequestOptions(null, Map.of());

  private final Duration timeout;
  private final Map<String, String> headers;

  private RequestOptions(Duration timeout, Map<String, String> headers) {
    this.timeout = timeout;
    this.headers = headers;
  }

  /** @return options that change nothing */
  public static RequestOptions none() {
    return NONE;
  }

  /** @return a builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the timeout of the whole call (connect, send, wait, read), if set */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** @return extra headers, in insertion order; they override the client's default headers */
  public Map<String, String> headers() {
    return headers;
  }

  @Override
  public String toString() {
    return "RequestOptions{timeout=" + timeout + ", headers=" + headers.keySet() + "}";
  }

  /** Builder of {@link RequestOptions}. Not thread-safe. */
  public static final class Builder {
    private Duration timeout;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * @param timeout the whole-call timeout; must be positive
     * @return this
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Adds a header to this call.
     *
     * @param name header name
     * @param value header value; control characters such as CR and LF are rejected
     * @return this
     * @throws IllegalArgumentException if the name or value is not a valid header
     */
    public Builder header(String name, String value) {
      HeaderChecks.check(name, value);
      headers.put(name, value);
      return this;
    }

    /** @return the options */
    public RequestOptions build() {
      return new RequestOptions(timeout, Collections.unmodifiableMap(new LinkedHashMap<>(headers)));
    }
  }
}
