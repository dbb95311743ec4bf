package dev.atlas.bench;

import com.google.gson.GsonBuilder;
import dev.atlas.client.AtlasClient;
import dev.atlas.client.AtlasStream;
import dev.atlas.client.StreamEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
 * (whole new JVMs). Writes the results as JSON for {@link Report} and {@link Charts}. The
 * concurrency scenarios are {@link ConcurrencyScenarios}; their server is {@link ServerProcess}.
 */
public final class Scenarios {
  static final String KEY = "sk-bench";
  static final MediaType JSON = MediaType.get("application/json");
  private static final Map<String, Object> RESULTS = new LinkedHashMap<>();

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
      ConcurrencyScenarios.run(RESULTS, false);
      System.out.println(RESULTS);
      System.exit(0);
    }
    latency(quick ? 2_000 : 20_000);
    heapOverLongStream(quick ? 64L << 20 : 1L << 30);
    ConcurrencyScenarios.run(RESULTS, quick);
    ColdStart.measure(RESULTS, quick ? 3 : 15);
    String json = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(RESULTS);
    Files.writeString(Path.of(args[0]), json, StandardCharsets.UTF_8);
    System.out.println(json);
    System.exit(0); // OkHttp's idle threads would keep the JVM up for a minute
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

  /** @return the chat request an okhttp-sse client sends */
  static Request chatRequest(String base) {
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

  /** Stops an OkHttpClient's dispatcher threads and pooled connections. */
  static void shutdown(OkHttpClient http) {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
