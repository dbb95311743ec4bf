package dev.atlas.client.errors;

import com.google.gson.JsonObject;
import dev.atlas.client.generated.model.ValidationIssue;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The facts of one failed call, as carried by every {@link AtlasException}. Immutable.
 *
 * <p>Build one with {@link #builder(AtlasErrorCode)}; the client does so for you, and tests of
 * your own code can, to construct exceptions.
 */
public final class ErrorInfo {
  private final AtlasErrorCode code;
  private final String rawCode;
  private final int status;
  private final String serverMessage;
  private final boolean retryable;
  private final Duration retryAfter;
  private final String requestId;
  private final List<ValidationIssue> details;
  private final String method;
  private final String path;
  private final String resourceId;
  private final JsonObject body;
  private final String description;
  private final String hint;
  private final int attempts;
  private final boolean reachedServer;

  private ErrorInfo(Builder b) {
    this.code = b.code;
    this.rawCode = b.rawCode != null ? b.rawCode : b.code.wireValue();
    this.status = b.status;
    this.serverMessage = b.serverMessage;
    this.retryable = b.retryable != null ? b.retryable : b.code.isRetryable();
    this.retryAfter = b.retryAfter;
    this.requestId = b.requestId;
    this.details = b.details == null ? List.of() : List.copyOf(b.details);
    this.method = b.method;
    this.path = b.path;
    this.resourceId = b.resourceId;
    this.body = b.body == null ? null : b.body.deepCopy();
    this.description = b.description;
    this.hint = b.hint;
    this.attempts = Math.max(1, b.attempts);
    this.reachedServer = b.reachedServer;
  }

  /**
   * Starts describing an error.
   *
   * @param code the error code
   * @return a builder
   */
  public static Builder builder(AtlasErrorCode code) {
    return new Builder(Objects.requireNonNull(code, "code"));
  }

  /** @return a builder initialised with these facts */
  public Builder toBuilder() {
    Builder b = new Builder(code);
    b.rawCode = rawCode;
    b.status = status;
    b.serverMessage = serverMessage;
    b.retryable = retryable;
    b.retryAfter = retryAfter;
    b.requestId = requestId;
    b.details = details;
    b.method = method;
    b.path = path;
    b.resourceId = resourceId;
    b.body = body;
    b.description = description;
    b.hint = hint;
    b.attempts = attempts;
    b.reachedServer = reachedServer;
    return b;
  }

  /** @return the error code; {@link AtlasErrorCode#UNKNOWN_ERROR} for a code this client does not know */
  public AtlasErrorCode code() {
    return code;
  }

  /** @return the code as the server sent it (or the client-side code's wire value); never null */
  public String rawCode() {
    return rawCode;
  }

  /** @return the HTTP status, or 0 when no response arrived */
  public int status() {
    return status;
  }

  /** @return the server's human-readable message, if it sent one */
  public Optional<String> serverMessage() {
    return Optional.ofNullable(serverMessage);
  }

  /** @return whether retrying the same request may succeed */
  public boolean retryable() {
    return retryable;
  }

  /** @return how long the server asked the caller to wait, if it said */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** @return the server's request id for log correlation, if sent */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** @return field-level validation problems (422); empty otherwise */
  public List<ValidationIssue> details() {
    return details;
  }

  /** @return the HTTP method of the failed request, if known */
  public Optional<String> method() {
    return Optional.ofNullable(method);
  }

  /** @return the URL path of the failed request (no host, no query), if known */
  public Optional<String> path() {
    return Optional.ofNullable(path);
  }

  /** @return the id of the resource the request named, if known */
  public Optional<String> resourceId() {
    return Optional.ofNullable(resourceId);
  }

  /** @return a copy of the JSON error envelope, with any route-specific keys, if the body was one */
  public Optional<JsonObject> body() {
    return body == null ? Optional.empty() : Optional.of(body.deepCopy());
  }

  /** @return a client-side description used when the server sent no message, if any */
  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  /**
   * @return the client's hint at a likely cause the server does not tell (added to the message),
   *     e.g. a spent managed-mode workspace key; empty when there is none
   */
  public Optional<String> hint() {
    return Optional.ofNullable(hint);
  }

  /** @return how many attempts were made before giving up (1 when the call was not retried) */
  public int attempts() {
    return attempts;
  }

  /**
   * Whether the request may have reached the server, so that an operation that changes something
   * may have run even though the call failed. False only when the client knows the request never
   * left: the connection was refused or timed out while connecting, the host is unknown, TLS failed.
   *
   * @return true when the server answered or the connection broke after the request was sent
   */
  public boolean requestMayHaveReachedServer() {
    return reachedServer;
  }

  /** Builder of {@link ErrorInfo}. Not thread-safe. */
  public static final class Builder {
    private final AtlasErrorCode code;
    private String rawCode;
    private int status;
    private String serverMessage;
    private Boolean retryable;
    private Duration retryAfter;
    private String requestId;
    private List<ValidationIssue> details;
    private String method;
    private String path;
    private String resourceId;
    private JsonObject body;
    private String description;
    private String hint;
    private int attempts = 1;
    private boolean reachedServer = true;

    private Builder(AtlasErrorCode code) {
      this.code = code;
    }

    /** @param rawCode the code as the server sent it @return this */
    public Builder rawCode(String rawCode) {
      this.rawCode = rawCode;
      return this;
    }

    /** @param status the HTTP status, 0 when none @return this */
    public Builder status(int status) {
      this.status = status;
      return this;
    }

    /** @param serverMessage the server's message, or null @return this */
    public Builder serverMessage(String serverMessage) {
      this.serverMessage = serverMessage;
      return this;
    }

    /** @param retryable the server's retryable flag, or null to derive it from the code @return this */
    public Builder retryable(Boolean retryable) {
      this.retryable = retryable;
      return this;
    }

    /** @param retryAfter the suggested delay, or null @return this */
    public Builder retryAfter(Duration retryAfter) {
      this.retryAfter = retryAfter;
      return this;
    }

    /** @param requestId the server's request id, or null @return this */
    public Builder requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    /** @param details validation problems, or null @return this */
    public Builder details(List<ValidationIssue> details) {
      this.details = details;
      return this;
    }

    /** @param method the HTTP method @param path the URL path without query @return this */
    public Builder request(String method, String path) {
      this.method = method;
      this.path = path;
      return this;
    }

    /** @param resourceId the id the request named, or null @return this */
    public Builder resourceId(String resourceId) {
      this.resourceId = resourceId;
      return this;
    }

    /** @param body the JSON envelope, or null @return this */
    public Builder body(JsonObject body) {
      this.body = body;
      return this;
    }

    /** @param description a client-side description, or null @return this */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /** @param hint the client's hint at a likely cause, added to the message; or null @return this */
    public Builder hint(String hint) {
      this.hint = hint;
      return this;
    }

    /** @param attempts how many attempts were made, at least 1 @return this */
    public Builder attempts(int attempts) {
      this.attempts = attempts;
      return this;
    }

    /**
     * @param reached whether the request may have reached the server (default true)
     * @return this
     */
    public Builder requestMayHaveReachedServer(boolean reached) {
      this.reachedServer = reached;
      return this;
    }

    /** @return the immutable facts */
    public ErrorInfo build() {
      return new ErrorInfo(this);
    }
  }
}
