package dev.atlas.client;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a write whose answer may carry no body: the server applied the change but could
 * not re-read the result, and said so with 204 and no body (dashboard and card updates, card
 * refresh). That is a success, not an error: {@link #value()} is then empty, and a later read shows
 * the result.
 *
 * @param <T> the result type
 */
public final class WriteResult<T> {
  private static final WriteResult<?> NO_BODY = new WriteResult<>(null);

  private final T value;

  private WriteResult(T value) {
    this.value = value;
  }

  /**
   * @param <T> the result type
   * @param value what the server answered, or null when it answered 204 with no body
   * @return the outcome
   */
  @SuppressWarnings("unchecked")
  static <T> WriteResult<T> ofNullable(T value) {
    return value == null ? (WriteResult<T>) NO_BODY : new WriteResult<>(value);
  }

  /** @return the result the server answered with; empty when it answered 204 with no body */
  public Optional<T> value() {
    return Optional.ofNullable(value);
  }

  /** @return whether the server answered with the result (false: 204, it could not re-read it) */
  public boolean hasBody() {
    return value != null;
  }

  /**
   * @return the result
   * @throws NoSuchElementException when the server answered 204 with no body
   */
  public T orElseThrow() {
    if (value == null) {
      throw new NoSuchElementException("The server applied the change but answered 204 with no body");
    }
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WriteResult<?> w && Objects.equals(value, w.value);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(value);
  }

  @Override
  public String toString() {
    return value == null ? "WriteResult{no body (204)}" : "WriteResult{" + value.getClass().getSimpleName() + "}";
  }
}
