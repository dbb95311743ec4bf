package dev.atlas.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.spec.OpenApiSpec;
import dev.atlas.client.spec.SpecOperation;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox binds its handlers to the spec's operationIds, and refuses to start with a gap. */
class HandlerTableTest {
  static final Router.Handler NOTHING = c -> c.noContent();

  @Test
  void aSpecOperationWithoutAHandlerStopsTheStartNamingIt() {
    List<SpecOperation> ops = new ArrayList<>(OpenApiSpec.operations());
    ops.add(new SpecOperation("approveEverything", "POST", "/api/v1/everything/approve", "Actions", true));
    assertThatThrownBy(() -> AtlasSandbox.builder().operations(ops).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("approveEverything (POST /api/v1/everything/approve)")
        .hasMessageContaining("no sandbox handler");
  }

  @Test
  void aHandlerForNoOperationStopsTheStartNamingIt() {
    List<SpecOperation> ops = new ArrayList<>(OpenApiSpec.operations());
    ops.removeIf(o -> o.id().equals("listTables"));
    assertThatThrownBy(() -> AtlasSandbox.builder().operations(ops).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the handlers of [listTables] name no operation of the spec");
  }

  @Test
  void anUnsupportedOperationBindsWithItsAnswer() {
    HandlerTable t = new HandlerTable().on("getTask", NOTHING).unsupported("listRuns", "501 not emulated", NOTHING);
    List<SpecOperation> ops = List.of(new SpecOperation("getTask", "GET", "/tasks/{id}", "", true),
        new SpecOperation("listRuns", "GET", "/tasks/runs", "", true));
    List<HandlerTable.Route> routes = t.bind(ops);
    // the literal path is tried first, whatever the spec's order
    assertThat(routes).extracting(HandlerTable.Route::operationId).containsExactly("listRuns", "getTask");
    assertThat(t.unsupported()).containsEntry("listRuns", "501 not emulated");
    assertThatThrownBy(() -> t.on("getTask", NOTHING)).hasMessageContaining("Two sandbox handlers for operation getTask");
  }

  @Test
  void pathsAndMethodsComeFromTheSpecAndServedOperationsAreCounted() throws Exception {
    try (AtlasSandbox sandbox = AtlasSandbox.start();
        AtlasClient atlas = AtlasClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).build()) {
      atlas.health();
      atlas.listTables();
      atlas.listTables();
      assertThat(sandbox.servedOperations()).containsEntry("getHealth", 1).containsEntry("listTables", 2)
          .doesNotContainKey("query");
      assertThat(sandbox.unsupportedOperations()).isEmpty();
      // a method the spec does not declare for a known path: 405, and no operation counted
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl()
          + "/api/v1/tables")).DELETE().header("Authorization", "Bearer " + sandbox.apiKey()).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(405);
      assertThat(sandbox.servedOperations()).containsEntry("listTables", 2);
    }
  }

  @Test
  void theJournalRecordsEachOperationOnce(@TempDir Path dir) throws IOException {
    String before = System.getProperty(OperationJournal.PROPERTY);
    System.setProperty(OperationJournal.PROPERTY, dir.toString());
    try {
      OperationJournal journal = new OperationJournal();
      journal.record("journalProbeA");
      journal.record("journalProbeA");
      journal.record("journalProbeB");
      journal.record("journalProbeA");
      Path file = dir.resolve("sandbox-" + ProcessHandle.current().pid() + ".txt");
      assertThat(Files.readAllLines(file)).containsExactly("journalProbeA", "journalProbeB");
      assertThat(journal.counts()).containsEntry("journalProbeA", 3).containsEntry("journalProbeB", 1);
    } finally {
      if (before == null) {
        System.clearProperty(OperationJournal.PROPERTY);
      } else {
        System.setProperty(OperationJournal.PROPERTY, before);
      }
    }
  }
}
