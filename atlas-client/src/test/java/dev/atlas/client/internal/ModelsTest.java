package dev.atlas.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.atlas.client.spec.OpenApiSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Models#gson()} finds each model's adapter on first use; the generated {@code JSON} registry
 * registers them all up front. For every schema in the spec, a document built from the schema (every
 * property, plus fields a newer server might add) and variants of it (each required property missing,
 * wrong types, null) must come out the same through both: equal objects and equal JSON, or the same
 * error.
 */
class ModelsTest {
  private static final JsonObject SCHEMAS = JsonParser.parseString(OpenApiSpec.json()).getAsJsonObject()
      .getAsJsonObject("components").getAsJsonObject("schemas");
  private static final String MODEL_PACKAGE = "dev.atlas.client.generated.model.";

  static Stream<String> schemas() {
    return SCHEMAS.keySet().stream();
  }

  @ParameterizedTest
  @MethodSource("schemas")
  void readsAndWritesEveryModelExactlyAsTheGeneratedRegistry(String schema) throws Exception {
    Class<?> model = Class.forName(MODEL_PACKAGE + schema);
    JsonElement doc = sample(SCHEMAS.getAsJsonObject(schema), 0);
    if (doc.isJsonObject()) {
      doc.getAsJsonObject().add("addedByANewerServer", JsonParser.parseString("{\"n\":[1,2.50,\"x\",null,{\"k\":true}]}"));
      doc.getAsJsonObject().addProperty("alsoNew", 12345678901234567890.0);
    }
    String ours = outcome(Models.gson(), doc, model);
    assertThat(ours).isEqualTo(outcome(Models.registryGson(), doc, model));
    if (!SCHEMAS.getAsJsonObject(schema).has("oneOf")) { // the generated oneOf reader finds frames ambiguous
      assertThat(ours).startsWith("ok ");
      Object read = Models.gson().fromJson(doc, model);
      assertThat(read).isEqualTo(Models.registryGson().fromJson(doc, model));
      assertThat(Models.gson().toJson(read)).isEqualTo(Models.registryGson().toJson(read));
    }
  }

  @ParameterizedTest
  @MethodSource("schemas")
  void rejectsWhatTheGeneratedRegistryRejectsWithTheSameError(String schema) throws Exception {
    Class<?> model = Class.forName(MODEL_PACKAGE + schema);
    JsonObject def = SCHEMAS.getAsJsonObject(schema);
    List<JsonElement> bad = new ArrayList<>(List.of(new JsonPrimitive("not an object"), new JsonArray(),
        new JsonPrimitive(42)));
    JsonElement full = sample(def, 0);
    if (full.isJsonObject()) {
      for (JsonElement required : def.has("required") ? def.getAsJsonArray("required") : new JsonArray()) {
        JsonObject without = full.getAsJsonObject().deepCopy();
        without.remove(required.getAsString());
        bad.add(without);
      }
      for (String property : full.getAsJsonObject().keySet()) {
        JsonObject wrongType = full.getAsJsonObject().deepCopy();
        wrongType.add(property, JsonParser.parseString("[[\"wrong\"]]"));
        bad.add(wrongType);
      }
    }
    for (JsonElement doc : bad) {
      assertThat(outcome(Models.gson(), doc, model)).as("%s", doc).isEqualTo(outcome(Models.registryGson(), doc, model));
    }
  }

