package dev.atlas.client.errors;

/**
 * Credentials were missing, wrong or stale ({@code auth_error}, {@code session_expired}); usually HTTP 401.
 */
public class AtlasAuthenticationException extends AtlasException {
  private static final long serialVersionUID = 1L;

  /**
   * @param info the facts of the failed call
   * @param cause the underlying exception, or null
   */
  public AtlasAuthenticationException(ErrorInfo info, Throwable cause) {
    super(info, cause);
  }
}
