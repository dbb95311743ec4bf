package dev.atlas.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a stream does when the network, not the caller, ends it. Off by default; set it per client
 * ({@link AtlasClientBuilder#streamRecovery(StreamRecovery)}) or per stream
 * ({@link StreamQueryParams#withRecovery(StreamRecovery)}).
 *
 * <p>The agent's turn runs on the server, not in the connection: a server keeps generating after a
 * client's connection drops and saves the answer in the conversation. Restarting the question, or
 * resuming while that generation is alive, would make a second answer. So a recovering stream
 * follows the run instead: it reads the run's status (or, where the server keeps no run records,
 * the conversation), waiting between reads as the client's {@link dev.atlas.client.retry.RetryPolicy}
 * backs off, for at most {@link #maxWait()} of waiting in total (consecutive failed reads count
 * against the policy's retries). Then:
 * <ul>
 *   <li>the run is done: the saved answer arrives as one {@link StreamEvent.Recovered} event after the
 *       events already delivered; it is the complete saved answer, not a continuation of them;</li>
 *   <li>the run failed: the stream throws {@link dev.atlas.client.errors.AtlasServerException} with code
 *       {@code run_failed};</li>
 *   <li>the run is still {@code running} after {@link #resumeAfter()} of waiting (a server restart left
 *       it with nothing generating it), and only when a bound was set: the run is resumed, a
 *       {@link StreamEvent.Resumed} event arrives, then the continuation's events. A run this client is
 *       already resuming is never resumed a second time, and a {@code 409 resume_in_progress} means
 *       following on;</li>
 *   <li>nothing can be recovered (no run record and no saved answer, or the wait is spent): the stream
 *       ends as without recovery, the events delivered stay valid and the original
 *       {@link dev.atlas.client.errors.AtlasConnectionException} is thrown.</li>
 * </ul>
 * Immutable.
 */
public final class StreamRecovery {
  private static final StreamRecovery OFF = new StreamRecovery(false, Duration.ofMinutes(2), null);
  private static final StreamRecovery FOLLOW = new StreamRecovery(true, Duration.ofMinutes(2), null);

  private final boolean enabled;
  private final Duration maxWait;
  private final Duration resumeAfter;

  private StreamRecovery(boolean enabled, Duration maxWait, Duration resumeAfter) {
    this.enabled = enabled;
    this.maxWait = maxWait;
    this.resumeAfter = resumeAfter;
  }

  /** @return no recovery: a cut stream throws its connection error (the default) */
  public static StreamRecovery off() {
    return OFF;
  }

  /** @return follow the run for up to two minutes of waiting, never resume it */
  public static StreamRecovery follow() {
    return FOLLOW;
  }

  /**
   * @param maxWait the most waiting between reads of the run's state, in total, positive
   * @return a copy with it set (recovery on)
   */
  public StreamRecovery withMaxWait(Duration maxWait) {
    Objects.requireNonNull(maxWait, "maxWait");
    if (maxWait.isNegative() || maxWait.isZero()) {
      throw new IllegalArgumentException("maxWait must be positive: " + maxWait);
    }
    return new StreamRecovery(true, maxWait, resumeAfter);
  }

  /**
   * Allows resuming a run still {@code running} after this much waiting: long enough for a live
   * generation to finish (or the conversation gets a second answer), e.g. a little more than your
   * longest turn.
   *
   * @param resumeAfter waiting before a resume, not negative
   * @return a copy with it set (recovery on)
   */
  public StreamRecovery withResumeAfter(Duration resumeAfter) {
    Objects.requireNonNull(resumeAfter, "resumeAfter");
    if (resumeAfter.isNegative()) {
      throw new IllegalArgumentException("resumeAfter must not be negative: " + resumeAfter);
    }
    return new StreamRecovery(true, maxWait, resumeAfter);
  }

  /** @return whether a cut stream follows its run */
  public boolean isEnabled() {
    return enabled;
  }

  /** @return the most waiting between reads of the run's state, in total */
  public Duration maxWait() {
    return maxWait;
  }

  /** @return after how much waiting a still-running run is resumed; empty: never */
  public Optional<Duration> resumeAfter() {
    return Optional.ofNullable(resumeAfter);
  }

  @Override
  public String toString() {
    return enabled ? "StreamRecovery{maxWait=" + maxWait + ", resumeAfter=" + resumeAfter + "}" : "StreamRecovery{off}";
  }
}
