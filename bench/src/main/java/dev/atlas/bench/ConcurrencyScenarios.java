package dev.atlas.bench;

import static dev.atlas.bench.Scenarios.JSON;
import static dev.atlas.bench.Scenarios.KEY;
import static dev.atlas.bench.Scenarios.chatRequest;
import static dev.atlas.bench.Scenarios.shutdown;

import com.google.gson.JsonObject;
import dev.atlas.client.AtlasClient;
import dev.atlas.client.batch.BatchOptions;
import dev.atlas.client.batch.BatchOutcome;
import dev.atlas.client.generated.model.QueryResponse;
import dev.atlas.client.StreamEvent;
import dev.atlas.client.StreamQueryParams;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * 200 simultaneous streams, 1,000 concurrent async queries and a 500-question batch, each against
 * the alternative, on a server with 50 ms latency in its own JVM ({@link ServerProcess}), so the
 * threads counted here are the client's. Each scenario waits for the thread count to come back
 * to where it was before, keeps the median of its rounds, and reports wall time against the ideal.
 */
final class ConcurrencyScenarios {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private final Map<String, Object> results;
  /** Live threads before the scenarios: each waits for the count to come back to it. */
  private final int idleThreads;

  private ConcurrencyScenarios(Map<String, Object> results) {
    this.results = results;
    this.idleThreads = THREADS.getThreadCount();
  }

  /**
   * Runs the three scenarios against a new 50 ms server.
   *
   * @param results where to put {@code streams}, {@code asyncQueries} and {@code batch}
   * @param quick one round each instead of 3-5
   * @throws Exception if a scenario fails
   */
  static void run(Map<String, Object> results, boolean quick) throws Exception {
    try (ServerProcess slow = ServerProcess.start(50)) {
      ConcurrencyScenarios s = new ConcurrencyScenarios(results);
      s.streams(slow.baseUrl, 200, quick ? 1 : 3);
      s.asyncQueries(slow.baseUrl, 1_000, quick ? 1 : 5);
      s.batch(slow.baseUrl, 500, 16, quick ? 1 : 3);
    }
  }

  /** A measured run: wall time and the most threads the client added while it ran. */
  private record Run(double millis, int threadsAdded) {}

