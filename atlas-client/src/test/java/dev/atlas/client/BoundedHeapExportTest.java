package dev.atlas.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atlas.client.generated.model.ExportFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 96 MiB PNG export streamed to a file in a JVM capped at 64 MB of heap (the pom's bounded-heap
 * execution): the bytes go to the file as they arrive, none of it is held whole.
 */
class BoundedHeapExportTest extends WireMockSupport {
  static final long SIZE = 96L << 20;

  @TempDir
  Path dir;

  @Test
  void anExportLargerThanTheHeapIsStreamedToAFile() throws Exception {
    assertThat(Runtime.getRuntime().maxMemory()).as("run with -Xmx64m").isLessThan(SIZE);
    byte[] piece = new byte[1 << 20];
    for (int i = 0; i < piece.length; i++) {
      piece[i] = (byte) i;
    }
    try (RawHttpServer server = new RawHttpServer(x -> {
      x.out.write(("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: " + SIZE
          + "\r\nX-Atlas-Export-Partial: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      for (long sent = 0; sent < SIZE; sent += piece.length) {
        x.out.write(piece);
      }
      x.out.flush();
    }); AtlasClient c = builderFor(server.baseUrl()).apiKey(API_KEY).build()) {
      Path target = dir.resolve("big.png");
      DashboardFile f = c.dashboards().files().export("7d2f4b6a-1c3e-4a5b-8d7f-9e1a3c5b7d90", ExportFormat.PNG,
          ExportDashboardParams.defaults(), target, RequestOptions.defaults());
      assertThat(f.size()).isEqualTo(SIZE);
      assertThat(Files.size(target)).isEqualTo(SIZE);
      System.out.printf("%d MiB export streamed to a file with a %d MB heap%n", SIZE >> 20,
          Runtime.getRuntime().maxMemory() >> 20);
    }
  }
}
