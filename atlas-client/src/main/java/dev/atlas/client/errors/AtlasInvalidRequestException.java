package dev.atlas.client.errors;

/**
 * The server rejected the request as malformed or unacceptable (HTTP 400, 421 or 422: {@code invalid_request}, {@code validation_error} with {@link #details()}, {@code configuration_error}, ...).
 */
public class AtlasInvalidRequestException extends AtlasException {
  private static final long serialVersionUID = 1L;

  /**
   * @param info the facts of the failed call
   * @param cause the underlying exception, or null
   */
  public AtlasInvalidRequestException(ErrorInfo info, Throwable cause) {
    super(info, cause);
  }
}