  /**
   * Runs the body {@code rounds} times after one warm-up run and keeps the median by wall time.
   * Threads: the peak during the run minus {@code baseline}, the count before the client existed.
   */
  private static Run measure(int rounds, int baseline, ThrowingRunnable body) throws Exception {
    body.run();
    List<Run> runs = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      THREADS.resetPeakThreadCount();
      long t0 = System.nanoTime();
      body.run();
      runs.add(new Run((System.nanoTime() - t0) / 1e6, THREADS.getPeakThreadCount() - baseline));
    }
    runs.sort((a, b) -> Double.compare(a.millis, b.millis));
    return runs.get(runs.size() / 2);
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  private static Map<String, Object> row(Run run, double idealMillis) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("wallMs", run.millis);
    m.put("idealMs", idealMillis);
    m.put("vsIdeal", run.millis / idealMillis);
    m.put("threads", run.threadsAdded);
    return m;
  }

  private static OkHttpClient okhttp(int maxConcurrent) {
    Dispatcher d = new Dispatcher();
    d.setMaxRequests(maxConcurrent);
    d.setMaxRequestsPerHost(maxConcurrent);
    return new OkHttpClient.Builder().dispatcher(d).readTimeout(60, TimeUnit.SECONDS).build();
  }

  /** 200 streams at once: ours through the Flow publisher, okhttp-sse through its dispatcher. */
  private void streams(String base, int n, int rounds) throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    awaitThreadsBelow(idleThreads);
    int baseline = THREADS.getThreadCount();
    try (AtlasClient atlas = AtlasClient.builder().baseUrl(base).apiKey(KEY).build()) {
      out.put("eventsPerStream", atlasStreams(atlas, 1, new AtomicLong()));
      Run single = measure(rounds, baseline, () -> atlasStreams(atlas, 1, new AtomicLong()));
      Run all = measure(rounds, baseline, () -> atlasStreams(atlas, n, new AtomicLong()));
      out.put("atlasStreamQueryPublisher", row(all, single.millis));
    }
    awaitThreadsBelow(baseline);
    OkHttpClient http = okhttp(n);
    EventSource.Factory factory = EventSources.createFactory(http);
    Run single = measure(rounds, baseline, () -> eventSources(factory, base, 1));
    Run all = measure(rounds, baseline, () -> eventSources(factory, base, n));
    out.put("okhttpEventSourceGson", row(all, single.millis));
    shutdown(http);
    out.put("streams", n);
    results.put("streams", out);
  }

  private static long atlasStreams(AtlasClient atlas, int n, AtomicLong events) {
    CountDownLatch done = new CountDownLatch(n);
    for (int i = 0; i < n; i++) {
      atlas.streamQueryPublisher("q" + i, StreamQueryParams.defaults()).subscribe(new Flow.Subscriber<>() {
        @Override
        public void onSubscribe(Flow.Subscription s) {
          s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(StreamEvent item) {
          events.incrementAndGet();
        }

        @Override
        public void onError(Throwable t) {
          t.printStackTrace();
          done.countDown();
        }

        @Override
        public void onComplete() {
          done.countDown();
        }
      });
    }
    await(done);
    return events.get();
  }

  private static void eventSources(EventSource.Factory factory, String base, int n) {
    CountDownLatch done = new CountDownLatch(n);
    for (int i = 0; i < n; i++) {
      factory.newEventSource(chatRequest(base), new EventSourceListener() {
        @Override
        public void onEvent(EventSource s, String id, String type, String data) {
          StreamEndToEndBenchmark.GsonTreeEvents.count(data);
        }

        @Override
        public void onClosed(EventSource s) {
          done.countDown();
        }

        @Override
        public void onFailure(EventSource s, Throwable t, Response r) {
          if (t != null) {
            t.printStackTrace();
          }
          done.countDown();
        }
      });
    }
    await(done);
  }

  /** Waits (up to 10 s) until threads of closed clients have ended, so the next client's count starts clean. */
  private static void awaitThreadsBelow(int baseline) throws InterruptedException {
    for (int i = 0; i < 100 && THREADS.getThreadCount() > baseline; i++) {
      Thread.sleep(100);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(5, TimeUnit.MINUTES)) {
        throw new IllegalStateException("timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** 1,000 async queries at once: ours with the default client, ours and raw OkHttp with a dispatcher that allows them all. */
  private void asyncQueries(String base, int n, int rounds) throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    awaitThreadsBelow(idleThreads);
    int baseline = THREADS.getThreadCount();
    try (AtlasClient atlas = AtlasClient.builder().baseUrl(base).apiKey(KEY).build()) {
      Run run = measure(rounds, baseline, () -> atlasAsync(atlas, n));
      out.put("atlasQueryAsyncDefault", row(run, Math.ceil(n / 64.0) * 50));
    }
    awaitThreadsBelow(baseline);
    OkHttpClient wide = okhttp(n);
    try (AtlasClient atlas = AtlasClient.builder().baseUrl(base).apiKey(KEY).httpClient(wide).build()) {
      Run run = measure(rounds, baseline, () -> atlasAsync(atlas, n));
      out.put("atlasQueryAsyncWide", row(run, 50));
    }
    shutdown(wide);
    awaitThreadsBelow(baseline);
    wide = okhttp(n);
    OkHttpClient rawClient = wide;
    Run raw = measure(rounds, baseline, () -> rawAsync(rawClient, base, n));
    out.put("okhttpEnqueueGsonWide", row(raw, 50));
    shutdown(wide);
    out.put("queries", n);
    out.put("defaultMaxRequestsPerHost", 64);
    results.put("asyncQueries", out);
  }

  private static void atlasAsync(AtlasClient atlas, int n) {
    List<CompletableFuture<QueryResponse>> all = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      all.add(atlas.queryAsync("question " + i));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
  }

  private static void rawAsync(OkHttpClient http, String base, int n) {
    var gson = dev.atlas.client.generated.invoker.JSON.getGson();
    List<CompletableFuture<QueryResponse>> all = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      JsonObject body = new JsonObject();
      body.addProperty("question", "question " + i);
      CompletableFuture<QueryResponse> f = new CompletableFuture<>();
      http.newCall(new Request.Builder().url(base + "/api/v1/query").header("Authorization", "Bearer " + KEY)
          .post(RequestBody.create(gson.toJson(body), JSON)).build()).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
              f.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call call, Response response) {
              try (response) {
                f.complete(gson.fromJson(response.body().charStream(), QueryResponse.class));
              } catch (RuntimeException e) {
                f.completeExceptionally(e);
              }
            }
          });
      all.add(f);
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
  }

  /** 500 questions at concurrency 16. */
  private void batch(String base, int n, int concurrency, int rounds) throws Exception {
    List<String> questions = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      questions.add("question " + i);
    }
    awaitThreadsBelow(idleThreads);
    int baseline = THREADS.getThreadCount();
    try (AtlasClient atlas = AtlasClient.builder().baseUrl(base).apiKey(KEY).build()) {
      Run run = measure(rounds, baseline, () -> {
        List<BatchOutcome<String, QueryResponse>> outcomes =
            atlas.queryBatch(questions, BatchOptions.defaults().withConcurrency(concurrency)).join();
        if (outcomes.stream().anyMatch(o -> !o.isSuccess())) {
          throw new IllegalStateException("a batch question failed");
        }
      });
      Map<String, Object> out = row(run, Math.ceil(n / (double) concurrency) * 50);
      out.put("questions", n);
      out.put("concurrency", concurrency);
      results.put("batch", out);
    }
  }
}
