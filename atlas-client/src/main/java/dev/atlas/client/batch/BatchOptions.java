package dev.atlas.client.batch;

import dev.atlas.client.RequestOptions;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Settings of a batch run. Immutable.
 *
 * @param concurrency the most items in flight at once (a sliding window: a new item starts as soon
 *     as one finishes); at least 1
 * @param requestOptions timeout, headers and retries for each item's call (an item is retried as the
 *     same call made alone would be)
 * @param onProgress called after each item ends (success or final failure): one report per item,
 *     in order, all before the batch's result completes; it runs while the batch holds its lock,
 *     so keep it quick
 */
public record BatchOptions(int concurrency, RequestOptions requestOptions, Consumer<BatchProgress> onProgress) {
  /** Checks the settings. */
  public BatchOptions {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1");
    }
    Objects.requireNonNull(requestOptions, "requestOptions");
    Objects.requireNonNull(onProgress, "onProgress");
  }

  /** @return 4 at a time, no per-call options, no progress reporting */
  public static BatchOptions defaults() {
    return new BatchOptions(4, RequestOptions.defaults(), p -> { });
  }

  /** @param n the most items in flight @return a copy with it set */
  public BatchOptions withConcurrency(int n) {
    return new BatchOptions(n, requestOptions, onProgress);
  }

  /** @param options per-call options for every item @return a copy with them set */
  public BatchOptions withRequestOptions(RequestOptions options) {
    return new BatchOptions(concurrency, options, onProgress);
  }

  /** @param listener called after each item ends @return a copy with it set */
  public BatchOptions withProgress(Consumer<BatchProgress> listener) {
    return new BatchOptions(concurrency, requestOptions, listener);
  }
}
