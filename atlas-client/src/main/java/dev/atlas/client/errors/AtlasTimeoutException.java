package dev.atlas.client.errors;

/**
 * A connect, read or call timeout expired. A kind of {@link AtlasConnectionException}.
 */
public class AtlasTimeoutException extends AtlasConnectionException {
  private static final long serialVersionUID = 1L;

  /**
   * @param info the facts of the failed call
   * @param cause the underlying exception, or null
   */
  public AtlasTimeoutException(ErrorInfo info, Throwable cause) {
    super(info, cause);
  }
}
