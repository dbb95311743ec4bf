package dev.atlas.client;

import java.util.Locale;

/** Which header carries the API key. */
public enum ApiKeyHeader {
  /** {@code Authorization: Bearer <key>}: the default, as the TypeScript SDK sends it. */
  AUTHORIZATION_BEARER,
  /** {@code X-API-Key: <key>}: required for managed-mode workspace API keys. */
  X_API_KEY;

  /**
   * Reads the header setting as text: the one parser of {@code ATLAS_API_KEY_HEADER}, the system
   * property {@code atlas.apiKeyHeader} ({@link AtlasClientBuilder#fromEnv()}) and the Spring Boot
   * property {@code atlas.api-key-header}, so that all accept the same values. Case-insensitive,
   * surrounding blanks ignored, {@code _} read as {@code -}:
   * <ul>
   *   <li>{@code x-api-key}: {@link #X_API_KEY};
   *   <li>{@code authorization}, {@code authorization-bearer} or {@code bearer}:
   *       {@link #AUTHORIZATION_BEARER}.
   * </ul>
   *
   * @param text the setting
   * @return the header
   * @throws IllegalArgumentException for any other value (null and blank included), naming the accepted ones
   */
  public static ApiKeyHeader parse(String text) {
    String v = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    switch (v) {
      case "x-api-key":
        return X_API_KEY;
      case "authorization":
      case "authorization-bearer":
      case "bearer":
        return AUTHORIZATION_BEARER;
      default:
        throw new IllegalArgumentException("The API key header must be x-api-key, or authorization "
            + "(also written authorization-bearer or bearer), got: \"" + text + "\"");
    }
  }
}
