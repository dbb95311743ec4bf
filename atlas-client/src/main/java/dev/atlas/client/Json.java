package dev.atlas.client;

import com.google.gson.Gson;
import dev.atlas.client.generated.invoker.JSON;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Gson the SDK reads responses with: the generated client's own ({@code JSON.getGson()}: each
 * model's generated adapter, created on the model's first use, and untyped JSON numbers such as row
 * values kept exact; see atlas-client-generated/templates).
 */
final class Json {
  private static final AtomicBoolean PRELOADING = new AtomicBoolean();

  private Json() {}

  /** @return the generated models' Gson */
  static Gson gson() {
    return JSON.getGson();
  }

  /**
   * Starts preparing the adapters of the most common first call (a query) on a daemon thread, once
   * per JVM, while the caller's thread sets up OkHttp; returns at once.
   */
  static void preloadInBackground() {
    if (PRELOADING.getAndSet(true)) {
      return;
    }
    Thread t = new Thread(() -> {
      Gson gson = gson();
      gson.getAdapter(dev.atlas.client.generated.model.QueryRequest.class);
      gson.getAdapter(dev.atlas.client.generated.model.QueryResponse.class);
    }, "atlas-json-preload");
    t.setDaemon(true);
    t.start();
  }
}
