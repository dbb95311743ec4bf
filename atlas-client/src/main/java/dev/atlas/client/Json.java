package dev.atlas.client;

import com.google.gson.Gson;
import com.google.gson.ToNumberPolicy;
import dev.atlas.client.generated.invoker.JSON;

/**
 * The Gson the SDK reads responses with: the generated client's own ({@code JSON.getGson()}, with
 * every model's generated adapter), except that untyped JSON numbers (row values) stay exact
 * instead of becoming doubles..
 */
final class Json {
  private Json() {}

  /** Created on first use. */
  private static final class Holder {
    static final Gson GSON = JSON.getGson().newBuilder()
        .setObjectToNumberStrategy(ToNumberPolicy.LAZILY_PARSED_NUMBER).create();
  }

  /** @return the generated models' Gson, with exact untyped numbers */
  public static Gson gson() {
    return Holder.GSON;
  }
}
