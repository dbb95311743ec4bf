package dev.atlas.client;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A JSON number exactly as the server wrote it: {@link #toString()} returns the original text, so
 * a 64-bit id or a decimal amount loses nothing; the {@code Number} methods convert on demand.
 * Immutable; equal when the text is equal.
 */
public final class ExactNumber extends Number {
  private static final long serialVersionUID = 1L;

  /** The number as it appeared in the JSON. */
  private final String text;

  /**
   * @param text a JSON number's text
   */
  public ExactNumber(String text) {
    this.text = Objects.requireNonNull(text, "text");
  }

  /** @return the value as an exact decimal */
  public BigDecimal toBigDecimal() {
    return new BigDecimal(text);
  }

  @Override
  public int intValue() {
    return toBigDecimal().intValue();
  }

  @Override
  public long longValue() {
    return toBigDecimal().longValue();
  }

  @Override
  public float floatValue() {
    return Float.parseFloat(text);
  }

  @Override
  public double doubleValue() {
    return Double.parseDouble(text);
  }

  /** @return the number's text as sent */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExactNumber n && n.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
