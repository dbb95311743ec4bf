package dev.atlas.client;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.atlas.client.spec.OpenApiSpec;
import dev.atlas.client.spec.SpecOperation;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Records which of the spec's operations the WireMock tests reached: each request WireMock
 * served is matched to its operation by method and path and journaled as {@code wiremock} in the
 * directory the system property {@code atlas.coverage.dir} names (set by the build). The build's
 * operation coverage check reads these journals.
 */
public final class OperationJournal {
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
          .ifPresent(op -> dev.atlas.client.spec.OperationJournal.append(Path.of(dir), "wiremock", op.id()));
    }
  }
}
