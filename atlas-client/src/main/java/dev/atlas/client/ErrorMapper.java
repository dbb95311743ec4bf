package dev.atlas.client;

import com.google.gson.JsonObject;
import dev.atlas.client.errors.AtlasAuthenticationException;
import dev.atlas.client.errors.AtlasConflictException;
import dev.atlas.client.errors.AtlasConnectionException;
import dev.atlas.client.errors.AtlasErrorCode;
import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.errors.AtlasInvalidRequestException;
import dev.atlas.client.errors.AtlasInvalidResponseException;
import dev.atlas.client.errors.AtlasNotFoundException;
import dev.atlas.client.errors.AtlasPermissionException;
import dev.atlas.client.errors.AtlasRateLimitException;
import dev.atlas.client.errors.AtlasRenderException;
import dev.atlas.client.errors.AtlasServerException;
import dev.atlas.client.errors.AtlasTimeoutException;
import dev.atlas.client.errors.ErrorInfo;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns failed HTTP exchanges into typed {@link AtlasException}s: the single place where statuses,
 * codes and bodies become exception classes.
 */
final class ErrorMapper {
  private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private ErrorMapper() {}

  /**
   * Maps a non-2xx response whose body was read (at most a bounded prefix).
   *
   * @param status the HTTP status
   * @param contentType the response content type, or null
   * @param retryAfterHeader the {@code Retry-After} header, or null
   * @param body the body text (possibly a truncated prefix), or null/empty
   * @param method the request method
   * @param path the request path
   * @param resourceId the id the request named, or null
   * @param clock the clock used to resolve an HTTP-date {@code Retry-After}
   * @return the typed exception
   */
  public static AtlasException fromErrorResponse(int status, String contentType, String retryAfterHeader, String body,
      String method, String path, String resourceId, Clock clock) {
    Duration headerDelay = parseRetryAfterHeader(retryAfterHeader, clock);
    JsonObject json = ErrorEnvelope.parseObject(body);
    ErrorEnvelope envelope = json == null ? null : ErrorEnvelope.of(json);
    if (envelope != null) {
      AtlasErrorCode code = AtlasErrorCode.fromWire(envelope.code()).orElse(AtlasErrorCode.UNKNOWN_ERROR);
      ErrorInfo info = ErrorInfo.builder(code)
          .rawCode(envelope.code())
          .status(status)
          .serverMessage(envelope.message())
          .retryable(envelope.retryable())
          .retryAfter(envelope.retryAfter() != null ? envelope.retryAfter() : headerDelay)
          .requestId(envelope.requestId())
          .details(envelope.details())
          .request(method, path)
          .resourceId(resourceId)
          .body(json)
          .build();
      return create(info, null);
    }
    String what;
    if (body == null || body.isBlank()) {
      what = "an empty body";
    } else if (json != null) {
      what = "a JSON body without an error code";
    } else {
      what = describeBody(contentType, body);
    }
    // A page from a proxy or gateway in front of Atlas: 502/503/504 there are usually transient.
    boolean gatewayTransient = status == 502 || status == 503 || status == 504;
    ErrorInfo info = ErrorInfo.builder(AtlasErrorCode.UNKNOWN_ERROR)
        .status(status)
        .retryable(gatewayTransient || status == 429)
        .retryAfter(headerDelay)
        .request(method, path)
        .resourceId(resourceId)
        .body(json)
        .description("HTTP " + status + " with " + what + " instead of an Atlas error envelope")
        .build();
    return create(info, null);
  }

  /** What a 5xx {@code auth_error} most likely means when the credential went in {@code X-API-Key}. */
  static final String WORKSPACE_KEY_HINT = "the key was sent as X-API-Key: a managed-mode workspace key allows "
      + "about ten requests a day, and once they are spent the server answers 500 auth_error without saying so";

