package dev.atlas.client.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import dev.atlas.client.generated.invoker.JSON;
import dev.atlas.client.generated.model.AbstractOpenApiSchema;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Gson of the generated models, with untyped JSON numbers (row values) kept exact rather than
 * as doubles. Internal API.
 *
 * <p>It gives every model the adapter the generated {@code JSON} registry gives it (the model's own
 * {@code CustomTypeAdapterFactory}: required-field checks, unknown fields kept), but finds it when
 * the model is first used instead of registering all of them up front. The registry's static
 * initializer loads every model and factory (about 200 classes; 47-69 ms measured alone in a new
 * JVM), which a new client paid before its first call although that call needs about ten of them.
 *
 * <p>A generated factory looks up its model's plain reflective adapter with
 * {@code gson.getDelegateAdapter(this, type)}, which only works if that factory is registered in the
 * Gson it is given. So each model gets a small Gson of its own in which its factory is registered
 * ahead of {@link ModelFactory}; everything else, nested models included, comes from the shared Gson.
 * Types the registry treats specially (composed {@code oneOf} schemas, whose variants' adapters depend
 * on the registry's order and which GsonFire configures, and the date and byte-array adapters) are
 * served by the full registry, loaded only if one of them is ever needed.
 */
public final class Models {
  private static final String MODEL_PACKAGE = AbstractOpenApiSchema.class.getPackageName() + ".";
  /** Types {@code JSON} registers its own adapters for. */
  private static final Set<Class<?>> REGISTRY_TYPES = Set.of(Date.class, java.sql.Date.class, OffsetDateTime.class,
      LocalDate.class, LocalDateTime.class, byte[].class);
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private Models() {}

  /** Initialised on first use. */
  private static final class Shared {
    static final Gson GSON = builder().registerTypeAdapterFactory(new ModelFactory(null)).create();
  }

  /** The generated registry itself; initialised only if a type in it needs it. */
  private static final class Registry {
    static final Gson GSON = JSON.getGson().newBuilder().setObjectToNumberStrategy(ToNumberPolicy.LAZILY_PARSED_NUMBER)
        .create();
  }

  private static GsonBuilder builder() {
    return new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.LAZILY_PARSED_NUMBER);
  }

  /** @return the Gson of the generated models */
  public static Gson gson() {
    return Shared.GSON;
  }

  /**
   * @return the generated {@code JSON} registry's Gson with the same number policy as {@link #gson()};
   *     loads every model (tests compare the two)
   */
  static Gson registryGson() {
    return Registry.GSON;
  }

  /** Starts preparing the adapters of the most common first call on a daemon thread, once per JVM; returns at once. */
  public static void preloadInBackground() {
    if (STARTED.getAndSet(true)) {
      return;
    }
    Thread t = new Thread(() -> {
      Gson gson = gson();
      gson.getAdapter(dev.atlas.client.generated.model.QueryRequest.class);
      gson.getAdapter(dev.atlas.client.generated.model.QueryResponse.class);
    }, "atlas-model-preload");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Gives each generated model its generated adapter. In the shared Gson ({@code scope == null}) it
   * builds the model's own Gson; in a model's own Gson it declines that model (so the model's factory
   * gets Gson's reflective adapter as its delegate) and defers every other model to the shared Gson.
   */
  private static final class ModelFactory implements TypeAdapterFactory {
    private final Class<?> scope;

    ModelFactory(Class<?> scope) {
      this.scope = scope;
    }

    @Override
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
      Class<? super T> raw = type.getRawType();
      if (raw == scope) {
        return null;
      }
      if (REGISTRY_TYPES.contains(raw)) {
        return Registry.GSON.getAdapter(type);
      }
      if (raw.isEnum() || raw.isPrimitive() || raw.isArray() || !raw.getName().startsWith(MODEL_PACKAGE)) {
        return null;
      }
      if (AbstractOpenApiSchema.class.isAssignableFrom(raw)) {
        return Registry.GSON.getAdapter(type);
      }
      if (scope != null) {
        return Shared.GSON.getAdapter(type);
      }
      TypeAdapterFactory own = factoryOf(raw);
      if (own == null) {
        return null;
      }
      // registered last so it is consulted first; ModelFactory(raw) then declines raw for its delegate
      return builder().registerTypeAdapterFactory(new ModelFactory(raw)).registerTypeAdapterFactory(own).create()
          .getAdapter(type);
    }

    private static TypeAdapterFactory factoryOf(Class<?> model) {
      Class<?> factory;
      try {
        factory = Class.forName(model.getName() + "$CustomTypeAdapterFactory", true, model.getClassLoader());
      } catch (ClassNotFoundException e) {
        return null; // not a generated object model
      }
      try {
        return (TypeAdapterFactory) factory.getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException | ClassCastException e) {
        throw new IllegalStateException("cannot create the generated adapter factory of " + model.getName(), e);
      }
    }
  }
}
