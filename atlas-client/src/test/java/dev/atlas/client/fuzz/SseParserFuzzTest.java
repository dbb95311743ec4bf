package dev.atlas.client.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.atlas.client.errors.AtlasInvalidResponseException;
import dev.atlas.client.AtlasStream;
import dev.atlas.client.SseEvent;
import dev.atlas.client.SseEventTooLargeException;
import dev.atlas.client.SseParser;
import dev.atlas.client.StreamEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Fuzzes the SSE parser and the typed-event decoder with arbitrary bytes: the only exception
 * allowed is the documented one for a frame over the size limit; every event's data is bounded by
 * it. In the normal test run only the seed corpus runs; {@code JAZZER_FUZZ=1} fuzzes (the pom's
 * fuzz executions, 30 s).
 */
class SseParserFuzzTest {
  static final int MAX = 4096;

  @FuzzTest(maxDuration = "30s")
  void parserAndDecoderAcceptAnyBytes(byte[] input) throws IOException {
    SseParser parser = new SseParser(new ByteArrayInputStream(input), MAX);
    try {
      for (SseEvent e; (e = parser.next()) != null; ) {
        assertThat(e.data().length()).isLessThanOrEqualTo(MAX);
        assertThat(e.type()).isNotEmpty();
      }
    } catch (SseEventTooLargeException expected) {
      // documented: a frame over the limit
    }
    try (AtlasStream events = AtlasStream.fromBody(new ByteArrayInputStream(input))) {
      for (StreamEvent e : events) {
        assertThat(e).isNotNull();
      }
    } catch (AtlasInvalidResponseException expected) {
      // documented: a frame over the limit
    }
  }
}
