package dev.atlas.client.errors;

import com.google.gson.JsonObject;
import dev.atlas.client.generated.model.ValidationIssue;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Root of every error the Atlas client throws. Unchecked.
 *
 * <p>Catch a subclass to handle a category ({@link AtlasRateLimitException},
 * {@link AtlasNotFoundException}, ...) or this class to handle all. {@link #code()} and
 * {@link #retryable()} drive generic handling; {@link #requestId()} is what to quote when
 * reporting a problem. Messages never contain credentials.
 */
public class AtlasException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ErrorInfo info;

  /**
   * Creates an exception from the facts of a failed call.
   *
   * @param info the facts
   * @param cause the underlying exception, or null
   */
  public AtlasException(ErrorInfo info, Throwable cause) {
    super(describe(Objects.requireNonNull(info, "info")), cause);
    this.info = info;
  }

  /** @return every fact of this error */
  public ErrorInfo info() {
    return info;
  }

  /** @return the error code ({@link AtlasErrorCode#UNKNOWN_ERROR} for a code this client does not know) */
  public AtlasErrorCode code() {
    return info.code();
  }

  /** @return the code as the server sent it, kept even when this client does not know it */
  public String rawCode() {
    return info.rawCode();
  }

  /** @return the HTTP status, or 0 when no response arrived */
  public int status() {
    return info.status();
  }

  /** @return the server's human-readable message, if it sent one */
  public Optional<String> serverMessage() {
    return info.serverMessage();
  }

  /**
   * Whether repeating the same call may succeed and is safe: the server's flag, else the code's.
   * For a connection failure it is true only when the request never left, or when it may have left
   * but the operation is safe to run twice (reads, SQL validation, deletes and other idempotent
   * calls); a broken {@code query} is not retryable, since the server may have run it
   * ({@link #requestMayHaveReachedServer()}). Unknown hosts and TLS failures are never retryable.
   *
   * @return whether a retry may succeed without running a change twice
   */
  public boolean retryable() {
    return info.retryable();
  }

  /**
   * Whether the request may have reached the server: if so, an operation that changes something
   * (a query, a trigger, a rollback) may have run although the call failed, and running it again
   * may run it twice. False only when the client knows the request never left (connection refused
   * or timed out while connecting, unknown host, TLS failure).
   *
   * @return true when the server answered, or the connection broke after the request was sent
   */
  public boolean requestMayHaveReachedServer() {
    return info.requestMayHaveReachedServer();
  }

  /** @return the delay the server asked for ({@code retryAfterSeconds} or {@code Retry-After}) */
  public Optional<Duration> retryAfter() {
    return info.retryAfter();
  }

  /** @return the server's request id, if sent */
  public Optional<String> requestId() {
    return info.requestId();
  }

  /** @return field-level validation problems (422 {@code validation_error}); empty otherwise */
  public List<ValidationIssue> details() {
    return info.details();
  }

  /** @return the HTTP method of the failed request, if known */
  public Optional<String> method() {
    return info.method();
  }

  /** @return the URL path of the failed request (no host, no query string), if known */
  public Optional<String> path() {
    return info.path();
  }

  /** @return how many attempts the client made before giving up (1 when the call was not retried) */
  public int attempts() {
    return info.attempts();
  }

  /** @return a copy of the JSON error envelope (with route-specific keys such as {@code correctApiUrl}) */
  public Optional<JsonObject> body() {
    return info.body();
  }

  /** Names each field and its problem, e.g. {@code : question: too small (minimum 1)}. */
  private static void appendDetails(StringBuilder sb, List<ValidationIssue> details) {
    String sep = ": ";
    for (ValidationIssue d : details) {
      sb.append(sep);
      sep = "; ";
      List<Object> path = d.getPath();
      String field = path == null || path.isEmpty() ? "(request)"
          : path.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining("."));
      String problem = d.getCode() != null ? d.getCode().replace('_', ' ') : d.getMessage();
      sb.append(field).append(": ").append(problem == null ? "invalid" : problem);
      if (d.getMinimum() != null) {
        sb.append(" (minimum ").append(d.getMinimum()).append(')');
      }
      if (sb.length() > 2000) {
        sb.append("; ...");
        return;
      }
    }
  }

  private static String describe(ErrorInfo info) {
    StringBuilder sb = new StringBuilder();
    sb.append('[');
    if (info.status() > 0) {
      sb.append(info.status()).append(' ');
    }
    sb.append(info.rawCode()).append("] ");
    sb.append(info.serverMessage().or(info::description).orElse("Atlas request failed"));
    appendDetails(sb, info.details());
    info.hint().ifPresent(h -> sb.append(" - ").append(h));
    info.method().ifPresent(m -> sb.append(" (").append(m).append(' ').append(info.path().orElse("")).append(')'));
    info.requestId().ifPresent(id -> sb.append(" requestId=").append(id));
    if (info.attempts() > 1) {
      sb.append(" after ").append(info.attempts()).append(" attempts");
    }
    return sb.toString();
  }
}
