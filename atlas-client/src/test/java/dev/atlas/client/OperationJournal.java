package dev.atlas.client;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.atlas.client.spec.OpenApiSpec;
import dev.atlas.client.spec.SpecOperation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records which of the spec's operations the WireMock tests reached: each request WireMock
 * served is matched to its operation by method and path, and each operationId is appended once
 * to {@code wiremock-<pid>.txt} in the directory the system property {@code atlas.coverage.dir}
 * names (set by the build). The build's operation coverage check reads these files.
 */
public final class OperationJournal {
  private static final Set<String> WRITTEN = ConcurrentHashMap.newKeySet();

  private OperationJournal() {}

  /** @param events what a WireMock server served during a test */
  public static void record(List<ServeEvent> events) {
    String dir = System.getProperty("atlas.coverage.dir");
    if (dir == null || dir.isBlank()) {
      return;
    }
    for (ServeEvent e : events) {
      String path = URI.create(e.getRequest().getUrl()).getRawPath();
      SpecOperation.find(OpenApiSpec.operations(), e.getRequest().getMethod().getName(), path)
          .filter(op -> WRITTEN.add(op.id()))
          .ifPresent(op -> append(Path.of(dir), op.id()));
    }
  }

  private static synchronized void append(Path dir, String id) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("wiremock-" + ProcessHandle.current().pid() + ".txt"), id + "\n",
          StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
