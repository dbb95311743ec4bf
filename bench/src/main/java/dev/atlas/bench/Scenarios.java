package dev.atlas.bench;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.atlas.client.AtlasClient;
import dev.atlas.client.batch.BatchOptions;
import dev.atlas.client.batch.BatchOutcome;
import dev.atlas.client.generated.model.QueryResponse;
import dev.atlas.client.AtlasStream;
import dev.atlas.client.StreamEvent;
import dev.atlas.client.StreamQueryOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * The measurements JMH is not made for, each against the alternative in the same run: time from a
 * frame written to its event in the caller's hands, heap over a 1 GiB stream, 200 simultaneous
 * streams, 1,000 concurrent async queries and a 500-question batch against a server with 50 ms
 * latency (in a separate JVM, so threads and heap counted here are the client's), and cold start
 * (whole new JVMs). Writes the results as JSON for {@link Report} and {@link Charts}.
 */
public final class Scenarios {
  private static final String KEY = "sk-bench";
  private static final MediaType JSON = MediaType.get("application/json");
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final Map<String, Object> RESULTS = new LinkedHashMap<>();
  /** Live threads before the concurrency scenarios: each waits for the count to come back to it. */
  private static int idleThreads;

  private Scenarios() {}

  /**
   * @param args the JSON file to write; optionally {@code quick} for a smoke run, or {@code coldstart}
   *     or {@code concurrency} to print that measurement alone
   * @throws Exception if a scenario fails
   */
  public static void main(String[] args) throws Exception {
    boolean quick = args.length > 1 && args[1].equals("quick");
    RESULTS.put("machine", machine());
    if (args.length > 1 && args[1].equals("coldstart")) { // only the cold start, e.g. while working on it
      ColdStart.measure(RESULTS, 15);
      System.out.println(RESULTS);
      System.exit(0);
    }
    if (args.length > 1 && args[1].equals("concurrency")) {
      concurrency(false);
      System.out.println(RESULTS);
      System.exit(0);
    }
    latency(quick ? 2_000 : 20_000);
    heapOverLongStream(quick ? 64L << 20 : 1L << 30);
    concurrency(quick);
    ColdStart.measure(RESULTS, quick ? 3 : 15);
    String json = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(RESULTS);
    Files.writeString(Path.of(args[0]), json, StandardCharsets.UTF_8);
    System.out.println(json);
    System.exit(0); // OkHttp's idle threads would keep the JVM up for a minute
  }

  /** 200 streams, 1,000 async queries and a batch of 500, against the 50 ms server. */
  private static void concurrency(boolean quick) throws Exception {
    try (ServerProcess slow = ServerProcess.start(50)) {
      idleThreads = THREADS.getThreadCount();
      streams(slow.baseUrl, 200, quick ? 1 : 3);
      asyncQueries(slow.baseUrl, 1_000, quick ? 1 : 5);
      batch(slow.baseUrl, 500, 16, quick ? 1 : 3);
    }
  }

  private static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cpus", Runtime.getRuntime().availableProcessors());
    m.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
    m.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    return m;
  }

  // ------------------------------------------------------------------ frame to event latency

  /**
   * One frame at a time: the server writes and flushes a frame, the client takes its event and
   * signals, then the next frame is written. Latency = nanoTime at the event minus nanoTime just
   * before the write (same JVM, same clock).
   */
  private static void latency(int frames) throws Exception {
    int warmup = frames / 5;
    int total = warmup + frames;
    long[] written = new long[total];
    Semaphore turn = new Semaphore(0);
    byte[][] data = new byte[total][];
    for (int i = 0; i < total; i++) {
      data[i] = ("data: {\"type\":\"text-delta\",\"id\":\"t\",\"delta\":\"w" + i + " \"}\n\n").getBytes(StandardCharsets.UTF_8);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    try (LoopbackServer server = new LoopbackServer(0).route("/api/v1/chat", x -> {
      x.startEvents();
      try {
        for (int i = 0; i < total; i++) {
          if (i > 0) {
            turn.acquire();
          }
          written[i] = System.nanoTime();
          x.chunk(data[i], 0, data[i].length, true);
        }
        turn.acquire();
        x.chunk(StreamData.END, 0, StreamData.END.length, false);
        x.endEvents();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    })) {
      for (int round = 0; round < 2; round++) { // the first round of each warms up the other's shared code too
        long[] got = new long[total];
        try (AtlasClient atlas = AtlasClient.builder().baseUrl(server.baseUrl()).apiKey(KEY).build();
            AtlasStream events = atlas.streamQuery("latency")) {
          int i = 0;
          for (StreamEvent e : events) {
            if (e instanceof StreamEvent.Text) {
              got[i++] = System.nanoTime();
              turn.release();
            }
          }
        }
        out.put("atlasStreamQuery", percentiles(written, got, warmup));
        long[] got2 = new long[total];
        OkHttpClient okhttp = new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS).build();
        CountDownLatch done = new CountDownLatch(1);
        int[] k = {0};
        EventSources.createFactory(okhttp).newEventSource(chatRequest(server.baseUrl()), new EventSourceListener() {
          @Override
          public void onEvent(EventSource s, String id, String type, String d) {
            // what a user's handler does per event (the Gson tree), then the timestamp for a text delta
            if (StreamEndToEndBenchmark.GsonTreeEvents.count(d) > 0 && d.startsWith("{\"type\":\"text-delta\"")) {
              got2[k[0]++] = System.nanoTime();
              turn.release();
            }
          }

          @Override
          public void onClosed(EventSource s) {
            done.countDown();
          }

          @Override
          public void onFailure(EventSource s, Throwable t, Response r) {
            done.countDown();
          }
        });
        done.await();
        shutdown(okhttp);
        out.put("okhttpEventSourceGson", percentiles(written, got2, warmup));
      }
    }
    out.put("frames", frames);
    RESULTS.put("latency", out);
  }

  private static Map<String, Object> percentiles(long[] written, long[] got, int skip) {
    double[] micros = new double[written.length - skip];
    for (int i = skip; i < written.length; i++) {
      micros[i - skip] = (got[i] - written[i]) / 1000.0;
    }
    Arrays.sort(micros);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("p50us", micros[(int) (micros.length * 0.50)]);
    m.put("p99us", micros[(int) (micros.length * 0.99)]);
    m.put("p999us", micros[(int) (micros.length * 0.999)]);
    m.put("maxUs", micros[micros.length - 1]);
    return m;
  }

  private static Request chatRequest(String base) {
    return new Request.Builder().url(base + "/api/v1/chat").header("Authorization", "Bearer " + KEY)
        .post(RequestBody.create("{\"messages\":[{\"role\":\"user\",\"content\":\"q\"}]}", JSON)).build();
  }

  // ------------------------------------------------------------------ heap over a long stream

  /** Streams {@code totalBytes} through {@code streamQuery}, sampling the heap as it goes. */
  private static void heapOverLongStream(long totalBytes) throws Exception {
    byte[] body = StreamData.body(16 << 20);
    try (LoopbackServer server = new LoopbackServer(0).route("/api/v1/chat", x -> {
      x.startEvents();
      for (long sent = 0; sent < totalBytes; sent += body.length) {
        for (int off = 0; off < body.length; off += 16 << 10) {
          x.chunk(body, off, Math.min(16 << 10, body.length - off), false);
        }
      }
      x.chunk(StreamData.END, 0, StreamData.END.length, false);
      x.endEvents();
    }); AtlasClient atlas = AtlasClient.builder().baseUrl(server.baseUrl()).apiKey(KEY).build()) {
      System.gc();
      List<Long> usedAfterGc = new ArrayList<>();
      long maxUsed = 0;
      long events = 0;
      long start = System.nanoTime();
      try (AtlasStream stream = atlas.streamQuery("a long answer")) {
        for (StreamEvent e : stream) {
          if (++events % 250_000 == 0) {
            maxUsed = Math.max(maxUsed, Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory());
            usedAfterGc.add(oldGenAfterGc());
          }
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long bytes = ((totalBytes + body.length - 1) / body.length) * body.length + StreamData.END.length;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("bytes", bytes);
      m.put("events", events);
      m.put("seconds", seconds);
      m.put("mbPerSecond", bytes / 1e6 / seconds);
      m.put("eventsPerSecond", events / seconds);
      m.put("maxHeapUsedMiB", maxUsed / (double) (1 << 20));
      m.put("oldGenAfterGcMiB", usedAfterGc.stream().map(b -> b / (double) (1 << 20)).toList());
      m.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
      RESULTS.put("longStream", m);
    }
  }

  /** @return bytes in the old generation after the last collection (G1 Old Gen), or heap used when unknown */
  private static long oldGenAfterGc() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getName().contains("Old") && pool.getCollectionUsage() != null) {
        return pool.getCollectionUsage().getUsed();
      }
    }
    return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
  }

  // ------------------------------------------------------------------ concurrency

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

  private static void shutdown(OkHttpClient http) {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** 200 streams at once: ours through the Flow publisher, okhttp-sse through its dispatcher. */
  private static void streams(String base, int n, int rounds) throws Exception {
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
    RESULTS.put("streams", out);
  }

  private static long atlasStreams(AtlasClient atlas, int n, AtomicLong events) {
    CountDownLatch done = new CountDownLatch(n);
    for (int i = 0; i < n; i++) {
      atlas.streamQueryPublisher("q" + i, StreamQueryOptions.none()).subscribe(new Flow.Subscriber<>() {
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
  private static void asyncQueries(String base, int n, int rounds) throws Exception {
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
    RESULTS.put("asyncQueries", out);
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
  private static void batch(String base, int n, int concurrency, int rounds) throws Exception {
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
      RESULTS.put("batch", out);
    }
  }

  // ------------------------------------------------------------------ the 50 ms server, in its own JVM

  /** {@link LoopbackServer} with 50 ms latency in a child JVM, so its threads and heap are not counted here. */
  static final class ServerProcess implements AutoCloseable {
    final Process process;
    final String baseUrl;

    private ServerProcess(Process process, String baseUrl) {
      this.process = process;
      this.baseUrl = baseUrl;
    }

    static ServerProcess start(long latencyMillis) throws IOException {
      Process p = new ProcessBuilder(ColdStart.javaBin(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
          LatencyServerMain.class.getName(), Long.toString(latencyMillis)).redirectErrorStream(true).start();
      String url = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
      if (url == null || !url.startsWith("http")) {
        p.destroyForcibly();
        throw new IOException("the server process did not start: " + url);
      }
      return new ServerProcess(p, url);
    }

    @Override
    public void close() {
      process.destroy();
    }
  }

  /** Entry point of the server process: canned query answers and a small chat stream, after a fixed latency. */
  public static final class LatencyServerMain {
    private LatencyServerMain() {}

    /**
     * @param args the latency in milliseconds
     * @throws Exception if it cannot listen
     */
    public static void main(String[] args) throws Exception {
      byte[] stream = StreamData.generate(64 << 10);
      LoopbackServer server = new LoopbackServer(Long.parseLong(args[0]))
          .json("/api/v1/query", FacadeOverheadBenchmark.QUERY)
          .route("/api/v1/chat", x -> {
            x.startEvents();
            x.chunk(stream, 0, stream.length, false);
            x.endEvents();
          });
      System.out.println(server.baseUrl());
      System.out.flush();
      Thread.currentThread().join();
    }
  }
}
