package dev.atlas.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.atlas.client.AtlasClient;
import dev.atlas.client.AtlasStream;
import dev.atlas.client.StreamEvent;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole chat stream over loopback HTTP, from request to last typed event: {@code streamQuery}
 * versus okhttp-sse's {@link EventSource} with a Gson tree per event (what a user would otherwise
 * wire up). The server ({@link LoopbackServer}) writes the generated stream in 16 KiB chunks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class StreamEndToEndBenchmark {
  /** Stream size in MiB. */
  @Param("25")
  public int megabytes;

  LoopbackServer server;
  AtlasClient atlas;
  OkHttpClient okhttp;
  EventSource.Factory eventSources;
  String base;

  /**
   * Starts the server and both clients.
   *
   * @throws IOException if the server cannot listen
   */
  @Setup(Level.Trial)
  public void start() throws IOException {
    byte[] stream = StreamData.generate(megabytes << 20);
    server = new LoopbackServer(0).route("/api/v1/chat", x -> {
      x.startEvents();
      for (int off = 0; off < stream.length; off += 16 << 10) {
        x.chunk(stream, off, Math.min(16 << 10, stream.length - off), false);
      }
      x.endEvents();
    });
    base = server.baseUrl();
    atlas = AtlasClient.builder().baseUrl(base).apiKey("sk-bench").build();
    okhttp = new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS).build();
    eventSources = EventSources.createFactory(okhttp);
  }

  /**
   * Stops them.
   *
   * @throws IOException never in practice
   */
  @TearDown(Level.Trial)
  public void stop() throws IOException {
    atlas.close();
    okhttp.dispatcher().executorService().shutdown();
    okhttp.connectionPool().evictAll();
    server.close();
  }

  /** @return text chars plus events; ours */
  @Benchmark
  public long atlasStreamQuery() {
    long n = 0;
    try (AtlasStream events = atlas.streamQuery("What was revenue by region?")) {
      for (StreamEvent e : events) {
        n += e instanceof StreamEvent.Text t ? t.content().length() : 1;
      }
    }
    return n;
  }

  /**
   * @return text chars plus events; okhttp-sse's EventSource with {@code JsonParser.parseString} per event
   * @throws InterruptedException if interrupted while waiting for the end of the stream
   */
  @Benchmark
  public long okhttpEventSourceGson() throws InterruptedException {
    long[] n = {0};
    CountDownLatch done = new CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Request request = new Request.Builder().url(base + "/api/v1/chat").header("Authorization", "Bearer sk-bench")
        .post(RequestBody.create("{\"messages\":[{\"role\":\"user\",\"content\":\"What was revenue by region?\"}]}",
            MediaType.get("application/json")))
        .build();
    eventSources.newEventSource(request, new EventSourceListener() {
      @Override
      public void onEvent(EventSource source, String id, String type, String data) {
        n[0] += GsonTreeEvents.count(data);
      }

      @Override
      public void onClosed(EventSource source) {
        done.countDown();
      }

      @Override
      public void onFailure(EventSource source, Throwable t, Response response) {
        failure.set(t != null ? t : new IOException("HTTP " + (response == null ? "?" : response.code())));
        done.countDown();
      }
    });
    done.await();
    if (failure.get() != null) {
      throw new IllegalStateException(failure.get());
    }
    return n[0];
  }

  /** What a user writes per event with Gson: a tree, a switch on {@code type}. */
  static final class GsonTreeEvents {
    private GsonTreeEvents() {}

    /**
     * @param data one event's data
     * @return text chars for a text delta, 2 for a tool output, 1 otherwise, 0 for {@code [DONE]}
     */
    static long count(String data) {
      if (data.equals("[DONE]")) {
        return 0;
      }
      JsonObject o = JsonParser.parseString(data).getAsJsonObject();
      String type = o.get("type").getAsString();
      if (type.equals("text-delta")) {
        return o.get("delta").getAsString().length();
      }
      JsonElement output = o.get("output");
      return output == null ? 1 : 2;
    }
  }
}