  /**
   * Adds {@link #WORKSPACE_KEY_HINT} to a 5xx {@code auth_error} that answered a request carrying
   * {@code X-API-Key} (a managed-mode workspace key): the server hides the reason.
   *
   * @param e the mapped exception
   * @param response the response it maps: the request of its network response carries the
   *     credential headers added at the network level
   * @return the exception with the hint, or {@code e}
   */
  static AtlasException withCredentialHint(AtlasException e, okhttp3.Response response) {
    okhttp3.Response network = response.networkResponse();
    okhttp3.Request sent = network != null ? network.request() : response.request();
    if (e.status() >= 500 && "auth_error".equals(e.rawCode()) && sent != null && sent.header("X-API-Key") != null) {
      AtlasException hinted = create(e.info().toBuilder().hint(WORKSPACE_KEY_HINT).build(), e.getCause());
      hinted.setStackTrace(e.getStackTrace());
      return hinted;
    }
    return e;
  }

  /**
   * Maps a 2xx response whose body could not be understood.
   *
   * @param status the HTTP status
   * @param contentType the content type, or null
   * @param bodyPrefix a bounded prefix of the body; null when it was not kept (a streamed body)
   * @param problem what was wrong
   * @param method the request method
   * @param path the request path
   * @param cause the parse failure, or null
   * @return the typed exception
   */
  public static AtlasException invalidResponse(int status, String contentType, String bodyPrefix, String problem,
      String method, String path, Throwable cause) {
    String what = bodyPrefix == null ? describeBody(contentType, "")
        : bodyPrefix.isBlank() ? "an empty body" : describeBody(contentType, bodyPrefix);
    ErrorInfo info = ErrorInfo.builder(AtlasErrorCode.INVALID_RESPONSE)
        .status(status)
        .request(method, path)
        .description("HTTP " + status + " with " + what + ": " + truncate(problem, 300))
        .build();
    return new AtlasInvalidResponseException(info, cause);
  }

