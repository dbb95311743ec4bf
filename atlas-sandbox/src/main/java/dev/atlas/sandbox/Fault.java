package dev.atlas.sandbox;

import java.util.Locale;
import java.util.Optional;

/**
 * A failure the sandbox can inject, globally ({@link AtlasSandbox#injectFault(Fault)}) or for one
 * request (header {@value #HEADER} with the fault's {@link #wireName()}).
 */
public enum Fault {
  /** 429 {@code rate_limited} with {@code Retry-After: 2} and {@code retryAfterSeconds: 2}. */
  RATE_LIMIT("rate-limit"),
  /** 502 {@code provider_error}, retryable. */
  PROVIDER_ERROR("provider-error"),
  /**
   * A chat stream that sends its first frames and then drops the connection; as on a real server,
   * the generation goes on without it and saves the answer in the conversation.
   */
  DROP_STREAM("drop-stream"),
  /**
   * A chat stream whose server process dies after the agent's first recorded step: the connection
   * drops, nothing generates the run any more and its row stays {@code running} (resume continues it).
   */
  CRASH_MID_STREAM("crash-mid-stream"),
  /** Answers after the configured slow delay (default 2 s). */
  SLOW("slow");

  /** The request header that selects a fault for one request. */
  public static final String HEADER = "X-Sandbox-Fault";

  private final String wireName;

  Fault(String wireName) {
    this.wireName = wireName;
  }

  /** @return the header value that selects this fault, e.g. {@code rate-limit} */
  public String wireName() {
    return wireName;
  }

  /**
   * @param value a header value
   * @return the fault it names, if any
   */
  public static Optional<Fault> fromWire(String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (Fault f : values()) {
      if (f.wireName.equals(value.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
