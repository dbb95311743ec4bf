package dev.atlas.build;

import dev.atlas.client.spec.SpecOperation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The spec's operations held against the four other places an operation lives: a facade
 * {@code Operation} named by its operationId, a sandbox handler (or a declared refusal), a test
 * that reached it on WireMock and a test that reached it on the sandbox (both read from the
 * journals the test runs write; see the root pom's surefire settings).
 *
 * @param spec the spec's operations
 * @param facade the operationIds the client's {@code Operation.of("...")} calls name
 * @param sandbox the operationIds the sandbox has a handler for
 * @param unsupported the sandbox's declared refusals: operationId to what it answers instead
 * @param wireMockTests the operationIds the WireMock tests reached
 * @param sandboxTests the operationIds the sandbox tests reached
 */
record OperationCoverage(List<SpecOperation> spec, Set<String> facade, Set<String> sandbox,
    Map<String, String> unsupported, Set<String> wireMockTests, Set<String> sandboxTests) {
  private static final Pattern FACADE_OPERATION = Pattern.compile("Operation\\.of\\(\\s*\"(\\w+)\"");

  /** @return one line per missing piece, naming the operation; empty when every operation is whole */
  List<String> problems() {
    List<String> out = new ArrayList<>();
    Set<String> ids = new TreeSet<>();
    for (SpecOperation op : spec) {
      String id = op.id();
      ids.add(id);
      String where = id + " (" + op.method() + " " + op.path() + ")";
      if (!facade.contains(id)) {
        out.add(where + ": no facade method (no Operation.of(\"" + id + "\", ...) in atlas-client)");
      }
      if (!sandbox.contains(id)) {
        out.add(where + ": no sandbox handler");
      }
      if (!wireMockTests.contains(id)) {
        out.add(where + ": no test reaches it on WireMock");
      }
      if (!sandboxTests.contains(id)) {
        out.add(where + ": no test reaches it on the sandbox");
      }
    }
    new TreeSet<>(facade).stream().filter(f -> !ids.contains(f))
        .forEach(f -> out.add(f + ": the facade names an operation the spec does not have"));
    return out;
  }

  /** @return the table: one row per operation, a column per place */
  String table() {
    StringBuilder b = new StringBuilder();
    String format = "%-34s %-7s %-58s %-6s %-11s %-8s %-8s%n";
    b.append(String.format(format, "operation", "method", "path", "facade", "sandbox", "WireMock", "sandbox"));
    b.append(String.format(format, "", "", "", "", "handler", "test", "test"));
    for (SpecOperation op : spec) {
      String handler = !sandbox.contains(op.id()) ? "MISSING" : unsupported.containsKey(op.id()) ? "refuses" : "yes";
      b.append(String.format(format, op.id(), op.method(), op.path(), mark(facade, op), handler,
          mark(wireMockTests, op), mark(sandboxTests, op)));
    }
    unsupported.forEach((id, answer) -> b.append("  ").append(id).append(" is not emulated: ").append(answer).append('\n'));
    b.append(spec.size()).append(" operations, ").append(problems().size()).append(" missing pieces\n");
    return b.toString();
  }

  private static String mark(Set<String> set, SpecOperation op) {
    return set.contains(op.id()) ? "yes" : "MISSING";
  }

  /**
   * @param sourceRoot a source tree
   * @return the operationIds its {@code Operation.of("...")} calls name
   */
  static Set<String> facadeOperations(Path sourceRoot) {
    Set<String> ids = new TreeSet<>();
    for (Path file : files(sourceRoot, ".java")) {
      Matcher m = FACADE_OPERATION.matcher(read(file));
      while (m.find()) {
        ids.add(m.group(1));
      }
    }
    return ids;
  }

  /**
   * @param modulesRoot the directory holding the modules
   * @param prefix {@code wiremock-} or {@code sandbox-}
   * @return the operationIds in every journal of that kind under {@code <module>/target/operation-coverage}
   * @throws IllegalStateException when there is no such journal at all: the tests did not run
   */
  static Set<String> journals(Path modulesRoot, String prefix) {
    Set<String> ids = new TreeSet<>();
    int found = 0;
    try (Stream<Path> modules = Files.list(modulesRoot)) {
      for (Path module : modules.filter(Files::isDirectory).toList()) {
        Path dir = module.resolve("target/operation-coverage");
        for (Path journal : files(dir, ".txt")) {
          if (journal.getFileName().toString().startsWith(prefix)) {
            found++;
            read(journal).lines().filter(l -> !l.isBlank()).forEach(ids::add);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (found == 0) {
      throw new IllegalStateException("No " + prefix + "*.txt journal under */target/operation-coverage: run the "
          + "modules' tests first (./mvnw verify), then build-checks");
    }
    return ids;
  }

  private static List<Path> files(Path root, String suffix) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
