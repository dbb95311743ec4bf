package dev.atlas.client;

import java.time.Duration;
import java.util.Optional;

/**
 * A file the server rendered (a dashboard screenshot or export, or a card's CSV), as it was written
 * to the caller's {@link java.nio.file.Path} or {@link java.io.OutputStream}: the bytes were copied
 * as they arrived, never held whole in memory.
 */
public final class DashboardFile {
  private final String contentType;
  private final long size;
  private final String fileName;
  private final boolean partial;
  private final Duration serverDuration;

  DashboardFile(String contentType, long size, String fileName, boolean partial, Duration serverDuration) {
    this.contentType = contentType;
    this.size = size;
    this.fileName = fileName;
    this.partial = partial;
    this.serverDuration = serverDuration;
  }

  /** @return the content type as sent, without parameters, e.g. {@code image/png} (checked against what was asked) */
  public String contentType() {
    return contentType;
  }

  /** @return how many bytes were written */
  public long size() {
    return size;
  }

  /** @return the file name the server suggested ({@code Content-Disposition}), if any */
  public Optional<String> fileName() {
    return Optional.ofNullable(fileName);
  }

  /**
   * @return whether the server said the file is incomplete ({@code X-Atlas-Export-Partial: 1}, e.g.
   *     a card that failed to draw), or a CSV whose rows were cut ({@code X-Atlas-Truncated: 1})
   */
  public boolean partial() {
    return partial;
  }

  /** @return how long the server took, when it said ({@code X-Atlas-Export-Duration-Ms} or {@code X-Atlas-Screenshot-Duration-Ms}) */
  public Optional<Duration> serverDuration() {
    return Optional.ofNullable(serverDuration);
  }

  @Override
  public String toString() {
    return "DashboardFile{" + contentType + ", " + size + " bytes" + (fileName == null ? "" : ", " + fileName)
        + (partial ? ", partial" : "") + "}";
  }
}
