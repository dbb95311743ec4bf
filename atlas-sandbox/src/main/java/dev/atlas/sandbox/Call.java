package dev.atlas.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One request: its path parameters, query and body, the fault injected into it, and the helpers to answer it. */
final class Call {
  private static final Pattern UUID_RE = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** A page of a list: how many items, after how many. */
  record Page(int limit, int offset) {
    /** @return copies of the items of {@code all} that fall on this page */
    JsonArray slice(List<JsonObject> all) {
      JsonArray page = new JsonArray();
      all.stream().skip(offset).limit(limit).forEach(x -> page.add(x.deepCopy()));
      return page;
    }
  }

  final HttpExchange ex;
  final Map<String, String> query;
  /** The fault injected into this request (by header or globally), or null; set by the router. */
  Fault fault;
  /** Whether the caller presented the member key (not the admin one); set by the router. */
  boolean member;
  private final Matcher params;

  Call(HttpExchange ex, Matcher params) {
    this.ex = ex;
    this.params = params;
    this.query = parseQuery(ex.getRequestURI().getRawQuery());
  }

  /** @return whether the caller is a member of the workspace, not an admin */
  boolean isMember() {
    return member;
  }

  static boolean isUuid(String id) {
    return UUID_RE.matcher(id).matches();
  }

  /** @return path parameter {@code i}, decoded */
  String param(int i) {
    return URLDecoder.decode(params.group(i), StandardCharsets.UTF_8);
  }

  /** @return path parameter {@code i} as a lower-case UUID; anything else is 400 */
  String uuidParam(int i) {
    String id = param(i);
    if (!isUuid(id)) {
      throw new Reject(400, "invalid_request", "Invalid id: must be a UUID");
    }
    return id.toLowerCase(Locale.ROOT);
  }

  /** The server's parsePagination: bad limits mean the default, big ones are clamped, bad offsets are 0. */
  Page page(int dflt, int max) {
    int limit = dflt;
    try {
      int l = Integer.parseInt(query.getOrDefault("limit", ""));
      limit = l <= 0 ? dflt : Math.min(l, max);
    } catch (NumberFormatException ignored) {
      // default
    }
    int offset = 0;
    try {
      offset = Math.max(0, Integer.parseInt(query.getOrDefault("offset", "")));
    } catch (NumberFormatException ignored) {
      // 0
    }
    return new Page(limit, offset);
  }

  /** @return the JSON object body, or null when there is none; other JSON or bad JSON is 400 */
  JsonObject body() throws IOException {
    byte[] bytes = ex.getRequestBody().readAllBytes();
    if (bytes.length == 0) {
      return null;
    }
    try {
      JsonElement e = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8));
      if (!e.isJsonObject()) {
        throw new Reject(400, "invalid_request", "Request body must be a JSON object");
      }
      return e.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new Reject(400, "invalid_request", "Invalid JSON body");
    }
  }

  void json(int status, JsonElement body) throws IOException {
    bytes(status, Wire.GSON.toJson(body).getBytes(StandardCharsets.UTF_8));
  }

  void bytes(int status, byte[] bytes) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  void noContent() throws IOException {
    ex.sendResponseHeaders(204, -1);
    ex.close();
  }

  /** @return every pair of a query string, in order, repeated names included */
  static List<Map.Entry<String, String>> parseAll(String raw) {
    List<Map.Entry<String, String>> out = new java.util.ArrayList<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      out.add(Map.entry(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)));
    }
    return out;
  }

  /** @return the pairs of a query string (or a form body), the first value of each name */
  static Map<String, String> parseQuery(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.putIfAbsent(k, v);
    }
    return out;
  }
}
