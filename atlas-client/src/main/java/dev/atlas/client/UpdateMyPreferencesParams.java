package dev.atlas.client;

import java.util.Objects;

/**
 * The changes of {@link Me#updatePreferences(UpdateMyPreferencesParams)}. Immutable; start from
 * {@link #defaults()} (nothing changed); an unset field is not sent, a cleared one is sent as JSON
 * {@code null}.
 */
public final class UpdateMyPreferencesParams {
  private final String defaultLanding;
  private final boolean clearDefaultLanding;

  private UpdateMyPreferencesParams(String defaultLanding, boolean clearDefaultLanding) {
    this.defaultLanding = defaultLanding;
    this.clearDefaultLanding = clearDefaultLanding;
  }

  /** @return nothing set */
  public static UpdateMyPreferencesParams defaults() {
    return new UpdateMyPreferencesParams(null, false);
  }

  /**
   * @param defaultLanding where the web app opens: {@code chat} or {@code admin} (admin needs role
   *     admin or owner)
   * @return a copy with it set
   */
  public UpdateMyPreferencesParams withDefaultLanding(String defaultLanding) {
    return new UpdateMyPreferencesParams(Objects.requireNonNull(defaultLanding, "defaultLanding"), false);
  }

  /**
   * Sends {@code "defaultLanding": null}, for a server that resets it to its default (chat). Atlas
   * 1.0.0 requires a value and answers 422 {@code validation_error}.
   *
   * @return a copy that sends it as null
   */
  public UpdateMyPreferencesParams clearDefaultLanding() {
    return new UpdateMyPreferencesParams(null, true);
  }

  /** @return the value to send, or null (not sent, or sent as null when cleared) */
  public String defaultLanding() {
    return defaultLanding;
  }

  /** @return whether {@code defaultLanding} is sent as JSON null */
  public boolean clearsDefaultLanding() {
    return clearDefaultLanding;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UpdateMyPreferencesParams p && Objects.equals(defaultLanding, p.defaultLanding)
        && clearDefaultLanding == p.clearDefaultLanding;
  }

  @Override
  public int hashCode() {
    return Objects.hash(defaultLanding, clearDefaultLanding);
  }

  @Override
  public String toString() {
    return "UpdateMyPreferencesParams{defaultLanding=" + (clearDefaultLanding ? "null (cleared)" : defaultLanding) + "}";
  }
}
