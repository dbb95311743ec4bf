package dev.atlas.client.errors;

import java.util.Optional;

/**
 * The resource or feature does not exist ({@code not_found}, {@code not_available},
 * {@code connection_not_found}, {@code workspace_deleted}); HTTP 404.
 */
public class AtlasNotFoundException extends AtlasException {
  private static final long serialVersionUID = 1L;

  /**
   * @param info the facts of the failed call
   * @param cause the underlying exception, or null
   */
  public AtlasNotFoundException(ErrorInfo info, Throwable cause) {
    super(info, cause);
  }

  /** @return the id of the resource the request named, when the call named one */
  public Optional<String> resourceId() {
    return info().resourceId();
  }
}
