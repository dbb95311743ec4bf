package dev.atlas.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.atlas.client.spec.OpenApiSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The routes that fit no resource: health and the spec (both public), SQL validation, and starter prompts. */
final class MiscHandlers {
  /** The spec as served, and the health report (the spec's example with status ok): both fixed. */
  private static final byte[] SPEC = OpenApiSpec.json().getBytes(StandardCharsets.UTF_8);
  private static final byte[] HEALTH = Wire.GSON.toJson(health(JsonParser.parseString(OpenApiSpec.json())
      .getAsJsonObject())).getBytes(StandardCharsets.UTF_8);

  private final SqlValidator validator;
  private final SandboxState state;

  MiscHandlers(SqlValidator validator, SandboxState state) {
    this.validator = validator;
    this.state = state;
  }

  /** Registers the operations this class answers. */
  void register(HandlerTable t) {
    t.on("getHealth", this::health);
    t.on("validateSql", this::validateSql);
    t.on("listStarterPrompts", this::starterPrompts);
  }

  void health(Call c) throws IOException {
    c.bytes(200, HEALTH);
  }

  void spec(Call c) throws IOException {
    c.bytes(200, SPEC);
  }

  void validateSql(Call c) throws IOException {
    JsonObject body = c.body();
    String sql = Wire.requireText(body, "sql");
    String connection = Wire.optText(body, "connectionId");
    if (connection != null && !connection.equals(state.connectionId)) {
      JsonObject out = new JsonObject();
      out.addProperty("valid", false);
      JsonObject err = new JsonObject();
      err.addProperty("layer", "connection");
      err.addProperty("message", "Connection \"" + connection + "\" is not registered");
      out.add("errors", Wire.array(err));
      out.add("tables", new JsonArray());
      c.json(200, out);
      return;
    }
    c.json(200, validator.validate(sql));
  }

  void starterPrompts(Call c) throws IOException {
    Call.Page p = c.page(6, 50);
    JsonArray prompts = new JsonArray();
    for (int i = 0; i < Agent.SCRIPTS.size() && i < p.limit(); i++) {
      JsonObject o = new JsonObject();
      o.addProperty("id", "prompt-" + (i + 1));
      o.addProperty("text", Agent.SCRIPTS.get(i).question());
      o.addProperty("provenance", "library");
      prompts.add(o);
    }
    JsonObject o = new JsonObject();
    o.add("prompts", prompts);
    o.addProperty("total", Agent.SCRIPTS.size());
    c.json(200, o);
  }

  private static JsonObject health(JsonObject spec) {
    JsonObject example = spec.getAsJsonObject("paths").getAsJsonObject("/api/health").getAsJsonObject("get")
        .getAsJsonObject("responses").getAsJsonObject("200").getAsJsonObject("content")
        .getAsJsonObject("application/json").getAsJsonObject("example").deepCopy();
    example.addProperty("status", "ok");
    example.addProperty("region", "sandbox");
    return example;
  }
}
