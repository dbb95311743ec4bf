package dev.atlas.client;

/**
 * What {@link Actions#deny(String, DenyActionParams)} and {@link Actions#denyAll} send besides the
 * ids. Immutable; a null reason is not sent (the row's {@code error} stays null).
 *
 * @param reason why the action is denied (stored in the row's {@code error}), at most 1000 characters
 */
public record DenyActionParams(String reason) {
  /** @return no reason */
  public static DenyActionParams defaults() {
    return new DenyActionParams(null);
  }

  /** @param reason why @return a copy with it set */
  public DenyActionParams withReason(String reason) {
    return new DenyActionParams(reason);
  }
}
