package dev.atlas.client;

import java.util.Objects;

/** A credential that never shows itself in {@code toString()}.. */
final class Secret {
  private final String value;

  /** @param value the secret */
  public Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  /** @return the secret itself; only for putting it on the wire */
  public String reveal() {
    return value;
  }

  /** @return a fixed mask */
  @Override
  public String toString() {
    return "****";
  }
}
