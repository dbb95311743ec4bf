package dev.atlas.client.spec;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Atlas API's OpenAPI 3.0 document, shipped as a classpath resource.
 *
 * <p>This is the same file the Java client is generated from ({@code openapi/openapi.json} in the
 * source tree). Serve it, feed it to another generator or import it into Postman.
 */
public final class OpenApiSpec {

  /** Classpath location of the document, usable with {@link ClassLoader#getResource(String)}. */
  public static final String RESOURCE_PATH = "dev/atlas/client/spec/openapi.json";

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static volatile List<SpecOperation> operations;

  private OpenApiSpec() {}

  /**
   * The operations this document declares: the one list of the API's operations, which the
   * sandbox binds its handlers to and the build's coverage check holds the client against.
   *
   * @return every operation, in document order
   */
  public static List<SpecOperation> operations() {
    List<SpecOperation> ops = operations;
    if (ops == null) {
      ops = operations(json());
      operations = ops;
    }
    return ops;
  }

  /**
   * Reads the operations of another OpenAPI 3 document (a server's, say).
   *
   * @param json the document as JSON text
   * @return every operation that has an operationId, in document order
   * @throws IllegalArgumentException if the text is not an OpenAPI document with {@code paths}
   */
  public static List<SpecOperation> operations(String json) {
    JsonObject doc;
    try {
      doc = JsonParser.parseString(json).getAsJsonObject();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Not a JSON object: " + e.getMessage(), e);
    }
    if (!doc.has("paths") || !doc.get("paths").isJsonObject()) {
      throw new IllegalArgumentException("Not an OpenAPI document: no paths object");
    }
    boolean securedByDefault = doc.has("security") && doc.get("security").isJsonArray()
        && !doc.getAsJsonArray("security").isEmpty();
    List<SpecOperation> ops = new ArrayList<>();
    for (Map.Entry<String, JsonElement> path : doc.getAsJsonObject("paths").entrySet()) {
      for (Map.Entry<String, JsonElement> m : path.getValue().getAsJsonObject().entrySet()) {
        if (!METHODS.contains(m.getKey()) || !m.getValue().isJsonObject()) {
          continue;
        }
        JsonObject op = m.getValue().getAsJsonObject();
        if (!op.has("operationId")) {
          continue;
        }
        boolean secured = op.has("security") ? !op.getAsJsonArray("security").isEmpty() : securedByDefault;
        String tag = op.has("tags") && !op.getAsJsonArray("tags").isEmpty()
            ? op.getAsJsonArray("tags").get(0).getAsString() : "";
        ops.add(new SpecOperation(op.get("operationId").getAsString(), m.getKey().toUpperCase(Locale.ROOT),
            path.getKey(), tag, secured));
      }
    }
    return List.copyOf(ops);
  }

  /**
   * Opens the document as a stream of UTF-8 JSON; the caller closes it.
   *
   * @return a new stream over the document
   * @throws IllegalStateException if the resource is missing from the classpath (a broken build)
   */
  public static InputStream openStream() {
    InputStream in = OpenApiSpec.class.getClassLoader().getResourceAsStream(RESOURCE_PATH);
    if (in == null) {
      throw new IllegalStateException("The Atlas OpenAPI document is missing from the classpath: " + RESOURCE_PATH);
    }
    return in;
  }

  /**
   * Reads the whole document.
   *
   * @return the document as JSON text
   * @throws UncheckedIOException if the resource cannot be read
   */
  public static String json() {
    try (InputStream in = openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the Atlas OpenAPI document", e);
    }
  }
}
