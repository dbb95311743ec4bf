package dev.atlas.client.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * The breaking-change guard: the working spec must stay compatible with the last released one
 * (openapi/released/openapi-X.Y.Z.json) unless its major version is bumped. openapi-diff decides
 * what breaks a client: a removed operation or field, a narrowed type, a new required request
 * field, and more.
 */
class BreakingChangeTest {
  static final Path WORKING = Path.of("openapi.json");

  static Path lastReleased() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("released"))) {
      return files.filter(p -> p.getFileName().toString().matches("openapi-\\d+\\.\\d+\\.\\d+\\.json"))
          .max(Comparator.comparing(BreakingChangeTest::versionKey)).orElseThrow();
    }
  }

  static String versionKey(Path p) {
    String[] v = p.getFileName().toString().replaceAll("openapi-|\\.json", "").split("\\.");
    return String.format("%05d.%05d.%05d", Integer.parseInt(v[0]), Integer.parseInt(v[1]), Integer.parseInt(v[2]));
  }

  static int major(Path spec) throws IOException {
    String version = JsonParser.parseString(Files.readString(spec)).getAsJsonObject().getAsJsonObject("info")
        .get("version").getAsString();
    return Integer.parseInt(version.split("\\.")[0]);
  }

  static String report(ChangedOpenApi diff) {
    return new MarkdownRender().render(diff);
  }

  @Test
  void theWorkingSpecDoesNotBreakTheLastRelease() throws IOException {
    Path released = lastReleased();
    ChangedOpenApi diff = OpenApiCompare.fromLocations(released.toString(), WORKING.toString());
    if (major(WORKING) > major(released)) {
      return; // a new major version may break
    }
    assertThat(diff.isIncompatible())
        .as("openapi.json breaks %s without a major version bump:%n%s", released, report(diff))
        .isFalse();
  }

  /** Applies one change to a copy of the released spec and reports whether the guard would fail. */
  static boolean breaks(Path tmp, Consumer<JsonObject> change) throws IOException {
    Path released = lastReleased();
    JsonObject spec = JsonParser.parseString(Files.readString(released)).getAsJsonObject();
    change.accept(spec);
    Path changed = tmp.resolve("changed.json");
    Files.writeString(changed, spec.toString());
    return OpenApiCompare.fromLocations(released.toString(), changed.toString()).isIncompatible();
  }

  static JsonObject schema(JsonObject spec, String name) {
    return spec.getAsJsonObject("components").getAsJsonObject("schemas").getAsJsonObject(name);
  }

  @Test
  void theGuardCatchesEachKindOfBreakingChange(@TempDir Path tmp) throws IOException {
    assertThat(breaks(tmp, s -> s.getAsJsonObject("paths").getAsJsonObject("/api/v1/conversations/{id}")
        .remove("delete"))).as("removed operation").isTrue();
    assertThat(breaks(tmp, s -> schema(s, "QueryResponse").getAsJsonObject("properties").remove("answer")))
        .as("removed response field").isTrue();
    assertThat(breaks(tmp, s -> {
      JsonObject props = schema(s, "QueryRequest").getAsJsonObject("properties");
      JsonObject field = new JsonObject();
      field.addProperty("type", "string");
      props.add("tenant", field);
      schema(s, "QueryRequest").getAsJsonArray("required").add("tenant");
    })).as("new required request field").isTrue();
    assertThat(breaks(tmp, s -> schema(s, "QueryRequest").getAsJsonObject("properties").getAsJsonObject("question")
        .addProperty("type", "integer"))).as("narrowed request type").isTrue();
    assertThat(breaks(tmp, s -> {
      JsonObject field = new JsonObject();
      field.addProperty("type", "string");
      schema(s, "QueryResponse").getAsJsonObject("properties").add("confidence", field);
    })).as("an added optional response field is compatible").isFalse();
  }
}
