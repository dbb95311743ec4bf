package dev.atlas.client;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value created on first use, once, thread-safely.
 *
 * @param <T> the value type
 */
final class Lazy<T> implements Supplier<T> {
  private final Supplier<? extends T> factory;
  private volatile T value;

  /** @param factory creates the value; called at most once */
  public Lazy(Supplier<? extends T> factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  @Override
  public T get() {
    T v = value;
    if (v == null) {
      synchronized (this) {
        v = value;
        if (v == null) {
          v = Objects.requireNonNull(factory.get(), "factory returned null");
          value = v;
        }
      }
    }
    return v;
  }
}
