package dev.atlas.client.internal;

import com.google.gson.Gson;
import com.google.gson.ToNumberPolicy;
import dev.atlas.client.generated.invoker.JSON;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The generated models' Gson, with untyped JSON numbers (row values) kept exact rather than as
 * doubles. Creating it loads the generated {@code JSON} registry with every model and its adapter
 * factory (about 190 classes: the largest part of a new client's start-up cost after TLS), so the
 * first builder starts that on a background thread, where it overlaps OkHttp's TLS set-up. Internal API.
 */
public final class Models {
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private Models() {}

  /** Initialised on first use: loads the generated models. */
  private static final class Holder {
    static final Gson GSON = JSON.getGson().newBuilder().setObjectToNumberStrategy(ToNumberPolicy.LAZILY_PARSED_NUMBER)
        .create();
  }

  /** @return the Gson of the generated models (blocks while another thread is still loading them) */
  public static Gson gson() {
    return Holder.GSON;
  }

  /** Starts loading the models on a daemon thread, once per JVM; returns at once. */
  public static void preloadInBackground() {
    if (STARTED.getAndSet(true)) {
      return;
    }
    Thread t = new Thread(() -> {
      Gson gson = gson();
      // the adapters of the most common first call, and with them Gson's reflection machinery
      gson.getAdapter(dev.atlas.client.generated.model.QueryRequest.class);
      gson.getAdapter(dev.atlas.client.generated.model.QueryResponse.class);
    }, "atlas-model-preload");
    t.setDaemon(true);
    t.start();
  }
}
