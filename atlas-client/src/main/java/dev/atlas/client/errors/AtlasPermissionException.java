package dev.atlas.client.errors;

/**
 * Authenticated but not allowed ({@code forbidden}, {@code forbidden_role}, {@code api_key_not_permitted}, ...); HTTP 403.
 */
public class AtlasPermissionException extends AtlasException {
  private static final long serialVersionUID = 1L;

  /**
   * @param info the facts of the failed call
   * @param cause the underlying exception, or null
   */
  public AtlasPermissionException(ErrorInfo info, Throwable cause) {
    super(info, cause);
  }
}
