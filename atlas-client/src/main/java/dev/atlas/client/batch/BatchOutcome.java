package dev.atlas.client.batch;

/**
 * What happened to one item of a batch: a result or the exception it failed with. One failure
 * never loses the other items' outcomes.
 *
 * @param <I> the input type (a question)
 * @param <T> the result type
 */
public sealed interface BatchOutcome<I, T> {
  /** @return the item's position in the input list */
  int index();

  /** @return the item */
  I input();

  /** @return whether the item has a result */
  boolean isSuccess();

  /**
   * The item succeeded.
   *
   * @param index its position in the input list
   * @param input the item
   * @param value the result
   */
  record Success<I, T>(int index, I input, T value) implements BatchOutcome<I, T> {
    @Override
    public boolean isSuccess() {
      return true;
    }
  }

  /**
   * The item failed after its retries.
   *
   * @param index its position in the input list
   * @param input the item
   * @param error the typed exception (an {@code AtlasException} for every failure of the API)
   */
  record Failure<I, T>(int index, I input, RuntimeException error) implements BatchOutcome<I, T> {
    @Override
    public boolean isSuccess() {
      return false;
    }
  }
}
