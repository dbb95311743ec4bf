package dev.atlas.bench;

import dev.atlas.client.AtlasStream;
import dev.atlas.client.StreamEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * From bytes to typed events: our {@link AtlasStream} versus what a user would write by hand, a
 * readLine loop with a Gson tree per frame. Once per stream kind ({@link StreamData}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
public class TypedEventsBenchmark extends StreamBenchmark {
  /** @return text chars plus events; our typed events */
  @Benchmark
  public long atlasTypedEvents() {
    long n = 0;
    try (AtlasStream events = AtlasStream.fromBody(new ByteArrayInputStream(bytes))) {
      for (StreamEvent e : events) {
        n += e instanceof StreamEvent.Text t ? t.content().length() : 1;
      }
    }
    return n;
  }

  /** @return text chars plus events; readLine + {@code JsonParser.parseString} per frame */
  @Benchmark
  public long readLineGsonTree() throws IOException {
    long[] n = {0};
    SseFramingBenchmark.ReadLineSse.forEachData(new ByteArrayInputStream(bytes),
        data -> n[0] += StreamEndToEndBenchmark.GsonTreeEvents.count(data));
    return n[0];
  }
}
