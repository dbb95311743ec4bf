package dev.atlas.client;

/** Which header carries the API key. */
public enum ApiKeyHeader {
  /** {@code Authorization: Bearer <key>}: the default, as the TypeScript SDK sends it. */
  AUTHORIZATION_BEARER,
  /** {@code X-API-Key: <key>}: required for managed-mode workspace API keys. */
  X_API_KEY
}
