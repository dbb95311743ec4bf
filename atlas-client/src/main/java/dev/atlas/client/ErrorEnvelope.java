package dev.atlas.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.atlas.client.generated.model.ValidationIssue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Atlas's error envelope, {@code {"error": code, "message", "requestId"?, "retryable"?,
 * "retryAfterSeconds"?, "details"?}}, read from an HTTP error body or from a stream's error frame.
 * The one parser of it in the SDK.
 *
 * @param code the wire code, as sent
 * @param message the server's message, or null
 * @param retryable the server's retryable flag, or null when absent
 * @param retryAfter the server's {@code retryAfterSeconds}, exact, or null when absent or invalid
 * @param requestId the request id, or null
 * @param details validation issues (422), or null when absent
 */
record ErrorEnvelope(String code, String message, Boolean retryable, Duration retryAfter, String requestId,
    List<ValidationIssue> details) {

  /**
   * @param o a JSON object
   * @return whether it is an error envelope: it has a string {@code error} member
   */
  public static boolean isEnvelope(JsonObject o) {
    JsonElement e = o.get("error");
    return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
  }

  /**
   * @param o a JSON object
   * @return its envelope, or null if it is not one
   */
  public static ErrorEnvelope of(JsonObject o) {
    if (!isEnvelope(o)) {
      return null;
    }
    return new ErrorEnvelope(o.get("error").getAsString(), string(o.get("message")), bool(o.get("retryable")),
        seconds(o.get("retryAfterSeconds")), string(o.get("requestId")), details(o.get("details")));
  }

  /**
   * @param text a body or frame text, possibly not JSON at all
   * @return its envelope, or null if it is not one
   */
  public static ErrorEnvelope parse(String text) {
    JsonObject o = parseObject(text);
    return o == null ? null : of(o);
  }

  /**
   * @param text any text
   * @return the JSON object it holds, or null when it is blank, not JSON or not an object
   */
  public static JsonObject parseObject(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      JsonElement e = JsonParser.parseString(text);
      return e.isJsonObject() ? e.getAsJsonObject() : null;
    } catch (RuntimeException | StackOverflowError e) {
      return null;
    }
  }

  /**
   * Reads a delay in seconds: a non-negative number, or a string holding one. Not capped here: the
   * retry policy decides how long it waits at most.
   *
   * @param e the JSON value, or null
   * @return the delay, or null when absent, negative or not a number
   */
  public static Duration seconds(JsonElement e) {
    if (e == null || !e.isJsonPrimitive()) {
      return null;
    }
    JsonPrimitive p = e.getAsJsonPrimitive();
    try {
      double s = p.isNumber() ? p.getAsDouble() : p.isString() ? Double.parseDouble(p.getAsString().trim()) : Double.NaN;
      if (Double.isNaN(s) || s < 0) {
        return null;
      }
      return Duration.ofMillis(Math.round(Math.min(s, Long.MAX_VALUE / 1000.0) * 1000));
    } catch (RuntimeException ex) {
      return null;
    }
  }

  private static String string(JsonElement e) {
    return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
  }

  private static Boolean bool(JsonElement e) {
    return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() ? e.getAsBoolean() : null;
  }

  private static List<ValidationIssue> details(JsonElement e) {
    if (e == null || !e.isJsonArray()) {
      return null;
    }
    JsonArray array = e.getAsJsonArray();
    List<ValidationIssue> out = new ArrayList<>(array.size());
    for (JsonElement item : array) {
      try {
        ValidationIssue issue = Json.gson().fromJson(item, ValidationIssue.class);
        if (issue != null) {
          out.add(issue);
        }
      } catch (RuntimeException ignored) {
        // a malformed detail is dropped; the others are kept
      }
    }
    return out;
  }
}
