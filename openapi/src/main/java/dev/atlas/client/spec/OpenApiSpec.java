package dev.atlas.client.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Atlas API's OpenAPI 3.0 document, shipped as a classpath resource.
 *
 * <p>This is the same file the Java client is generated from ({@code openapi/openapi.json} in the
 * source tree). Serve it, feed it to another generator or import it into Postman.
 */
public final class OpenApiSpec {

  /** Classpath location of the document, usable with {@link ClassLoader#getResource(String)}. */
  public static final String RESOURCE_PATH = "dev/atlas/client/spec/openapi.json";

  private OpenApiSpec() {}

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
