package dev.atlas.sandbox;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the sandbox writes and reads values on the wire: its Gson (nulls kept), the two timestamp
 * formats the real server sends, and the readers of text fields in JSON objects.
 */
final class Wire {
  static final Gson GSON = new GsonBuilder().serializeNulls().create();
  private static final DateTimeFormatter JS_DATE = DateTimeFormatter.ofPattern(
      "EEE MMM dd yyyy HH:mm:ss 'GMT+0000 (Coordinated Universal Time)'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private Wire() {}

  /** @return the time as JavaScript's {@code Date.toString()} writes it (conversations and messages) */
  static String js(Instant t) {
    return JS_DATE.format(t);
  }

  /** @return the time as ISO-8601 (tasks, runs, audit rows, actions) */
  static String iso(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t);
  }

  /** @return a JSON object with the one member {@code name} */
  static JsonObject object(String name, JsonElement value) {
    JsonObject o = new JsonObject();
    o.add(name, value);
    return o;
  }

  /** @return a JSON array of the one element */
  static JsonArray array(JsonElement element) {
    JsonArray a = new JsonArray();
    a.add(element);
    return a;
  }

  static JsonArray strings(Iterable<String> values) {
    JsonArray a = new JsonArray();
    values.forEach(a::add);
    return a;
  }

  /** @return the field's text; a missing or empty field is a 422 validation error */
  static String requireText(JsonObject body, String field) {
    JsonElement e = body == null ? null : body.get(field);
    if (e == null || !e.isJsonPrimitive() || e.getAsString().isEmpty()) {
      throw Reject.validation(field, "Too small: expected string to have >=1 characters");
    }
    return e.getAsString();
  }

  /** @return the field's text, or null when it is missing or null */
  static String optText(JsonObject body, String field) {
    JsonElement e = body == null ? null : body.get(field);
    return e == null || e.isJsonNull() ? null : e.getAsString();
  }
}
