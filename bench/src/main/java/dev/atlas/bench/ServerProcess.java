package dev.atlas.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** {@link LoopbackServer} with a fixed latency in a child JVM, so its threads and heap are not counted here. */
final class ServerProcess implements AutoCloseable {
  final Process process;
  final String baseUrl;

  private ServerProcess(Process process, String baseUrl) {
    this.process = process;
    this.baseUrl = baseUrl;
  }

  static ServerProcess start(long latencyMillis) throws IOException {
    Process p = new ProcessBuilder(ColdStart.javaBin(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), Long.toString(latencyMillis)).redirectErrorStream(true).start();
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

  /** Entry point of the server process: canned query answers and a small chat stream, after a fixed latency. */
  public static final class Main {
    private Main() {}

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
