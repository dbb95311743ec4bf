package dev.atlas.client;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.util.Collection;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;

/** Adds explicit {@code null} members to a request's JSON object body (which Gson leaves out). */
final class JsonNulls {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private JsonNulls() {}

  /**
   * @param request a request whose body is a JSON object
   * @param fields the members to send as {@code null}
   * @return the request with those members set to {@code null}
   */
  static Request with(Request request, Collection<String> fields) {
    if (fields.isEmpty() || request.body() == null) {
      return request;
    }
    try {
      Buffer buffer = new Buffer();
      request.body().writeTo(buffer);
      JsonObject body = buffer.size() == 0 ? new JsonObject() : JsonParser.parseString(buffer.readUtf8()).getAsJsonObject();
      for (String f : fields) {
        body.add(f, JsonNull.INSTANCE);
      }
      // JsonObject.toString() writes null members; the SDK's Gson would leave them out
      return request.newBuilder().method(request.method(), RequestBody.create(body.toString(), JSON)).build();
    } catch (IOException e) {
      throw new IllegalStateException("Could not rewrite the request body", e);
    }
  }
}
