package dev.atlas.client.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * How the client retries failed calls. Immutable.
 *
 * <p>What is retried (see the README's table): an error the server or the contract marks
 * retryable, or a connection failure, for idempotent calls (GET, PUT, DELETE, the star PATCH,
 * and the read-only POSTs {@code validateSql} and {@code pluginHealth}). Calls that act or cost
 * (query, chat, trigger, create, rollback, test connection, share) are retried only when the
 * request provably did not run: a retryable 429 or a failure to connect; a call can opt in to
 * full retries with {@code RequestOptions.retryUnsafe(true)}. A stream is never retried once it
 * has started.
 *
 * <p>The wait: the server's {@code retryAfterSeconds} or {@code Retry-After} when given, capped at
 * {@link #maxRetryAfter()}; otherwise {@code initialBackoff * 2^(retry-1)}, capped at
 * {@link #maxBackoff()}, with jitter (a random half of it is taken off).
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = builder().build();

  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;
  private final boolean jitter;

  private RetryPolicy(Builder b) {
    this.maxRetries = b.maxRetries;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxRetryAfter = b.maxRetryAfter;
    this.jitter = b.jitter;
  }

  /** @return 2 retries, 0.5 s initial backoff, 8 s maximum backoff, server delays capped at 60 s, jitter */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** @return a policy that never retries */
  public static RetryPolicy none() {
    return builder().maxRetries(0).build();
  }

  /** @return a builder with the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder with this policy's settings */
  public Builder toBuilder() {
    return new Builder().maxRetries(maxRetries).initialBackoff(initialBackoff).maxBackoff(maxBackoff)
        .maxRetryAfter(maxRetryAfter).jitter(jitter);
  }

  /** @return retries after the first attempt (0: none) */
  public int maxRetries() {
    return maxRetries;
  }

  /** @return the first computed backoff */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** @return the largest computed backoff */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** @return the longest server-requested delay the client will wait */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** @return whether computed backoffs are randomized */
  public boolean jitter() {
    return jitter;
  }

  /**
   * The wait before a retry.
   *
   * @param retry which retry, from 1
   * @param serverDelay the delay the server asked for, if any
   * @param random a source of uniform doubles in [0, 1)
   * @return the wait
   */
  public Duration delay(int retry, Optional<Duration> serverDelay, DoubleSupplier random) {
    if (serverDelay.isPresent()) {
      Duration d = serverDelay.get();
      return d.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : d;
    }
    double nanos = initialBackoff.toNanos() * Math.pow(2, Math.max(0, retry - 1));
    nanos = Math.min(nanos, maxBackoff.toNanos());
    if (jitter) {
      nanos = nanos * (0.5 + 0.5 * random.getAsDouble());
    }
    return Duration.ofNanos((long) nanos);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxRetries=" + maxRetries + ", initialBackoff=" + initialBackoff + ", maxBackoff=" + maxBackoff
        + ", maxRetryAfter=" + maxRetryAfter + ", jitter=" + jitter + "}";
  }

  /** Builder of {@link RetryPolicy}. */
  public static final class Builder {
    private int maxRetries = 2;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(8);
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private boolean jitter = true;

    private Builder() {}

    /** @param n retries after the first attempt, 0 to disable @return this */
    public Builder maxRetries(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("maxRetries must not be negative");
      }
      this.maxRetries = n;
      return this;
    }

    /** @param d the first computed backoff @return this */
    public Builder initialBackoff(Duration d) {
      this.initialBackoff = positive("initialBackoff", d);
      return this;
    }

    /** @param d the largest computed backoff @return this */
    public Builder maxBackoff(Duration d) {
      this.maxBackoff = positive("maxBackoff", d);
      return this;
    }

    /** @param d the longest server-requested delay honoured (longer ones are cut to this) @return this */
    public Builder maxRetryAfter(Duration d) {
      this.maxRetryAfter = positive("maxRetryAfter", d);
      return this;
    }

    /** @param jitter whether to randomize computed backoffs @return this */
    public Builder jitter(boolean jitter) {
      this.jitter = jitter;
      return this;
    }

    /** @return the policy */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }

    private static Duration positive(String what, Duration d) {
      Objects.requireNonNull(d, what);
      if (d.isNegative()) {
        throw new IllegalArgumentException(what + " must not be negative");
      }
      return d;
    }
  }
}
