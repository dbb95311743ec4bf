package dev.atlas.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** A rejected request: the router turns it into the contract's error envelope. */
final class Reject extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int status;
  final String code;
  /** Fields the envelope carries besides {@code error}, {@code message} and {@code requestId}, or null. */
  final transient JsonObject extra;

  Reject(int status, String code, String message) {
    this(status, code, message, null);
  }

  Reject(int status, String code, String message, JsonObject extra) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.extra = extra;
  }

  /** @return the server's 422 {@code validation_error} for one invalid body field */
  static Reject validation(String path, String message) {
    JsonObject detail = new JsonObject();
    detail.addProperty("origin", "string");
    detail.addProperty("code", "too_small");
    detail.addProperty("minimum", 1);
    detail.addProperty("inclusive", true);
    JsonArray p = new JsonArray();
    p.add(path);
    detail.add("path", p);
    detail.addProperty("message", message);
    JsonArray details = new JsonArray();
    details.add(detail);
    JsonObject extra = new JsonObject();
    extra.add("details", details);
    return new Reject(422, "validation_error", "Invalid request body", extra);
  }
}
