package dev.atlas.client.errors;

/**
 * The server could not be reached or the connection failed before a complete response (refused,
 * reset, DNS, TLS, timeout). Status 0, code {@code network_error}.
 * {@link #requestMayHaveReachedServer()} says whether the request may have run;
 * {@link #retryable()} is true only when repeating it is both useful and safe.
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
