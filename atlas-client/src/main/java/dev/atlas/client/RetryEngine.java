package dev.atlas.client;

import dev.atlas.client.errors.AtlasConnectionException;
import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.retry.RetryPolicy;
import dev.atlas.client.retry.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * The SDK's one retry engine: blocking calls, asynchronous calls, batch items and stream openings
 * all go through it. It decides whether a failed attempt is retried ({@link #mayRetry}), waits
 * (a sleep for a blocking call, a timer for an asynchronous one) and records the attempts on the
 * exception it finally throws, earlier failures attached as suppressed.
 */
final class RetryEngine {
  /**
   * The gate of the batch whose item is being started on this thread: a batch sets it around its
   * call to the item's function, and every asynchronous call started meanwhile, through any client
   * (a derived one too), takes part in the batch's back-off. Not carried by {@link RequestOptions}.
   */
  private static final ThreadLocal<Gate> STARTING_BATCH_ITEM = new ThreadLocal<>();

  /** Takes part in the wait before an asynchronous retry: a batch pauses its other items with it. */
  @FunctionalInterface
  interface Gate {
    /**
     * @param failure the failure about to be retried
     * @param delay how long the engine would wait
     * @return completes when the retry may start
     */
    CompletableFuture<Void> beforeRetry(AtlasException failure, Duration delay);
  }

  /** Hears each retry of one call (its listeners and logs). */
  @FunctionalInterface
  interface Observer {
    /**
     * @param attempt the number of the attempt that failed, from 1
     * @param failure why it failed
     * @param delay the wait before the next attempt
     */
    void retrying(int attempt, AtlasException failure, Duration delay);

    /**
     * An asynchronous call settles: called just before its result completes, so that what the
     * observer reports happens before the caller sees the result.
     *
     * @param failure the failure the result completes with, or null on success
     */
    default void settled(Throwable failure) {}
  }

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final DoubleSupplier random;

  /**
   * @param policy how often and after how long
   * @param sleeper waits between attempts
   * @param random jitter source, uniform in [0, 1)
   */
  public RetryEngine(RetryPolicy policy, Sleeper sleeper, DoubleSupplier random) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.random = random;
  }

  /**
   * Starts a batch item: the calls its function starts take part in the gate's waits.
   *
   * @param <T> the function's result
   * @param gate the batch's gate
   * @param start starts the item's call
   * @return what it returned
   */
  static <T> T startingBatchItem(Gate gate, Supplier<T> start) {
    Gate outer = STARTING_BATCH_ITEM.get();
    STARTING_BATCH_ITEM.set(gate);
    try {
      return start.get();
    } finally {
      if (outer == null) {
        STARTING_BATCH_ITEM.remove();
      } else {
        STARTING_BATCH_ITEM.set(outer);
      }
    }
  }

  /** @return the gate of the batch item being started on this thread, or null */
  static Gate currentGate() {
    return STARTING_BATCH_ITEM.get();
  }

  /** @return the policy */
  public RetryPolicy policy() {
    return policy;
  }

  /** @return the sleeper, whose timers also pace a batch */
  public Sleeper sleeper() {
    return sleeper;
  }

  /**
   * Decides whether a failed attempt may be retried: a transient failure of a call that is safe to
   * repeat; for a call that is not, only when it provably did not run (a retryable 429, a failure
   * to connect) or when the caller opted in. A failure that cannot pass by itself (unknown host,
   * TLS) is never retried.
   *
   * @param e the failure
   * @param safeToRepeat whether the call may run twice without harm
   * @param optIn whether the caller opted this call in to full retries
   * @return true if a retry is allowed
   */
  public static boolean mayRetry(AtlasException e, boolean safeToRepeat, boolean optIn) {
    if (e instanceof AtlasConnectionException) {
      if (!e.requestMayHaveReachedServer()) {
        return e.retryable(); // never sent: retried unless it cannot pass (unknown host, TLS)
      }
      return safeToRepeat || optIn;
    }
    return e.retryable() && (safeToRepeat || optIn || e.status() == 429);
  }

  /**
   * Runs a blocking call.
   *
   * @param <T> the result type
   * @param safeToRepeat whether the call may run twice without harm
   * @param maxRetries retries allowed after the first attempt
   * @param optIn whether the caller opted in to full retries
   * @param observer hears each retry
   * @param attempt makes one attempt; throws {@link AtlasException} on failure
   * @return the first successful result
   * @throws AtlasException the last failure, with the attempts recorded
   */
  public <T> T run(boolean safeToRepeat, int maxRetries, boolean optIn, Observer observer, Supplier<T> attempt) {
    Attempts a = new Attempts(safeToRepeat, maxRetries, optIn, observer);
    while (true) {
      try {
        return attempt.get();
      } catch (AtlasException e) {
        Duration delay = a.delayBeforeRetry(e);
        if (delay == null) {
          throw a.giveUp(e);
        }
        a.announce(e, delay);
        try {
          sleeper.sleep(delay);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw a.giveUp(e);
        }
        a.retrying(e);
      }
    }
  }

  /**
   * Runs an asynchronous call; no thread waits between attempts. Cancelling the result cancels the
   * attempt in flight and every retry to come.
   *
   * @param <T> the result type
   * @param safeToRepeat whether the call may run twice without harm
   * @param maxRetries retries allowed after the first attempt
   * @param optIn whether the caller opted in to full retries
   * @param gate takes part in each wait, or null
   * @param observer hears each retry
   * @param attempt starts one attempt; its future fails with {@link AtlasException} on failure and
   *     is cancelled when the result is
   * @return the first successful result, or the last failure with the attempts recorded
   */
  public <T> CompletableFuture<T> runAsync(boolean safeToRepeat, int maxRetries, boolean optIn, Gate gate,
      Observer observer, Supplier<CompletableFuture<T>> attempt) {
    AsyncResult<T> result = new AsyncResult<>();
    next(result, new Attempts(safeToRepeat, maxRetries, optIn, observer), gate, attempt);
    return result;
  }

  private <T> void next(AsyncResult<T> result, Attempts a, Gate gate, Supplier<CompletableFuture<T>> attempt) {
    if (result.isDone()) {
      return;
    }
    CompletableFuture<T> f;
    try {
      f = attempt.get();
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    result.current = f;
    if (result.isCancelled()) {
      f.cancel(true);
      return;
    }
    f.whenComplete((value, error) -> {
      if (error == null) {
        a.settle(result, value, null);
        return;
      }
      Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      if (!(cause instanceof AtlasException e)) {
        a.settle(result, null, cause);
        return;
      }
      Duration delay = a.delayBeforeRetry(e);
      if (delay == null || result.isDone()) {
        a.settle(result, null, a.giveUp(e));
        return;
      }
      a.announce(e, delay);
      CompletableFuture<Void> wait = gate != null ? gate.beforeRetry(e, delay) : sleeper.after(delay);
      wait.whenComplete((ok, err) -> {
        a.retrying(e);
        next(result, a, gate, attempt);
      });
    });
  }

  /** A future that cancels the attempt in flight when it is cancelled. */
  private static final class AsyncResult<T> extends CompletableFuture<T> {
    private volatile CompletableFuture<T> current;

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      CompletableFuture<T> c = current;
      if (c != null) {
        c.cancel(true);
      }
      return cancelled;
    }
  }

  /** One call's attempts so far. */
  private final class Attempts {
    private final boolean safeToRepeat;
    private final int maxRetries;
    private final boolean optIn;
    private final Observer observer;
    private final List<AtlasException> earlier = new ArrayList<>(0);
    private int made = 1;

    Attempts(boolean safeToRepeat, int maxRetries, boolean optIn, Observer observer) {
      this.safeToRepeat = safeToRepeat;
      this.maxRetries = maxRetries;
      this.optIn = optIn;
      this.observer = observer;
    }

    void announce(AtlasException e, Duration delay) {
      observer.retrying(made, e, delay);
    }

    <T> void settle(CompletableFuture<T> result, T value, Throwable failure) {
      if (result.isDone()) {
        return; // cancelled meanwhile
      }
      observer.settled(failure);
      if (failure == null) {
        result.complete(value);
      } else {
        result.completeExceptionally(failure);
      }
    }

    /** @return the wait before retrying after this failure, or null when it is not retried */
    Duration delayBeforeRetry(AtlasException e) {
      if (made > maxRetries || !mayRetry(e, safeToRepeat, optIn)) {
        return null;
      }
      return policy.delay(made, e.retryAfter(), random);
    }

    void retrying(AtlasException e) {
      earlier.add(e);
      made++;
    }

    AtlasException giveUp(AtlasException e) {
      return ErrorMapper.withAttempts(e, made, earlier);
    }
  }
}
