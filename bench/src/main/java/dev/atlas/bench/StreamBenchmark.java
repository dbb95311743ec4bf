package dev.atlas.bench;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The stream every streaming benchmark parses, generated once per trial. */
@State(Scope.Benchmark)
public abstract class StreamBenchmark {
  /** Stream size in MiB. */
  @Param("50")
  public int megabytes;

  /** The generated stream. */
  protected byte[] stream;

  /** Generates the stream. */
  @Setup
  public void setup() {
    stream = StreamData.generate(megabytes << 20);
  }
}