  static Stream<String> composedVariants() {
    List<String> out = new ArrayList<>();
    for (String schema : SCHEMAS.keySet()) {
      if (SCHEMAS.getAsJsonObject(schema).has("oneOf")) {
        for (JsonElement variant : SCHEMAS.getAsJsonObject(schema).getAsJsonArray("oneOf")) {
          out.add(schema + " " + variant.getAsJsonObject().get("$ref").getAsString().replaceAll(".*/", ""));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("composedVariants")
  void readsEveryVariantOfAComposedSchemaAsTheRegistry(String schemaAndVariant) throws Exception {
    String[] parts = schemaAndVariant.split(" ");
    Class<?> model = Class.forName(MODEL_PACKAGE + parts[0]);
    JsonObject doc = sample(SCHEMAS.getAsJsonObject(parts[1]), 0).getAsJsonObject();
    doc.addProperty("addedByANewerServer", "x");
    assertThat(outcome(Models.gson(), doc, model)).isEqualTo(outcome(Models.registryGson(), doc, model));
    // writing: the variant as the registry's oneOf adapter writes it (which depends on the registry's order)
    Object variant = Models.registryGson().fromJson(doc, Class.forName(MODEL_PACKAGE + parts[1]));
    Object composed = model.getConstructor(Object.class).newInstance(variant);
    assertThat(Models.gson().toJson(composed)).isEqualTo(Models.registryGson().toJson(composed));
  }

  @Test
  void aModelNestedInsideAnotherGetsItsGeneratedAdapterToo() {
    // Gson's reflective adapter would drop a field it does not know; the generated one keeps it
    JsonObject doc = sample(SCHEMAS.getAsJsonObject("QueryResponse"), 0).getAsJsonObject();
    doc.getAsJsonObject("usage").addProperty("cachedTokens", 5);
    var ours = Models.gson().fromJson(doc, dev.atlas.client.generated.model.QueryResponse.class);
    assertThat(String.valueOf(ours.getUsage().getAdditionalProperty("cachedTokens"))).isEqualTo("5");
    assertThat(Models.gson().toJson(ours)).contains("\"cachedTokens\":5");
  }

  @Test
  void writesAndReadsTheRegistrysOwnTypesThroughTheRegistry() {
    // dates and byte arrays have adapters of the generated JSON class (Gson alone cannot write java.time)
    Object[] values = {java.time.OffsetDateTime.parse("2026-11-23T12:00:00.123+01:00"), java.time.LocalDate.of(2026, 11, 23),
        java.time.LocalDateTime.of(2026, 11, 23, 12, 0), new java.util.Date(1_700_000_000_000L), new byte[] {1, 2, (byte) 250}};
    for (Object value : values) {
      String json = Models.registryGson().toJson(value);
      assertThat(Models.gson().toJson(value)).as("%s", value.getClass()).isEqualTo(json);
      assertThat(Models.gson().toJson(Models.gson().fromJson(json, value.getClass()))).isEqualTo(json);
    }
  }

  @Test
  void keepsRowValuesAsExactNumbers() {
    JsonObject doc = sample(SCHEMAS.getAsJsonObject("QueryResultSet"), 0).getAsJsonObject();
    doc.add("rows", JsonParser.parseString("[{\"big\":12345678901234567890123,\"price\":0.10}]"));
    var set = Models.gson().fromJson(doc, dev.atlas.client.generated.model.QueryResultSet.class);
    assertThat(String.valueOf(((Map<?, ?>) set.getRows().get(0)).get("big"))).isEqualTo("12345678901234567890123");
    assertThat(String.valueOf(((Map<?, ?>) set.getRows().get(0)).get("price"))).isEqualTo("0.10");
  }

  private static String outcome(Gson gson, JsonElement doc, Class<?> model) {
    try {
      return "ok " + gson.toJson(gson.fromJson(doc, model));
    } catch (RuntimeException e) {
      return "error " + e.getClass().getName() + ": " + e.getMessage();
    }
  }

  /** A document for the schema with every property set (optional ones only near the top, to end recursion). */
  static JsonElement sample(JsonObject schema, int depth) {
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").getAsString();
      return sample(SCHEMAS.getAsJsonObject(ref.substring(ref.lastIndexOf('/') + 1)), depth);
    }
    if (schema.has("oneOf")) {
      return sample(schema.getAsJsonArray("oneOf").get(0).getAsJsonObject(), depth);
    }
    if (schema.has("enum")) {
      return schema.getAsJsonArray("enum").get(0).deepCopy();
    }
    String type = schema.has("type") ? schema.get("type").getAsString() : "object";
    switch (type) {
      case "string":
        return new JsonPrimitive(schema.has("format") && schema.get("format").getAsString().equals("date-time")
            ? "2026-11-23T12:00:00.000Z" : "text \u00e9 <b>&</b>");
      case "integer":
        return new JsonPrimitive(7);
      case "number":
        return new JsonPrimitive(2.5);
      case "boolean":
        return new JsonPrimitive(true);
      case "array": {
        JsonArray a = new JsonArray();
        a.add(schema.has("items") ? sample(schema.getAsJsonObject("items"), depth + 1) : new JsonPrimitive("x"));
        return a;
      }
      default: {
        JsonObject o = new JsonObject();
        List<String> required = new ArrayList<>();
        if (schema.has("required")) {
          schema.getAsJsonArray("required").forEach(r -> required.add(r.getAsString()));
        }
        if (schema.has("properties")) {
          for (Map.Entry<String, JsonElement> p : schema.getAsJsonObject("properties").entrySet()) {
            if (depth < 4 || required.contains(p.getKey())) {
              o.add(p.getKey(), sample(p.getValue().getAsJsonObject(), depth + 1));
            }
          }
        }
        if (schema.has("additionalProperties") && schema.get("additionalProperties").isJsonObject()) {
          o.add("key", sample(schema.getAsJsonObject("additionalProperties"), depth + 1));
        }
        return o;
      }
    }
  }
}
