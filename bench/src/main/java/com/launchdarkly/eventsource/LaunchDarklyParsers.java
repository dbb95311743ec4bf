package com.launchdarkly.eventsource;

import com.launchdarkly.logging.LDLogger;
import java.io.InputStream;
import java.net.URI;
import java.util.Collections;

/**
 * Opens LaunchDarkly's SSE parser, which is package-private in okhttp-eventsource, on a byte
 * stream: the same parser its EventSource uses on a response body. Benchmark use only.
 */
public final class LaunchDarklyParsers {
  private static final URI ORIGIN = URI.create("http://127.0.0.1/");

  private LaunchDarklyParsers() {}

  /**
   * Counts the messages of a stream, reading each one's data.
   *
   * @param in the stream
   * @return the number of messages
   * @throws StreamException if the parser fails
   */
  public static long countMessages(InputStream in) throws StreamException {
    EventParser p = new EventParser(in, ORIGIN, 8192, false, Collections.emptySet(), LDLogger.none(), null);
    long n = 0;
    while (true) {
      StreamEvent e;
      try {
        e = p.nextEvent();
      } catch (StreamClosedByServerException end) {
        return n;
      }
      if (e instanceof MessageEvent m) {
        if (m.getData() != null) {
          n++;
        }
      }
    }
  }
}
