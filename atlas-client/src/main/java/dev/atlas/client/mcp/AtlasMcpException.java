package dev.atlas.client.mcp;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An MCP onboarding step failed. {@link #code()} says which check or call failed; the message
 * carries the server's OAuth error text ({@code error: error_description}) when there was one.
 * Messages never contain tokens, codes or the PKCE verifier. Unchecked.
 */
public class AtlasMcpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final McpErrorCode code;
  private final int httpStatus;
  private final String oauthError;

  /**
   * Creates the exception; public so that tests of your own code can simulate a failure.
   *
   * @param code the failed check
   * @param message what happened
   * @param httpStatus the HTTP status of the failed call, or 0 when none arrived
   * @param oauthError the OAuth {@code error} value the server sent, or null
   * @param cause the underlying exception, or null
   */
  public AtlasMcpException(McpErrorCode code, String message, int httpStatus, String oauthError, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
    this.httpStatus = httpStatus;
    this.oauthError = oauthError;
  }

  AtlasMcpException(McpErrorCode code, String message) {
    this(code, message, 0, null, null);
  }

  AtlasMcpException(McpErrorCode code, String message, Throwable cause) {
    this(code, message, 0, null, cause);
  }

  /** @return which check or call failed */
  public McpErrorCode code() {
    return code;
  }

  /** @return the HTTP status of the failed call, empty when no response arrived or no call was made */
  public OptionalInt httpStatus() {
    return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
  }

  /** @return the OAuth {@code error} value the server sent (e.g. {@code invalid_grant}), if any */
  public Optional<String> oauthError() {
    return Optional.ofNullable(oauthError);
  }
}
