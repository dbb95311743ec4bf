package dev.atlas.client.errors;

/**
 * The resource is in a conflicting state ({@code conflict}, {@code entity_ambiguous}, {@code workspace_migrating}); HTTP 409.
 */
public class AtlasConflictException extends AtlasException {
  private static final long serialVersionUID = 1L;

  /**
   * @param info the facts of the failed call
   * @param cause the underlying exception, or null
   */
  public AtlasConflictException(ErrorInfo info, Throwable cause) {
    super(info, cause);
  }
}
