package dev.atlas.client.errors;

/**
 * The server could not be reached or the connection failed before a complete response (refused, reset, DNS, TLS, timeout). Status 0, code {@code network_error}, retryable; whether the request ran on the server is unknown unless it failed to connect.
 */
public class AtlasConnectionException extends AtlasException {
  private static final long serialVersionUID = 1L;

  /**
   * @param info the facts of the failed call
   * @param cause the underlying exception, or null
   */
  public AtlasConnectionException(ErrorInfo info, Throwable cause) {
    super(info, cause);
  }
}
