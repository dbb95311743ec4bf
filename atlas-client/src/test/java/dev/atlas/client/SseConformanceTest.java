package dev.atlas.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The WHATWG "event stream interpretation" rules as a table. Every case runs with its bytes
 * delivered whole, one byte per read, and at 20 sets of random split points.
 */
class SseConformanceTest {

  record Case(String name, byte[] input, List<SseEvent> events, long retry) {
    @Override
    public String toString() {
      return name;
    }
  }

  static SseEvent ev(String data) {
    return new SseEvent("message", data, "");
  }

  static SseEvent ev(String type, String data, String id) {
    return new SseEvent(type, data, id);
  }

  static Case c(String name, String input, SseEvent... events) {
    return new Case(name, input.getBytes(StandardCharsets.UTF_8), List.of(events), -1);
  }

  static Case c(String name, byte[] input, SseEvent... events) {
    return new Case(name, input, List.of(events), -1);
  }

  static Case retry(String name, String input, long retry, SseEvent... events) {
    return new Case(name, input.getBytes(StandardCharsets.UTF_8), List.of(events), retry);
  }

  static byte[] bytes(int... b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) b[i];
    }
    return out;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static final List<Case> CASES = List.of(
      c("one data line", "data: hello\n\n", ev("hello")),
      c("no space after colon", "data:hello\n\n", ev("hello")),
      c("only one leading space removed", "data:  hello\n\n", ev(" hello")),
      c("trailing spaces kept", "data: hello  \n\n", ev("hello  ")),
      c("data lines joined with LF", "data: a\ndata: b\ndata: c\n\n", ev("a\nb\nc")),
      c("data with no colon is empty", "data\n\n", ev("")),
      c("data with empty value", "data:\n\n", ev("")),
      c("empty data line between", "data: a\ndata\ndata: b\n\n", ev("a\n\nb")),
      c("colon inside the value", "data: a:b: c\n\n", ev("a:b: c")),
      c("CRLF line ends", "data: a\r\ndata: b\r\n\r\n", ev("a\nb")),
      c("lone CR line ends", "data: a\rdata: b\r\r", ev("a\nb")),
      c("mixed line ends", "data: a\r\ndata: b\rdata: c\n\r\n", ev("a\nb\nc")),
      c("CR as the very last byte ends the event", "data: a\n\r", ev("a")),
      c("CR CR LF is two line ends", "data: a\r\r\ndata: b\n\n", ev("a"), ev("b")),
      c("LF CR is two line ends", "data: a\n\rdata: b\n\n", ev("a"), ev("b")),
      c("unterminated line at the end is discarded", "data: a"),
      c("event without blank line at the end is discarded", "data: a\n"),
      c("event ending in one CR is discarded", "data: a\r"),
      c("one leading BOM is dropped", "\uFEFFdata: a\n\n", ev("a")),
      c("a second BOM is part of the field name", "\uFEFF\uFEFFdata: a\n\n"),
      c("a BOM later on is not dropped", "data: a\n\n\uFEFFdata: b\n\n", ev("a")),
      c("BOM-like bytes that are not a BOM stay", concat(bytes(0xEF, 0xBB), utf8("data: a\n\ndata: b\n\n")), ev("b")),
      c("comment ignored", ": keep-alive\n\ndata: a\n\n", ev("a")),
      c("comment between data lines", "data: a\n: note\ndata: b\n\n", ev("a\nb")),
      c("bare colon comment", ":\n\ndata: a\n\n", ev("a")),
      c("event type", "event: add\ndata: x\n\n", ev("add", "x", "")),
      c("empty event type means message", "event:\ndata: x\n\n", ev("x")),
      c("event with no colon means message", "event\ndata: x\n\n", ev("x")),
      c("event type resets after dispatch", "event: a\ndata: 1\n\ndata: 2\n\n", ev("a", "1", ""), ev("2")),
      c("event type without data is dropped", "event: a\n\ndata: 2\n\n", ev("2")),
      c("last event type wins", "event: a\nevent: b\ndata: x\n\n", ev("b", "x", "")),
      c("id", "id: 7\ndata: a\n\n", ev("message", "a", "7")),
      c("id carries over", "id: 7\ndata: a\n\ndata: b\n\n", ev("message", "a", "7"), ev("message", "b", "7")),
      c("id set without data persists", "id: 7\n\ndata: a\n\n", ev("message", "a", "7")),
      c("id with NUL is ignored", "id: 1\ndata: a\n\nid: x\u0000y\ndata: b\n\n", ev("message", "a", "1"),
          ev("message", "b", "1")),
      c("empty id resets", "id: 1\ndata: a\n\nid\ndata: b\n\n", ev("message", "a", "1"), ev("message", "b", "")),
      retry("retry digits", "retry: 5000\ndata: a\n\n", 5000, ev("a")),
      retry("retry with letters ignored", "retry: 50x\ndata: a\n\n", -1, ev("a")),
      retry("retry empty ignored", "retry:\ndata: a\n\n", -1, ev("a")),
      retry("retry with extra space ignored", "retry:  10\ndata: a\n\n", -1, ev("a")),
      retry("retry negative ignored", "retry: -1\ndata: a\n\n", -1, ev("a")),
      c("unknown field ignored", "foo: bar\ndata: a\n\n", ev("a")),
      c("field names are case-sensitive", "Data: a\n\n"),
      c("field name with a trailing space is unknown", "data : a\n\n"),
      c("field name with a leading space is unknown", " data: a\n\n"),
      c("two events", "data: 1\n\ndata: 2\n\n", ev("1"), ev("2")),
      c("extra blank lines", "\n\n\ndata: a\n\n\n\n", ev("a")),
      c("multi-byte UTF-8", "data: héllo 日本 \uD83C\uDF89\n\n", ev("héllo 日本 \uD83C\uDF89")),
      c("malformed UTF-8 becomes U+FFFD", concat(utf8("data: a"), bytes(0xFF), utf8("b\n\n")), ev("a\uFFFDb")),
      c("truncated UTF-8 sequence becomes U+FFFD", concat(utf8("data: "), bytes(0xE6, 0x97), utf8("\n\n")), ev("\uFFFD")),
      c("NUL in data is kept", "data: a\u0000b\n\n", ev("a\u0000b")),
      c("U+2028 in data is not a line end", "data: a\u2028b\n\n", ev("a\u2028b")),
      c("DONE sentinel is plain data", "data: [DONE]\n\n", ev("[DONE]")),
      c("Atlas JSON frame", "data: {\"type\":\"text-delta\",\"id\":\"t1\",\"delta\":\"Hi\"}\n\n",
          ev("{\"type\":\"text-delta\",\"id\":\"t1\",\"delta\":\"Hi\"}")),
      c("empty stream"),
      c("only comments", ": a\n: b\n\n"));

  static Case c(String name) {
    return new Case(name, new byte[0], List.of(), -1);
  }

  /** Delivers the bytes in the given chunk sizes, then EOF. */
  static final class ChunkedStream extends InputStream {
    private final byte[] bytes;
    private final int[] cuts;
    private int pos;
    private int cut;

    ChunkedStream(byte[] bytes, int[] cuts) {
      this.bytes = bytes;
      this.cuts = cuts;
    }

    @Override
    public int read() {
      throw new UnsupportedOperationException("the parser reads in blocks");
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= bytes.length) {
        return -1;
      }
      int end = cut < cuts.length ? cuts[cut++] : bytes.length;
      int n = Math.min(len, Math.max(1, end - pos));
      System.arraycopy(bytes, pos, b, off, n);
      pos += n;
      return n;
    }
  }

  static List<SseEvent> parseAll(byte[] input, int[] cuts, long[] retryOut) throws IOException {
    SseParser p = new SseParser(new ChunkedStream(input, cuts));
    List<SseEvent> out = new ArrayList<>();
    for (SseEvent e; (e = p.next()) != null; ) {
      out.add(e);
    }
    assertThat(p.next()).as("stays ended").isNull();
    retryOut[0] = p.retryMillis();
    return out;
  }

  static Stream<Arguments> runs() {
    List<Arguments> out = new ArrayList<>();
    for (Case c : CASES) {
      out.add(Arguments.of(c, "whole", new int[0]));
      out.add(Arguments.of(c, "byte by byte", IntStream.rangeClosed(1, c.input().length).toArray()));
      for (int seed = 0; seed < 20; seed++) {
        Random r = new Random(seed * 31L + c.name().hashCode());
        int[] cuts = IntStream.rangeClosed(1, c.input().length).filter(i -> r.nextInt(4) == 0).toArray();
        out.add(Arguments.of(c, "random splits " + seed, cuts));
      }
    }
    return out.stream();
  }

  @Test
  void theTableHasAtLeastFortyCases() {
    assertThat(CASES).hasSizeGreaterThanOrEqualTo(40);
    assertThat(CASES.stream().map(Case::name).distinct()).hasSameSizeAs(CASES);
  }

  @ParameterizedTest(name = "{0} ({1})")
  @MethodSource("runs")
  void conformsToTheEventStreamRules(Case c, String delivery, int[] cuts) throws IOException {
    long[] retry = new long[1];
    assertThat(parseAll(c.input(), cuts, retry)).containsExactlyElementsOf(c.events());
    assertThat(retry[0]).isEqualTo(c.retry());
  }

  @Test
  void theWordAtATimeLineEndSearchMatchesAByteByByteOne() {
    Random r = new Random(7);
    byte[] alphabet = {'\n', '\r', 'a', ':', ' ', 0, (byte) 0x8A, (byte) 0x8D, (byte) 0xFF, 0x0B, 0x0C, 0x0E, 0x09};
    for (int round = 0; round < 20_000; round++) {
      byte[] b = new byte[r.nextInt(40)];
      for (int i = 0; i < b.length; i++) {
        b[i] = r.nextInt(3) == 0 ? alphabet[r.nextInt(alphabet.length)] : (byte) r.nextInt(256);
      }
      int from = b.length == 0 ? 0 : r.nextInt(b.length + 1);
      int to = from + r.nextInt(b.length - from + 1);
      int expected = to;
      for (int i = from; i < to; i++) {
        if (b[i] == '\n' || b[i] == '\r') {
          expected = i;
          break;
        }
      }
      assertThat(SseParser.lineEnd(b, from, to)).as("round %d", round).isEqualTo(expected);
    }
  }

  /** Fails any read after the first chunk: the parser must hand over the event without one. */
  static InputStream firstChunkThenFail(byte[] first) {
    return new InputStream() {
      boolean served;

      @Override
      public int read() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (served) {
          throw new AssertionError("read past the end of a complete event");
        }
        served = true;
        System.arraycopy(first, 0, b, off, first.length);
        return first.length;
      }
    };
  }

  @Test
  void anEventIsReturnedWithoutReadingPastItsBlankLine() throws IOException {
    assertThat(new SseParser(firstChunkThenFail(utf8("data: 1\n\n"))).next()).isEqualTo(ev("1"));
    assertThat(new SseParser(firstChunkThenFail(utf8("data: 1\r\n\r\n"))).next()).isEqualTo(ev("1"));
    assertThat(new SseParser(firstChunkThenFail(utf8("data: 1\r\r"))).next()).isEqualTo(ev("1"));
    assertThat(new SseParser(firstChunkThenFail(utf8("data: 1\n\r"))).next()).isEqualTo(ev("1"));
  }

  @Test
  void aCrAtTheEndOfOneReadAndAnLfAtTheStartOfTheNextAreOneLineEnd() throws IOException {
    SseParser p = new SseParser(new ChunkedStream(utf8("data: a\r\n\r\ndata: b\r\n\r\n"), new int[] {8, 11}));
    assertThat(p.next()).isEqualTo(ev("a"));
    assertThat(p.next()).isEqualTo(ev("b"));
    assertThat(p.next()).isNull();
  }

  @Test
  void anEventLargerThanTheMaximumFailsClearly() throws IOException {
    byte[] big = utf8("data: " + "x".repeat(2000) + "\n\n");
    SseParser p = new SseParser(new ChunkedStream(concat(utf8("data: ok\n\n"), big), new int[0]), 1024);
    assertThat(p.next()).isEqualTo(ev("ok"));
    assertThatThrownBy(p::next).isInstanceOf(SseEventTooLargeException.class).hasMessageContaining("1024 bytes");
  }

  @Test
  void manyDataLinesAddUpAgainstTheMaximum() {
    byte[] lines = utf8("data: 0123456789\n".repeat(200) + "\n");
    SseParser p = new SseParser(new ChunkedStream(lines, new int[0]), 1000);
    assertThatThrownBy(p::next).isInstanceOf(SseEventTooLargeException.class);
  }

  @Test
  void anEventOfExactlyTheMaximumPasses() throws IOException {
    String data = "y".repeat(94); // the line "data: yyy..." is exactly 100 bytes
    SseParser p = new SseParser(new ChunkedStream(utf8("data: " + data + "\n\n"), new int[] {3, 50}), 100);
    assertThat(p.next()).isEqualTo(ev(data));
  }

  static final long FRAMES = 1_000_000;

  @Test
  void longStreamsParseWithASmallMaximum() throws IOException {
    byte[] frame = utf8("data: {\"type\":\"text-delta\",\"delta\":\"" + "z".repeat(100) + "\"}\n\n");
    InputStream endless = new InputStream() {
      long served;
      int off;

      @Override
      public int read() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int read(byte[] b, int o, int len) {
        if (served >= FRAMES * frame.length) {
          return -1;
        }
        int n = Math.min(len, frame.length - off);
        System.arraycopy(frame, off, b, o, n);
        off = (off + n) % frame.length;
        served += n;
        return n;
      }
    };
    SseParser p = new SseParser(endless, 4096);
    long count = 0;
    while (p.next() != null) {
      count++;
    }
    assertThat(count).isEqualTo(FRAMES);
    assertThat(p.lastEventId()).isEmpty();
  }
}
