package dev.atlas.bench;

import com.launchdarkly.eventsource.LaunchDarklyParsers;
import dev.atlas.client.SseEvent;
import dev.atlas.client.SseParser;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import okhttp3.sse.internal.ServerSentEventReader;
import okio.BufferedSource;
import okio.Okio;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * SSE framing of the same ~50 MB stream in memory, once per stream kind ({@link StreamData}): each
 * parser turns bytes into events with their data as a String. Each benchmark returns the total data
 * length so none can skip work.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1) // was 4; with pre-touched heaps every parser was steady from its 4th iteration
@Measurement(iterations = 6, time = 1)
public class SseFramingBenchmark extends StreamBenchmark {
  InputStream body() {
    return new ByteArrayInputStream(bytes);
  }

  /** @return data chars; our parser */
  @Benchmark
  public long atlasSseParser() throws IOException {
    SseParser p = new SseParser(body());
    long n = 0;
    for (SseEvent e; (e = p.next()) != null; ) {
      n += e.data().length();
    }
    return n;
  }

  /** @return data chars; OkHttp's reader (okhttp-sse), as its EventSource runs it */
  @Benchmark
  public long okhttpSse() throws IOException {
    BufferedSource source = Okio.buffer(Okio.source(body()));
    long[] n = {0};
    ServerSentEventReader reader = new ServerSentEventReader(source, new ServerSentEventReader.Callback() {
      @Override
      public void onEvent(String id, String type, String data) {
        n[0] += data.length();
      }

      @Override
      public void onRetryChange(long timeMs) {}
    });
    while (reader.processNextEvent()) {
      // events are counted by the callback
    }
    return n[0];
  }

  /** @return messages; LaunchDarkly's parser (okhttp-eventsource) */
  @Benchmark
  public long launchDarkly() throws Exception {
    return LaunchDarklyParsers.countMessages(body());
  }

  /** @return data chars; a plain BufferedReader.readLine loop handling only {@code data:} lines */
  @Benchmark
  public long readLineLoop() throws IOException {
    return ReadLineSse.forEachData(body(), data -> { });
  }

  /** @return line feeds; the physical limit: one pass over the bytes looking for line ends */
  @Benchmark
  public long bareScan() throws IOException {
    InputStream in = body();
    byte[] buf = new byte[8192];
    long lf = 0;
    for (int k; (k = in.read(buf)) > 0; ) {
      for (int i = 0; i < k; i++) {
        if (buf[i] == '\n') {
          lf++;
        }
      }
    }
    return lf;
  }

  /** The readLine baseline, shared with the typed-events benchmark. */
  static final class ReadLineSse {
    private ReadLineSse() {}

    static long forEachData(InputStream in, java.util.function.Consumer<String> onData) throws IOException {
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 8192);
      StringBuilder data = new StringBuilder();
      boolean has = false;
      long n = 0;
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isEmpty()) {
          if (has) {
            String d = data.toString();
            onData.accept(d);
            n += d.length();
            data.setLength(0);
            has = false;
          }
        } else if (line.startsWith("data:")) {
          if (has) {
            data.append('\n');
          }
          data.append(line, line.startsWith("data: ") ? 6 : 5, line.length());
          has = true;
        }
      }
      return n;
    }
  }
}