  /**
   * Maps a failure of a stream that had started: the events before it stay delivered.
   *
   * @param e the failure
   * @param method the request method
   * @param path the request path
   * @return a connection (or timeout) exception, status 0, whose message starts with
   *     {@code Stream interrupted:}; not retryable, since the question has started to run
   */
  public static AtlasConnectionException streamInterrupted(IOException e, String method, String path) {
    boolean timeout = e instanceof SocketTimeoutException;
    ErrorInfo info = ErrorInfo.builder(AtlasErrorCode.NETWORK_ERROR)
        .status(0)
        .request(method, path)
        .retryable(false)
        .description("Stream interrupted: " + (timeout ? "no data within the read timeout" : e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage())))
        .build();
    return timeout ? new AtlasTimeoutException(info, e) : new AtlasConnectionException(info, e);
  }

  /**
   * Creates the exception class that fits the facts: by the code's category, else by status.
   *
   * @param info the facts
   * @param cause the cause, or null
   * @return the exception
   */
  public static AtlasException create(ErrorInfo info, Throwable cause) {
    AtlasErrorCode code = info.code();
    if ((code == AtlasErrorCode.BROWSER_UNAVAILABLE || code == AtlasErrorCode.RENDER_FAILED
        || code == AtlasErrorCode.EXPORT_TIMEOUT) && (info.status() >= 500 || info.status() == 0)) {
      return new AtlasRenderException(info, cause);
    }
    AtlasErrorCode.Category category = info.code().category();
    if (category == AtlasErrorCode.Category.UNKNOWN || contradicts(info.code(), info.status())) {
      category = categoryOfStatus(info.status());
    }
    switch (category) {
      case CONNECTION: return new AtlasConnectionException(info, cause);
      case AUTHENTICATION: return new AtlasAuthenticationException(info, cause);
      case PERMISSION: return new AtlasPermissionException(info, cause);
      case NOT_FOUND: return new AtlasNotFoundException(info, cause);
      case CONFLICT: return new AtlasConflictException(info, cause);
      case RATE_LIMIT: return new AtlasRateLimitException(info, cause);
      case INVALID_REQUEST: return new AtlasInvalidRequestException(info, cause);
      case SERVER: return new AtlasServerException(info, cause);
      case INVALID_RESPONSE: return new AtlasInvalidResponseException(info, cause);
      default: return new AtlasException(info, cause);
    }
  }

  /**
   * The same exception, of the same class, recording how many attempts were made; the failures of
   * earlier attempts are attached as suppressed exceptions.
   *
   * @param e the last failure
   * @param attempts the number of attempts
   * @param earlier the failures before it, oldest first
   * @return the exception to throw
   */
  public static AtlasException withAttempts(AtlasException e, int attempts, List<AtlasException> earlier) {
    if (attempts <= 1) {
      return e;
    }
    ErrorInfo info = e.info().toBuilder().attempts(attempts).build();
    AtlasException out;
    if (e instanceof AtlasTimeoutException) {
      out = new AtlasTimeoutException(info, e.getCause());
    } else if (e instanceof AtlasConnectionException) {
      out = new AtlasConnectionException(info, e.getCause());
    } else if (e instanceof AtlasInvalidResponseException) {
      out = new AtlasInvalidResponseException(info, e.getCause());
    } else {
      out = create(info, e.getCause());
    }
    out.setStackTrace(e.getStackTrace());
    for (AtlasException x : earlier) {
      out.addSuppressed(x);
    }
    return out;
  }

  /**
   * A code of a client-side class on a 5xx answer (e.g. {@code auth_error} on a 500 when the
   * server's own authentication service failed): the status wins, it is a server error.
   *
   * @param code the code
   * @param status the HTTP status
   * @return whether the status, not the code, decides the exception's class
   */
  static boolean contradicts(AtlasErrorCode code, int status) {
    AtlasErrorCode.Category c = code.category();
    return status >= 500 && status <= 599 && c != AtlasErrorCode.Category.SERVER
        && c != AtlasErrorCode.Category.UNKNOWN && c != AtlasErrorCode.Category.CONNECTION;
  }

  static AtlasErrorCode.Category categoryOfStatus(int status) {
    if (status == 401) return AtlasErrorCode.Category.AUTHENTICATION;
    if (status == 403) return AtlasErrorCode.Category.PERMISSION;
    if (status == 404) return AtlasErrorCode.Category.NOT_FOUND;
    if (status == 409) return AtlasErrorCode.Category.CONFLICT;
    if (status == 429) return AtlasErrorCode.Category.RATE_LIMIT;
    if (status == 400 || status == 421 || status == 422) return AtlasErrorCode.Category.INVALID_REQUEST;
    if (status >= 500 && status <= 599) return AtlasErrorCode.Category.SERVER;
    return AtlasErrorCode.Category.UNKNOWN;
  }

  /**
   * Parses {@code Retry-After}: delta-seconds or an HTTP-date. Not capped here: the retry policy
   * decides how long it waits at most ({@link dev.atlas.client.retry.RetryPolicy#maxRetryAfter()}).
   *
   * @param value the header value, or null
   * @param clock the current time
   * @return the delay (never negative), or null when absent or unparseable
   */
  public static Duration parseRetryAfterHeader(String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      if (v.chars().allMatch(Character::isDigit)) {
        return v.length() > 18 ? Duration.ofSeconds(Long.MAX_VALUE) : Duration.ofSeconds(Long.parseLong(v));
      }
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration d = Duration.between(clock.instant(), at.toInstant());
      return d.isNegative() ? Duration.ZERO : d;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Describes a body without repeating it: its content type, and an HTML page's title.
   *
   * @param contentType the content type, or null
   * @param body the body (prefix)
   * @return e.g. {@code a text/html body (title "502 Bad Gateway")}
   */
  static String describeBody(String contentType, String body) {
    StringBuilder sb = new StringBuilder("a ");
    sb.append(contentType == null || contentType.isBlank() ? "body with no content type" : stripParams(contentType) + " body");
    Matcher m = TITLE.matcher(body.length() > 65536 ? body.substring(0, 65536) : body);
    if (m.find()) {
      String title = m.group(1).replaceAll("\\s+", " ").trim();
      if (!title.isEmpty()) {
        sb.append(" (title \"").append(truncate(title, 120)).append("\")");
      }
    }
    return sb.toString();
  }

  private static String stripParams(String contentType) {
    int semi = contentType.indexOf(';');
    return (semi >= 0 ? contentType.substring(0, semi) : contentType).trim();
  }

  static String truncate(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, max) + "...";
  }
}
