package dev.atlas.drift;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The operations of one OpenAPI 3 document, each with the fields of its JSON request and 2xx
 * response bodies (flattened to dotted paths, {@code []} for array items, schemas resolved) and
 * its parameters: what the drift report compares.
 */
final class SpecShape {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
  private static final int MAX_DEPTH = 6;

  /**
   * One operation.
   *
   * @param id its operationId (or {@code METHOD path} when it has none)
   * @param method upper case
   * @param path the path template as written
   * @param tag its first tag, or {@code (no tag)}
   * @param request request body field to type
   * @param response 2xx body field to type
   * @param parameters {@code in:name} of each parameter (path parameters by position, as names differ)
   */
  record Op(String id, String method, String path, String tag, Map<String, String> request,
      Map<String, String> response, Set<String> parameters) {
    /** @return method and path with every parameter written {@code {}}: how two documents' operations are matched */
    String key() {
      return key(method, path);
    }

    static String key(String method, String path) {
      return method + " " + path.replaceAll("\\{[^/}]+}", "{}");
    }
  }

  private final JsonObject doc;
  private final Map<String, Op> operations = new LinkedHashMap<>();

  private SpecShape(JsonObject doc) {
    this.doc = doc;
    JsonObject paths = doc.has("paths") && doc.get("paths").isJsonObject() ? doc.getAsJsonObject("paths") : null;
    if (paths == null) {
      throw new IllegalArgumentException("Not an OpenAPI document: no paths object");
    }
    for (Map.Entry<String, JsonElement> p : paths.entrySet()) {
      JsonObject item = p.getValue().getAsJsonObject();
      for (Map.Entry<String, JsonElement> m : item.entrySet()) {
        if (METHODS.contains(m.getKey()) && m.getValue().isJsonObject()) {
          Op op = read(m.getKey().toUpperCase(Locale.ROOT), p.getKey(), m.getValue().getAsJsonObject(), item);
          operations.put(op.key(), op);
        }
      }
    }
  }

  /**
   * @param json an OpenAPI 3 document
   * @return its shape
   * @throws IllegalArgumentException if it is not JSON or has no {@code paths}
   */
  static SpecShape parse(String json) {
    JsonElement e;
    try {
      e = JsonParser.parseString(json);
    } catch (RuntimeException ex) {
      throw new IllegalArgumentException("Not JSON: " + ex.getMessage(), ex);
    }
    if (!e.isJsonObject()) {
      throw new IllegalArgumentException("Not an OpenAPI document: not a JSON object");
    }
    return new SpecShape(e.getAsJsonObject());
  }

  /** @return the operations by {@link Op#key()}, in document order */
  Map<String, Op> operations() {
    return operations;
  }

  /** @return the document's title and version, e.g. {@code Atlas API 1.0.0} */
  String title() {
    JsonObject info = doc.has("info") ? doc.getAsJsonObject("info") : new JsonObject();
    String title = info.has("title") ? info.get("title").getAsString() : "(untitled)";
    return info.has("version") ? title + " " + info.get("version").getAsString() : title;
  }

  private Op read(String method, String path, JsonObject op, JsonObject pathItem) {
    String id = op.has("operationId") ? op.get("operationId").getAsString() : method + " " + path;
    String tag = op.has("tags") && op.getAsJsonArray("tags").size() > 0 ? op.getAsJsonArray("tags").get(0).getAsString()
        : "(no tag)";
    Set<String> params = new HashSet<>();
    int position = 0;
    for (JsonObject holder : new JsonObject[] {pathItem, op}) {
      if (holder.has("parameters")) {
        for (JsonElement pe : holder.getAsJsonArray("parameters")) {
          JsonObject p = resolve(pe.getAsJsonObject());
          String in = p.has("in") ? p.get("in").getAsString() : "?";
          if (in.equals("path")) {
            params.add("path:#" + (++position));
          } else if (!in.equals("header") && !in.equals("cookie")) {
            params.add(in + ":" + p.get("name").getAsString());
          }
        }
      }
    }
    Map<String, String> request = new TreeMap<>();
    if (op.has("requestBody")) {
      JsonObject body = resolve(op.getAsJsonObject("requestBody"));
      JsonObject schema = jsonSchema(body);
      if (schema != null) {
        flatten(schema, "", 0, new HashSet<>(), request);
      }
    }
    Map<String, String> response = new TreeMap<>();
    if (op.has("responses")) {
      for (Map.Entry<String, JsonElement> r : op.getAsJsonObject("responses").entrySet()) {
        if (r.getKey().startsWith("2")) {
          JsonObject schema = jsonSchema(resolve(r.getValue().getAsJsonObject()));
          if (schema != null) {
            flatten(schema, "", 0, new HashSet<>(), response);
          }
        }
      }
    }
    return new Op(id, method, path, tag, request, response, params);
  }

