package dev.atlas.client.errors;

/**
 * The response could not be understood: not JSON, truncated, or not the documented shape. The message names the status, the content type and an HTML page's title, never the whole body.
 */
public class AtlasInvalidResponseException extends AtlasException {
  private static final long serialVersionUID = 1L;

  /**
   * @param info the facts of the failed call
   * @param cause the underlying exception, or null
   */
  public AtlasInvalidResponseException(ErrorInfo info, Throwable cause) {
    super(info, cause);
  }
}
