package dev.atlas.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.atlas.client.spec.OpenApiSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads operations, success examples and documented error statuses out of the checked-in spec. */
final class SpecExamples {
  private static final JsonObject SPEC = JsonParser.parseString(OpenApiSpec.json()).getAsJsonObject();

  private SpecExamples() {}

  /** @return the operation object with this operationId */
  static JsonObject operation(String operationId) {
    for (Map.Entry<String, JsonElement> path : SPEC.getAsJsonObject("paths").entrySet()) {
      for (Map.Entry<String, JsonElement> op : path.getValue().getAsJsonObject().entrySet()) {
        if (op.getValue().isJsonObject() && op.getValue().getAsJsonObject().has("operationId")
            && op.getValue().getAsJsonObject().get("operationId").getAsString().equals(operationId)) {
          return op.getValue().getAsJsonObject();
        }
      }
    }
    throw new IllegalArgumentException("no operation " + operationId);
  }

  /** @return the 2xx status the spec documents for the operation */
  static int successStatus(String operationId) {
    for (String status : operation(operationId).getAsJsonObject("responses").keySet()) {
      if (status.startsWith("2")) {
        return Integer.parseInt(status);
      }
    }
    throw new IllegalArgumentException("no success status for " + operationId);
  }

  /** @return the JSON example of the success response, or null when it has no body */
  static JsonElement successExample(String operationId) {
    JsonObject response = operation(operationId).getAsJsonObject("responses")
        .getAsJsonObject(String.valueOf(successStatus(operationId)));
    if (!response.has("content")) {
      return null;
    }
    return response.getAsJsonObject("content").getAsJsonObject("application/json").get("example").deepCopy();
  }

  /** @return the non-2xx statuses the spec documents for the operation */
  static List<Integer> errorStatuses(String operationId) {
    List<Integer> out = new ArrayList<>();
    for (String status : operation(operationId).getAsJsonObject("responses").keySet()) {
      if (!status.startsWith("2")) {
        out.add(Integer.parseInt(status));
      }
    }
    return out;
  }
}
