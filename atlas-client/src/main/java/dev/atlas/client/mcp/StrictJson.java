package dev.atlas.client.mcp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;

/** Strict JSON reading (Gson is lenient by default: it would take {@code <html>} or {@code abc} for JSON). */
final class StrictJson {
  private StrictJson() {}

  /** @return the text as a JSON object, or null if it is not exactly one strict JSON object */
  static JsonObject object(String text) {
    try (JsonReader reader = new JsonReader(new StringReader(text))) {
      reader.setStrictness(Strictness.STRICT);
      JsonElement e = JsonParser.parseReader(reader);
      if (!e.isJsonObject() || reader.peek() != JsonToken.END_DOCUMENT) {
        return null;
      }
      return e.getAsJsonObject();
    } catch (JsonParseException | IOException | IllegalStateException e) {
      return null;
    }
  }

  /** @return the element's text if it is a JSON string, else null */
  static String string(JsonElement e) {
    return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
  }

  /** @return the element's value if it is a JSON number, else null */
  static Double number(JsonElement e) {
    return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsDouble() : null;
  }
}
