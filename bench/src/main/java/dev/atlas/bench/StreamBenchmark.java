package dev.atlas.bench;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The stream every in-memory streaming benchmark parses, generated once per trial. */
@State(Scope.Benchmark)
public abstract class StreamBenchmark {
  /** Stream size in MiB. */
  @Param("50")
  public int megabytes;

  /** The kind of stream, {@link StreamData#ATLAS} or {@link StreamData#MULTIBYTE}. */
  @Param({StreamData.ATLAS, StreamData.MULTIBYTE})
  public String stream;

  /** The generated stream. */
  protected byte[] bytes;

  /** Generates the stream. */
  @Setup
  public void setup() {
    bytes = StreamData.generate(stream, megabytes << 20);
  }
}
