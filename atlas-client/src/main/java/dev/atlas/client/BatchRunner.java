package dev.atlas.client;

import dev.atlas.client.batch.BatchOptions;
import dev.atlas.client.batch.BatchOutcome;
import dev.atlas.client.batch.BatchProgress;
import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.retry.Sleeper;
import java.time.Duration;
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

/**
 * Runs many calls with bounded concurrency: a sliding window (a new item starts as soon as one
 * ends, not in fixed chunks), outcomes in input order, one outcome per item, and a shared
 * back-off: while one item waits to be retried, no new item starts. Calls are made
 * asynchronously; no thread waits for them. Cancelling the returned future cancels the calls in
 * flight and starts no more.
 *
 * <p>Each item is retried by the client's {@link RetryEngine} exactly as the same call made alone
 * (a GET after a dropped connection, a query only when it provably did not run); the batch takes
 * part in the waits of every asynchronous call an item's function starts, through whichever client
 * (a derived one too): the engine hears of the batch from {@link RetryEngine#startingBatchItem}, not
 * from the options, which stay the caller's.
 *
 * @param <I> the input type
 * @param <T> the result type
 */
final class BatchRunner<I, T> {
  private final List<I> inputs;
  private final BiFunction<I, RequestOptions, CompletableFuture<T>> call;
  private final BatchOptions options;
  private final Sleeper sleeper;
  private final RequestOptions itemOptions;
  private final RetryEngine.Gate gate = this::beforeRetry;

  private final Object lock = new Object();
  private final Deque<Integer> queue = new ArrayDeque<>();
  private final BatchOutcome<I, T>[] outcomes;
  private final Set<CompletableFuture<T>> inFlight = new HashSet<>();
  private int running;
  private int pauses;
  private int succeeded;
  private int failed;
  private final Result result = new Result();

  @SuppressWarnings("unchecked")
  private BatchRunner(List<I> inputs, BiFunction<I, RequestOptions, CompletableFuture<T>> call, BatchOptions options,
      Sleeper sleeper) {
    this.inputs = List.copyOf(inputs);
    this.call = call;
    this.options = options;
    this.sleeper = sleeper;
    this.itemOptions = options.requestOptions();
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
   * @param call makes one item's call with the given options
   * @param options concurrency, per-call options, progress listener
   * @param sleeper times the shared back-off
   * @return the outcomes, in input order, when every item has ended
   */
  static <I, T> CompletableFuture<List<BatchOutcome<I, T>>> run(List<I> inputs,
      BiFunction<I, RequestOptions, CompletableFuture<T>> call, BatchOptions options, Sleeper sleeper) {
    Objects.requireNonNull(inputs, "inputs");
    BatchRunner<I, T> b = new BatchRunner<>(inputs, Objects.requireNonNull(call, "call"),
        Objects.requireNonNull(options, "options"), sleeper);
    if (inputs.isEmpty()) {
      b.result.complete(List.of());
    } else {
      b.pump();
    }
    return b.result;
  }

  /** While an item waits to be retried, no new item starts; it keeps its place and goes again first. */
  private CompletableFuture<Void> beforeRetry(AtlasException failure, Duration delay) {
    synchronized (lock) {
      pauses++;
    }
    return sleeper.after(delay).whenComplete((ok, err) -> resume());
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
      f = RetryEngine.startingBatchItem(gate, () -> call.apply(inputs.get(index), itemOptions));
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
    BatchProgress progress;
    boolean finished;
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
      } else {
        RuntimeException failure = cause instanceof RuntimeException r ? r : new CompletionException(cause);
        outcomes[index] = new BatchOutcome.Failure<>(index, inputs.get(index), failure);
        failed++;
      }
      progress = new BatchProgress(succeeded + failed, succeeded, failed, inputs.size());
      finished = succeeded + failed == inputs.size();
      // under the lock, so reports arrive in order and all of them before the result completes
      try {
        options.onProgress().accept(progress);
      } catch (RuntimeException ignored) {
        // a failing listener does not stop the batch
      }
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
