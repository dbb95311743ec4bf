package dev.atlas.client;

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
 * client.query("Revenue by region", QueryParams.defaults(),
 *     RequestOptions.builder().timeout(Duration.ofMinutes(5)).header("X-Trace", "abc").build());
 * }</pre>
 */
public final class RequestOptions {
  private static final RequestOptions DEFAULTS = new RequestOptions(null, Map.of(), null, false);

  private final Duration timeout;
  private final Map<String, String> headers;
  private final Integer maxRetries;
  private final boolean retryUnsafe;

  private RequestOptions(Duration timeout, Map<String, String> headers, Integer maxRetries, boolean retryUnsafe) {
    this.timeout = timeout;
    this.headers = headers;
    this.maxRetries = maxRetries;
    this.retryUnsafe = retryUnsafe;
  }

  /** @return options that change nothing: the client's settings apply */
  public static RequestOptions defaults() {
    return DEFAULTS;
  }

  /**
   * @return options that change nothing
   * @deprecated use {@link #defaults()}, the name every input value of the SDK starts from
   */
  @Deprecated
  public static RequestOptions none() {
    return DEFAULTS;
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

  /** @return retries allowed for this call, overriding the client's policy, if set */
  public Optional<Integer> maxRetries() {
    return Optional.ofNullable(maxRetries);
  }

  /**
   * @return whether this call may be retried like an idempotent one even though it acts or costs
   *     (a query, a trigger, ...): the caller accepts that it may run twice
   */
  public boolean retryUnsafe() {
    return retryUnsafe;
  }

  /** @return the header names (never their values), timeout and retry settings */
  @Override
  public String toString() {
    return "RequestOptions{timeout=" + timeout + ", headers=" + headers.keySet() + ", maxRetries=" + maxRetries
        + ", retryUnsafe=" + retryUnsafe + "}";
  }

  /** Builder of {@link RequestOptions}. Not thread-safe. */
  public static final class Builder {
    private Duration timeout;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Integer maxRetries;
    private boolean retryUnsafe;

    private Builder() {}

    /**
     * Starts from existing options.
     *
     * @param options the options to copy
     * @return this
     */
    public Builder from(RequestOptions options) {
      this.timeout = options.timeout;
      this.headers.putAll(options.headers);
      this.maxRetries = options.maxRetries;
      this.retryUnsafe = options.retryUnsafe;
      return this;
    }

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

    /**
     * @param maxRetries retries for this call (0 disables), overriding the client's policy
     * @return this
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must not be negative");
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Lets a call that acts or costs (query, chat, trigger, create, rollback, test connection,
     * share) be retried on any retryable failure, not only when it provably did not run.
     *
     * @param retryUnsafe true to accept that the call may run twice
     * @return this
     */
    public Builder retryUnsafe(boolean retryUnsafe) {
      this.retryUnsafe = retryUnsafe;
      return this;
    }

    /** @return the options */
    public RequestOptions build() {
      return new RequestOptions(timeout, Collections.unmodifiableMap(new LinkedHashMap<>(headers)), maxRetries,
          retryUnsafe);
    }
  }
}
