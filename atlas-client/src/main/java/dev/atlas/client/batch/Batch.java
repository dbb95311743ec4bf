package dev.atlas.client.batch;

import dev.atlas.client.RequestOptions;
import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.internal.Retries;
import dev.atlas.client.retry.RetryPolicy;
import dev.atlas.client.retry.Sleeper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.DoubleSupplier;

/**
 * Runs many calls with bounded concurrency: a sliding window (a new item starts as soon as one
 * ends, not in fixed chunks), outcomes in input order, one outcome per item, and a shared
 * back-off: when one call is rate limited, no new call starts until the delay the server asked
 * for has passed, and the limited item goes again first. Calls are made asynchronously; no
 * thread waits for them. Cancelling the returned future cancels the calls in flight and starts no
 * more.
 *
 * <p>Retries are the batch's, not the client's (each call is made with {@code maxRetries(0)}):
 * an item is retried, up to the policy's count, only when it provably did not run (a retryable
 * 429 or a failure to connect), as for a single query.
 *
 * @param <I> the input type
 * @param <T> the result type
 */
public final class Batch<I, T> {
  private final List<I> inputs;
  private final BiFunction<I, RequestOptions, CompletableFuture<T>> call;
  private final BatchOptions options;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final DoubleSupplier random;
  private final RequestOptions itemOptions;

  private final Object lock = new Object();
  private final Deque<Integer> queue = new ArrayDeque<>();
  private final int[] attempts;
  private final List<AtlasException>[] earlier;
  private final BatchOutcome<I, T>[] outcomes;
  private final Set<CompletableFuture<T>> inFlight = new HashSet<>();
  private int running;
  private int pauses;
  private int succeeded;
  private int failed;
  private final Result result = new Result();

  @SuppressWarnings("unchecked")
  private Batch(List<I> inputs, BiFunction<I, RequestOptions, CompletableFuture<T>> call, BatchOptions options,
      RetryPolicy policy, Sleeper sleeper, DoubleSupplier random) {
    this.inputs = List.copyOf(inputs);
    this.call = call;
    this.options = options;
    this.policy = policy;
    this.sleeper = sleeper;
    this.random = random;
    this.itemOptions = RequestOptions.builder().from(options.requestOptions()).maxRetries(0).build();
    this.attempts = new int[this.inputs.size()];
    this.earlier = new List[this.inputs.size()];
    this.outcomes = new BatchOutcome[this.inputs.size()];
    for (int i = 0; i < this.inputs.size(); i++) {
      queue.add(i);
    }
  }

  /**
   * Starts a batch.
   *
   * @param <I> the input type
   * @param <T> the result type
   * @param inputs the items, in order
   * @param call makes one item's call with the given options (which carry {@code maxRetries(0)})
   * @param options concurrency, per-call options, progress listener
   * @param policy how often a rate-limited or unreachable item is retried, and the backoff
   * @param sleeper times the shared back-off
   * @param random jitter source
   * @return the outcomes, in input order, when every item has ended
   */
  public static <I, T> CompletableFuture<List<BatchOutcome<I, T>>> run(List<I> inputs,
      BiFunction<I, RequestOptions, CompletableFuture<T>> call, BatchOptions options, RetryPolicy policy,
      Sleeper sleeper, DoubleSupplier random) {
    Objects.requireNonNull(inputs, "inputs");
    Batch<I, T> b = new Batch<>(inputs, Objects.requireNonNull(call, "call"), Objects.requireNonNull(options, "options"),
        policy, sleeper, random);
    if (inputs.isEmpty()) {
      b.result.complete(List.of());
    } else {
      b.pump();
    }
    return b.result;
  }

  /** Completing exceptionally or cancelling stops the batch and cancels the calls in flight. */
  private final class Result extends CompletableFuture<List<BatchOutcome<I, T>>> {
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      List<CompletableFuture<T>> calls;
      synchronized (lock) {
        calls = new ArrayList<>(inFlight);
        queue.clear();
      }
      calls.forEach(f -> f.cancel(true));
      return cancelled;
    }
  }

  private void pump() {
    List<Integer> toStart = new ArrayList<>();
    synchronized (lock) {
      while (!result.isDone() && pauses == 0 && running < options.concurrency() && !queue.isEmpty()) {
        toStart.add(queue.poll());
        running++;
      }
    }
    for (int index : toStart) {
      start(index);
    }
  }

  private void start(int index) {
    CompletableFuture<T> f;
    try {
      f = call.apply(inputs.get(index), itemOptions);
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    CompletableFuture<T> started = f;
    synchronized (lock) {
      inFlight.add(started);
    }
    started.whenComplete((value, error) -> ended(index, started, value, error));
  }

  private void ended(int index, CompletableFuture<T> f, T value, Throwable error) {
    BatchProgress progress = null;
    boolean finished = false;
    synchronized (lock) {
      inFlight.remove(f);
      running--;
      if (result.isDone()) {
        return;
      }
      Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      if (cause == null) {
        outcomes[index] = new BatchOutcome.Success<>(index, inputs.get(index), value);
        succeeded++;
      } else if (cause instanceof AtlasException e && attempts[index] < policy.maxRetries()
          && Retries.shouldRetry(e, false, false)) {
        attempts[index]++;
        if (earlier[index] == null) {
          earlier[index] = new ArrayList<>();
        }
        earlier[index].add(e);
        queue.addFirst(index);
        pauses++;
        sleeper.after(policy.delay(attempts[index], e.retryAfter(), random)).whenComplete((ok, err) -> resume());
        return;
      } else {
        RuntimeException failure = cause instanceof AtlasException e
            ? dev.atlas.client.internal.ErrorMapper.withAttempts(e, attempts[index] + 1,
                earlier[index] == null ? List.of() : earlier[index])
            : cause instanceof RuntimeException r ? r : new CompletionException(cause);
        outcomes[index] = new BatchOutcome.Failure<>(index, inputs.get(index), failure);
        failed++;
      }
      progress = new BatchProgress(succeeded + failed, succeeded, failed, inputs.size());
      finished = succeeded + failed == inputs.size();
    }
    try {
      options.onProgress().accept(progress);
    } catch (RuntimeException ignored) {
      // a failing listener does not stop the batch
    }
    if (finished) {
      result.complete(Collections.unmodifiableList(Arrays.asList(outcomes)));
    } else {
      pump();
    }
  }

  private void resume() {
    synchronized (lock) {
      pauses--;
    }
    pump();
  }
}
