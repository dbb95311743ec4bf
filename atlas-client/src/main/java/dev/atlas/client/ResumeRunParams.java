package dev.atlas.client;

/**
 * How {@link Runs#resume(String, ResumeRunParams, RequestOptions)} reads the continuation. Immutable; start from
 * {@link #defaults()}.
 *
 * @param maxEventBytes the largest frame accepted; 0 means the default (as for {@code streamQuery})
 * @param detached true to leave the run going when the stream is closed early (by default closing it
 *     also asks the server to stop the run)
 */
public record ResumeRunParams(int maxEventBytes, boolean detached) {
  /** Checks the size limit. */
  public ResumeRunParams {
    if (maxEventBytes < 0) {
      throw new IllegalArgumentException("maxEventBytes must not be negative");
    }
  }

  /** @return the default frame limit, stop on close */
  public static ResumeRunParams defaults() {
    return new ResumeRunParams(0, false);
  }

  /** @param bytes the largest frame accepted (0 for the default) @return a copy with it set */
  public ResumeRunParams withMaxEventBytes(int bytes) {
    return new ResumeRunParams(bytes, detached);
  }

  /** @param detached whether closing early leaves the run going @return a copy with it set */
  public ResumeRunParams withDetached(boolean detached) {
    return new ResumeRunParams(maxEventBytes, detached);
  }
}
