package dev.atlas.client;

/**
 * How much a client logs: {@link AtlasClientBuilder#logLevel(AtlasLogLevel)}, or for every client
 * of a process the environment variable {@code ATLAS_LOG} (or system property {@code atlas.log})
 * set to {@code info} or {@code debug}.
 */
public enum AtlasLogLevel {
  /** Nothing but warnings (the default). */
  OFF,
  /** One line per call (method, path, status, duration, attempts, request id), one per retry, one per stream's end. */
  INFO,
  /** {@link #INFO}, plus each request's and response's headers and body, credentials redacted. */
  DEBUG;

  /**
   * @param text the value of {@code ATLAS_LOG}, e.g. {@code info}, {@code DEBUG}, {@code off}
   * @return the level, or null when the text names none
   */
  static AtlasLogLevel parse(String text) {
    if (text == null) {
      return null;
    }
    switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "off": case "none": case "": return OFF;
      case "info": return INFO;
      case "debug": case "trace": return DEBUG;
      default: return null;
    }
  }
}