  private JsonObject jsonSchema(JsonObject withContent) {
    if (!withContent.has("content")) {
      return null;
    }
    for (Map.Entry<String, JsonElement> c : withContent.getAsJsonObject("content").entrySet()) {
      if (c.getKey().toLowerCase(Locale.ROOT).contains("json") && c.getValue().getAsJsonObject().has("schema")) {
        return c.getValue().getAsJsonObject().getAsJsonObject("schema");
      }
    }
    return null;
  }

  /** @return the object a local {@code $ref} points at (followed until it is not a ref), or the object itself */
  private JsonObject resolve(JsonObject o) {
    JsonObject cur = o;
    for (int i = 0; i < 20 && cur.has("$ref"); i++) {
      String ref = cur.get("$ref").getAsString();
      if (!ref.startsWith("#/")) {
        return new JsonObject();
      }
      JsonElement target = doc;
      for (String part : ref.substring(2).split("/")) {
        String name = part.replace("~1", "/").replace("~0", "~");
        if (target == null || !target.isJsonObject() || !target.getAsJsonObject().has(name)) {
          return new JsonObject();
        }
        target = target.getAsJsonObject().get(name);
      }
      cur = target.isJsonObject() ? target.getAsJsonObject() : new JsonObject();
    }
    return cur;
  }

  /** Adds {@code prefix}'s fields: each property (and array item) with its type, nested objects too. */
  private void flatten(JsonObject schemaOrRef, String prefix, int depth, Set<String> refs, Map<String, String> out) {
    String ref = schemaOrRef.has("$ref") ? schemaOrRef.get("$ref").getAsString() : null;
    if (ref != null && !refs.add(ref)) {
      return; // a recursive schema: its fields were listed once
    }
    JsonObject s = resolve(schemaOrRef);
    if (depth > MAX_DEPTH) {
      return;
    }
    for (String combinator : new String[] {"allOf", "oneOf", "anyOf"}) {
      if (s.has(combinator)) {
        for (JsonElement part : s.getAsJsonArray(combinator)) {
          flatten(part.getAsJsonObject(), prefix, depth + 1, new HashSet<>(refs), out);
        }
      }
    }
    if (s.has("properties")) {
      for (Map.Entry<String, JsonElement> p : s.getAsJsonObject("properties").entrySet()) {
        String name = prefix.isEmpty() ? p.getKey() : prefix + "." + p.getKey();
        JsonObject child = p.getValue().getAsJsonObject();
        out.put(name, type(child));
        flatten(child, name, depth + 1, new HashSet<>(refs), out);
      }
    }
    if (s.has("items") && s.get("items").isJsonObject()) {
      String name = prefix + "[]";
      JsonObject items = s.getAsJsonObject("items");
      if (!prefix.isEmpty()) {
        out.put(name, type(items));
      }
      flatten(items, name, depth + 1, new HashSet<>(refs), out);
    }
  }

  /** @return the schema's JSON type ({@code any} when it names none; formats are left out: they differ by convention) */
  private String type(JsonObject schemaOrRef) {
    JsonObject s = resolve(schemaOrRef);
    if (s.has("type")) {
      JsonElement t = s.get("type");
      if (t.isJsonArray()) {
        JsonArray types = t.getAsJsonArray();
        StringBuilder b = new StringBuilder();
        for (JsonElement x : types) {
          if (!x.getAsString().equals("null")) {
            b.append(b.length() == 0 ? "" : "|").append(x.getAsString());
          }
        }
        return b.length() == 0 ? "null" : b.toString();
      }
      return t.getAsString();
    }
    if (s.has("properties")) {
      return "object";
    }
    if (s.has("items")) {
      return "array";
    }
    return "any";
  }
}
