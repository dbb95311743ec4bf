package dev.atlas.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atlas.client.spec.OpenApiSpec;
import dev.atlas.client.spec.SpecOperation;
import dev.atlas.sandbox.AtlasSandbox;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one operation coverage check: every operation of {@code openapi/openapi.json} has a facade
 * method, a sandbox handler, a WireMock test and a sandbox test. Prints the table. Runs after the
 * other modules' tests, whose journals it reads.
 */
class OperationCoverageTest {
  static OperationCoverage real;

  @BeforeAll
  static void read() {
    List<SpecOperation> spec = OpenApiSpec.operations();
    Set<String> handled;
    java.util.Map<String, String> unsupported;
    // a sandbox starts only when every operation of its spec has a handler (or a declared refusal)
    try (AtlasSandbox sandbox = AtlasSandbox.start()) {
      unsupported = sandbox.unsupportedOperations();
      handled = spec.stream().map(SpecOperation::id).collect(Collectors.toSet());
    }
    Path modules = Path.of("..");
    real = new OperationCoverage(spec, OperationCoverage.facadeOperations(Path.of("../atlas-client/src/main/java")),
        handled, unsupported, OperationCoverage.journals(modules, "wiremock-"),
        OperationCoverage.journals(modules, "sandbox-"));
  }

  @Test
  void everyOperationHasItsFacadeMethodSandboxHandlerAndTests() {
    System.out.println("Operation coverage (spec, facade, sandbox, tests):");
    System.out.print(real.table());
    assertThat(real.problems()).as("operations with a missing piece").isEmpty();
  }

  @Test
  void aMissingFacadeMethodIsNamed() {
    assertThat(without(c -> new OperationCoverage(c.spec(), minus(c.facade(), "deleteConversation"), c.sandbox(),
        c.unsupported(), c.wireMockTests(), c.sandboxTests())))
        .containsExactly("deleteConversation (DELETE /api/v1/conversations/{id}): no facade method "
            + "(no Operation.of(\"deleteConversation\", ...) in atlas-client)");
  }

  @Test
  void aMissingSandboxHandlerIsNamed() {
    assertThat(without(c -> new OperationCoverage(c.spec(), c.facade(), minus(c.sandbox(), "listTables"),
        c.unsupported(), c.wireMockTests(), c.sandboxTests())))
        .containsExactly("listTables (GET /api/v1/tables): no sandbox handler");
  }

  @Test
  void anOperationWhoseLastTestIsGoneIsNamed() {
    assertThat(without(c -> new OperationCoverage(c.spec(), c.facade(), c.sandbox(), c.unsupported(),
        minus(c.wireMockTests(), "query"), minus(c.sandboxTests(), "getHealth"))))
        .containsExactlyInAnyOrder("query (POST /api/v1/query): no test reaches it on WireMock",
            "getHealth (GET /api/health): no test reaches it on the sandbox");
  }

  @Test
  void aFacadeOperationTheSpecLacksIsNamed() {
    Set<String> facade = new HashSet<>(real.facade());
    facade.add("approveEverything");
    assertThat(without(c -> new OperationCoverage(c.spec(), facade, c.sandbox(), c.unsupported(),
        c.wireMockTests(), c.sandboxTests())))
        .containsExactly("approveEverything: the facade names an operation the spec does not have");
  }

  /** @return the problems of the real coverage changed by {@code change}, less those of the real one */
  static List<String> without(Function<OperationCoverage, OperationCoverage> change) {
    List<String> before = real.problems();
    return change.apply(real).problems().stream().filter(p -> !before.contains(p)).toList();
  }

  static Set<String> minus(Set<String> set, String id) {
    assertThat(set).contains(id);
    Set<String> copy = new HashSet<>(set);
    copy.remove(id);
    return copy;
  }
}
