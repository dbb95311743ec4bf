package dev.atlas.client.errors;

/**
 * The server could not render a dashboard as an image or a document: no headless browser on the
 * server (503 {@code browser_unavailable}, or as observed 500 {@code render_failed}), the render
 * failed ({@code render_failed}) or took too long ({@code export_timeout}). The server's own words
 * are in {@link #serverMessage()}. A server error ({@link AtlasServerException}), so code that
 * catches those catches this too; retrying does not help without a browser.
 */
public class AtlasRenderException extends AtlasServerException {
  private static final long serialVersionUID = 1L;

  /**
   * @param info the facts of the failed call
   * @param cause the underlying exception, or null
   */
  public AtlasRenderException(ErrorInfo info, Throwable cause) {
    super(info, cause);
  }
}
