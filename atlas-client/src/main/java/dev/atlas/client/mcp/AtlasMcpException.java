package dev.atlas.client.mcp;

import dev.atlas.client.errors.AtlasErrorCode;
import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.errors.ErrorInfo;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An MCP onboarding step failed. An {@link AtlasException}, so that one
 * {@code catch (AtlasException e)} covers all that {@code atlas.mcp()} throws.
 *
 * <p>{@link #mcpCode()} says which check or call failed; {@link #rawCode()} is the same code as
 * text (e.g. {@code discovery_failed}); {@link #code()} is the family it falls in among the client's
 * codes: {@code network_error} for a transport failure (the {@link #getCause() cause} is the
 * {@link dev.atlas.client.errors.AtlasConnectionException} with its hint), the status's code for an
 * error answer of the OAuth server (e.g. {@code auth_error} for 401), {@code invalid_response} for
 * an answer that could not be used, {@code invalid_request} for a check of the caller's input.
 * The message carries the server's OAuth error text ({@code error: error_description}) when there
 * was one. Messages never contain tokens, codes or the PKCE verifier. Unchecked.
 */
public class AtlasMcpException extends AtlasException {
  private static final long serialVersionUID = 1L;

  private final McpErrorCode mcpCode;
  private final int httpStatus;
  private final String oauthError;
  private final String text;

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
    super(info(Objects.requireNonNull(code, "code"), message, httpStatus, oauthError, cause), cause);
    this.mcpCode = code;
    this.httpStatus = httpStatus;
    this.oauthError = oauthError;
    this.text = message;
  }

  AtlasMcpException(McpErrorCode code, String message) {
    this(code, message, 0, null, null);
  }

  AtlasMcpException(McpErrorCode code, String message, Throwable cause) {
    this(code, message, 0, null, cause);
  }

  /** @return which check or call failed */
  public McpErrorCode mcpCode() {
    return mcpCode;
  }

  /** @return the HTTP status of the failed call, empty when no response arrived or no call was made */
  public OptionalInt httpStatus() {
    return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
  }

  /** @return the OAuth {@code error} value the server sent (e.g. {@code invalid_grant}), if any */
  public Optional<String> oauthError() {
    return Optional.ofNullable(oauthError);
  }

  /** @return what happened, with the server's OAuth error text when there was one */
  @Override
  public String getMessage() {
    return text;
  }

  private static ErrorInfo info(McpErrorCode code, String message, int status, String oauthError, Throwable cause) {
    ErrorInfo.Builder b = ErrorInfo.builder(family(code, status, cause)).rawCode(code.wireValue()).status(status)
        .description(message).serverMessage(oauthError);
    if (cause instanceof AtlasException transport) {
      b.retryable(transport.retryable()).requestMayHaveReachedServer(transport.requestMayHaveReachedServer());
      transport.method().ifPresent(m -> b.request(m, transport.path().orElse(null)));
    } else {
      b.retryable(code == McpErrorCode.DISCOVERY_FAILED && (status == 429 || status >= 500))
          .requestMayHaveReachedServer(status != 0);
    }
    return b.build();
  }

  private static AtlasErrorCode family(McpErrorCode code, int status, Throwable cause) {
    if (cause instanceof AtlasException transport) {
      return transport.code();
    }
    if (status >= 200 && status < 300) {
      return AtlasErrorCode.INVALID_RESPONSE;
    }
    if (status != 0) {
      return switch (status) {
        case 400 -> AtlasErrorCode.INVALID_REQUEST;
        case 401 -> AtlasErrorCode.AUTH_ERROR;
        case 403 -> AtlasErrorCode.FORBIDDEN;
        case 404 -> AtlasErrorCode.NOT_FOUND;
        case 409 -> AtlasErrorCode.CONFLICT;
        case 422 -> AtlasErrorCode.VALIDATION_ERROR;
        case 429 -> AtlasErrorCode.RATE_LIMITED;
        case 503 -> AtlasErrorCode.SERVICE_UNAVAILABLE;
        default -> status >= 500 ? AtlasErrorCode.INTERNAL_ERROR : AtlasErrorCode.UNKNOWN_ERROR;
      };
    }
    return switch (code) {
      case MALFORMED_JWT, ISSUER_MISMATCH, MISSING_WORKSPACE_CLAIM, DISCOVERY_FAILED, REGISTRATION_FAILED,
          TOKEN_EXCHANGE_FAILED -> AtlasErrorCode.INVALID_RESPONSE;
      case CALLBACK_TIMEOUT -> AtlasErrorCode.UNKNOWN_ERROR;
      default -> AtlasErrorCode.INVALID_REQUEST;
    };
  }
}
