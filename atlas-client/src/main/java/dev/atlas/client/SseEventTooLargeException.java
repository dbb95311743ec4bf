package dev.atlas.client;

import java.io.IOException;

/** An event, or a single line of the stream, was larger than the parser's maximum. */
public final class SseEventTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The limit that was exceeded. */
  private final int maxEventBytes;

  /** @param maxEventBytes the limit that was exceeded */
  public SseEventTooLargeException(int maxEventBytes) {
    super("A Server-Sent Event exceeded the maximum of " + maxEventBytes + " bytes");
    this.maxEventBytes = maxEventBytes;
  }

  /** @return the limit that was exceeded, in bytes */
  public int maxEventBytes() {
    return maxEventBytes;
  }
}
