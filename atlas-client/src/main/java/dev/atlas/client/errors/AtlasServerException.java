package dev.atlas.client.errors;

/**
 * The server or a service behind it failed (HTTP 5xx); see {@link #retryable()}.
 */
public class AtlasServerException extends AtlasException {
  private static final long serialVersionUID = 1L;

  /**
   * @param info the facts of the failed call
   * @param cause the underlying exception, or null
   */
  public AtlasServerException(ErrorInfo info, Throwable cause) {
    super(info, cause);
  }
}
