package dev.atlas.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.ListConversationsParams;
import dev.atlas.client.QueryParams;
import dev.atlas.client.RequestOptions;
import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.retry.RetryPolicy;
import dev.atlas.client.retry.Sleeper;
import dev.atlas.client.AtlasStream;
import dev.atlas.client.StreamEvent;
import dev.atlas.client.StreamQueryParams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * 20,000 mixed calls and 2,000 streams over 8 threads against the sandbox, about 10 % of them with
 * an injected fault: every call ends in a result or a typed exception, and afterwards the
 * connection pool, the dispatcher, the live threads and the heap are back where they started.
 * Bounded in count; no timing assertions.
 */
class SoakTest {
  static final int CALLS = 20_000;
  static final int STREAMS = 2_000;
  static final int THREADS = 8;

  static Set<Long> threadIds() {
    return Thread.getAllStackTraces().keySet().stream().map(Thread::getId).collect(Collectors.toSet());
  }

  /**
   * The least heap in use over ten GCs 100 ms apart: objects freed by cleaning actions (the Cleaner
   * thread runs them after one GC, their memory goes at a later one) and by threads still ending are
   * counted as free, as they are; a leak stays in use through all ten.
   */
  static long usedHeapAfterGc() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      least = Math.min(least, rt.totalMemory() - rt.freeMemory());
      Thread.sleep(100);
    }
    return least;
  }

  @Test
  void mixedCallsAndStreamsWithFaultsLeaveNothingBehind() throws Exception {
    soak(); // the first round also loads what stays for the JVM's life (classes' static state, the model adapters)
    long heapBefore = usedHeapAfterGc();
    soak();
    // the sandbox, its state and the client are gone with soak()'s frame: what stays is a leak
    long heapAfter = usedHeapAfterGc();
    System.out.printf("soak: heap after GC %d MB before, %d MB after%n", heapBefore >> 20, heapAfter >> 20);
    assertThat(heapAfter).as("heap after GC near its start").isLessThan(heapBefore + (16L << 20));
  }

  private static void soak() throws Exception {
    Set<Long> threadsBefore;
    OkHttpClient http = new OkHttpClient();
    try (AtlasSandbox sandbox = AtlasSandbox.start()) {
      Sleeper noWait = new Sleeper() {
        @Override
        public void sleep(Duration delay) {
          // retries happen at once: the soak measures leaks, not backoff
        }

        @Override
        public java.util.concurrent.CompletableFuture<Void> after(Duration delay) {
          return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
      };
      AtlasClient atlas = AtlasClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).httpClient(http)
          .retryPolicy(RetryPolicy.builder().maxRetries(1).build()).sleeper(noWait).build();
      String conversation = atlas.query("How many orders are there?").getConversationId();
      atlas.conversations().list();
      threadsBefore = threadIds();

      AtomicInteger results = new AtomicInteger();
      AtomicInteger typedFailures = new AtomicInteger();
      AtomicInteger streamEvents = new AtomicInteger();
      List<Throwable> untyped = java.util.Collections.synchronizedList(new ArrayList<>());
      ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> new Thread(r, "soak-worker"));
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int seed = t;
        work.add(pool.submit(() -> {
          Random r = new Random(seed);
          for (int i = 0; i < CALLS / THREADS; i++) {
            RequestOptions o = options(r, false);
            try {
              Object result = switch (i % 6) {
                case 0 -> atlas.starterPrompts(null, o);
                case 1 -> atlas.validateSql("SELECT name FROM customers WHERE id = " + i, null, o);
                case 2 -> atlas.conversations().list(ListConversationsParams.defaults().withLimit(5), o);
                case 3 -> atlas.conversations().get(conversation, o);
                case 4 -> atlas.query("How many active customers?", QueryParams.defaults(), o);
                default -> atlas.queryAsync("What is the average order value?", QueryParams.defaults(), o).join();
              };
              assertThat(result).isNotNull();
              results.incrementAndGet();
            } catch (AtlasException e) {
              typedFailures.incrementAndGet();
            } catch (java.util.concurrent.CompletionException e) {
              if (e.getCause() instanceof AtlasException) {
                typedFailures.incrementAndGet();
              } else {
                untyped.add(e);
              }
            } catch (Throwable e) {
              untyped.add(e);
            }
          }
          for (int i = 0; i < STREAMS / THREADS; i++) {
            try (AtlasStream s = atlas.streamQuery("How many orders are there?", StreamQueryParams.defaults(),
                options(r, true))) {
              int stopAt = r.nextInt(4) == 0 ? 1 + r.nextInt(10) : Integer.MAX_VALUE;
              int n = 0;
              for (StreamEvent e : s) {
                streamEvents.incrementAndGet();
                if (++n >= stopAt) {
                  break;
                }
              }
              results.incrementAndGet();
            } catch (AtlasException e) {
              typedFailures.incrementAndGet();
            } catch (Throwable e) {
              untyped.add(e);
            }
          }
          return null;
        }));
      }
      for (Future<?> f : work) {
        f.get(5, TimeUnit.MINUTES);
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
      atlas.close();

      assertThat(untyped).as("failures that were not typed").isEmpty();
      assertThat(results.get() + typedFailures.get()).isEqualTo(CALLS + STREAMS);
      assertThat(typedFailures.get()).as("faults were injected").isPositive();
      assertThat(streamEvents.get()).isPositive();
      System.out.printf("soak: %d calls + %d streams, %d results, %d typed failures, %d stream events%n", CALLS,
          STREAMS, results.get(), typedFailures.get(), streamEvents.get());

      // a stream closed early sends its run's stop asynchronously, within a 5 s timeout each: hundreds of
      // them queue behind OkHttp's 5 calls per host, so on a loaded machine they take a while; let them end
      for (int i = 0; i < 3000 && http.dispatcher().runningCallsCount() + http.dispatcher().queuedCallsCount() > 0; i++) {
        Thread.sleep(20);
      }
      assertThat(http.dispatcher().runningCallsCount()).isZero();
      assertThat(http.dispatcher().queuedCallsCount()).isZero();
      assertThat(http.connectionPool().connectionCount() - http.connectionPool().idleConnectionCount())
          .as("connections in use").isZero();
      http.connectionPool().evictAll();
      http.dispatcher().executorService().shutdown();
      assertThat(http.dispatcher().executorService().awaitTermination(30, TimeUnit.SECONDS)).isTrue();
      List<String> leftover = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.isAlive() && !threadsBefore.contains(t.getId()))
          .map(Thread::getName)
          .filter(n -> !n.startsWith("soak-worker") && !n.startsWith("atlas-sandbox-") && !n.startsWith("OkHttp ")
              && !n.equals("Attach Listener"))
          .collect(Collectors.toList());
      // AtlasStream's Cleaner runs one daemon thread per JVM, started by the first stream: not a leak
      assertThat(leftover.stream().filter(n -> n.startsWith("Cleaner-")).count()).isLessThanOrEqualTo(1);
      leftover.removeIf(n -> n.startsWith("Cleaner-"));
      assertThat(leftover).as("threads left by the client").isEmpty();
    }
  }

  /** About 10 % of calls carry a fault. */
  static RequestOptions options(Random r, boolean stream) {
    int roll = r.nextInt(100);
    String fault = roll < 4 ? "rate-limit" : roll < 8 ? "provider-error" : roll < 10 && stream ? "drop-stream" : null;
    RequestOptions.Builder b = RequestOptions.builder().timeout(Duration.ofSeconds(30));
    if (fault != null) {
      b.header(Fault.HEADER, fault);
    }
    return b.build();
  }
}
