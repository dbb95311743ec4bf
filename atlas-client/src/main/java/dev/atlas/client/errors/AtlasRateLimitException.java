package dev.atlas.client.errors;

/**
 * Too many requests ({@code rate_limited}, {@code workspace_throttled}: retryable) or a plan
 * limit ({@code plan_limit_exceeded}, {@code conversation_budget_exceeded}: not retryable);
 * HTTP 429. {@link #retryAfter()} carries the server's suggested delay when it gave one.
 */
public class AtlasRateLimitException extends AtlasException {
  private static final long serialVersionUID = 1L;

  /**
   * @param info the facts of the failed call
   * @param cause the underlying exception, or null
   */
  public AtlasRateLimitException(ErrorInfo info, Throwable cause) {
    super(info, cause);
  }
}
