package dev.atlas.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A gigabyte streamed through {@code streamQuery} in a JVM capped at 64 MB of heap (its own
 * surefire execution, see the pom): the parser's memory is bounded and nothing accumulates.
 */
class BoundedHeapStreamTest extends WireMockSupport {
  static final long GIGABYTE = 1L << 30;

  @Test
  void aGigabyteStreamsThroughA64MegabyteHeap() throws Exception {
    assertThat(Runtime.getRuntime().maxMemory()).as("run with -Xmx64m").isLessThanOrEqualTo(80L << 20);
    StringBuilder sb = new StringBuilder();
    while (sb.length() < 60_000) {
      sb.append("data: {\"type\":\"text-delta\",\"id\":\"t1\",\"delta\":\"revenue grew by 12% in the north region \"}\n\n");
    }
    String chunk = sb.toString();
    long frames = 0;
    int framesPerChunk = chunk.split("\n\n").length;
    try (RawHttpServer server = new RawHttpServer(x -> {
      x.startEventStream();
      byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
      String head = Integer.toHexString(bytes.length) + "\r\n";
      for (long sent = 0; sent < GIGABYTE; sent += bytes.length) {
        x.out.write(head.getBytes(StandardCharsets.US_ASCII));
        x.out.write(bytes);
        x.out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      x.chunk("data: [DONE]\n\n");
      x.end();
    }); AtlasClient c = builderFor(server.baseUrl()).apiKey(API_KEY).build();
        AtlasStream stream = c.streamQuery("q")) {
      long peak = 0;
      for (StreamEvent e : stream) {
        if (e instanceof StreamEvent.Text) {
          frames++;
        }
        if ((frames & 0xFFFFF) == 0) {
          Runtime rt = Runtime.getRuntime();
          peak = Math.max(peak, rt.totalMemory() - rt.freeMemory());
        }
      }
      long chunks = (GIGABYTE + chunk.length() - 1) / chunk.length();
      assertThat(frames).isEqualTo(chunks * framesPerChunk);
      System.out.printf("1 GiB stream: %d events, peak sampled heap %d MB of %d MB%n", frames, peak >> 20,
          Runtime.getRuntime().maxMemory() >> 20);
    }
  }
}
