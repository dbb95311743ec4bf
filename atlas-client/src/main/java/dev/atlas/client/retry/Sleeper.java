package dev.atlas.client.retry;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Waits between retries. The default really waits; tests of your own code can pass one that
 * records the delays and returns at once ({@link dev.atlas.client.AtlasClientBuilder#sleeper}).
 */
public interface Sleeper {
  /**
   * Blocks for the delay.
   *
   * @param delay how long
   * @throws InterruptedException if the thread is interrupted (retrying then stops)
   */
  void sleep(Duration delay) throws InterruptedException;

  /**
   * A future completed after the delay, for asynchronous retries; no thread waits meanwhile.
   *
   * @param delay how long
   * @return the future
   */
  default CompletableFuture<Void> after(Duration delay) {
    return CompletableFuture.runAsync(() -> { },
        CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS));
  }

  /** @return a sleeper that really waits ({@link Thread#sleep}) */
  static Sleeper system() {
    return delay -> Thread.sleep(delay.toMillis(), (int) (delay.toNanos() % 1_000_000));
  }
}
