package dev.atlas.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A pull-based Server-Sent Events parser over a byte stream, following the WHATWG HTML "event
 * stream interpretation" rules.
 *
 * <p>Each {@link #next()} reads only as many bytes as the next event needs and returns it as soon
 * as its terminating blank line has been read: a CR that ends the available bytes ends its line at
 * once (an LF that follows later is skipped), so a frame is never held back waiting for more input.
 * There is no background thread: the caller's thread does the reads.
 *
 * <p>Rules implemented: one leading UTF-8 BOM is dropped; lines end in CRLF, LF or a lone CR; lines
 * starting with {@code :} are comments; a field is split from its value at the first colon and one
 * leading space of the value is removed; {@code data} lines are joined with LF; {@code event} sets
 * the type (default {@code message}, also when empty); {@code id} sets the last event id, which
 * carries over to later events, unless the value contains NUL; {@code retry} is taken only when all
 * ASCII digits; unknown fields are ignored; a blank line dispatches the event unless no data was
 * given; an event not terminated by a blank line when the stream ends is discarded. Text is decoded
 * as UTF-8 per complete line, so a character split across reads decodes correctly, and malformed
 * bytes become U+FFFD.
 *
 * <p>Memory is bounded: one read buffer plus the bytes of the event in progress, which may not
 * exceed the configured maximum ({@link SseEventTooLargeException} otherwise). Not thread-safe:
 * one thread reads; {@link #close()} may be called from another to make a blocked read fail.
 */
public final class SseParser implements Closeable {
  /** Default largest event: 16 MiB of field bytes (data, event, id, and any single line). */
  public static final int DEFAULT_MAX_EVENT_BYTES = 16 << 20;

  private static final int READ_SIZE = 16384;
  private static final int KEEP_BUFFER = 64 << 10;
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final String MESSAGE = "message";
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private final Utf8 utf8 = new Utf8();

  private final InputStream in;
  private final int maxEventBytes;
  private final byte[] buf = new byte[READ_SIZE];
  private int pos;
  private int limit;
  private boolean eof;

  private int bomMatched; // -1 once the start of the stream has been examined
  private boolean skipLf; // the last line ended with a CR at the end of a read: skip one LF

  private byte[] line = new byte[256];
  private int lineLen;
  private byte[] data = new byte[1024];
  private int dataLen;
  private boolean hasData;
  // an event whose data is a single line still in the read buffer is not copied: [sliceOff, +sliceLen) of buf
  private boolean slice;
  private int sliceOff;
  private int sliceLen;
  private String eventType;
  private String lastEventId = "";
  private long retryMillis = -1;
  // the event handed out by advance(): valid until the next call
  private boolean dispatched;
  private String readyType;

  /**
   * Creates a parser with the default maximum event size.
   *
   * @param in the byte stream, e.g. an HTTP response body; closed by {@link #close()}
   */
  public SseParser(InputStream in) {
    this(in, DEFAULT_MAX_EVENT_BYTES);
  }

  /**
   * Creates a parser.
   *
   * @param in the byte stream; closed by {@link #close()}
   * @param maxEventBytes the most bytes one event (or one line) may take; at least 1
   */
  public SseParser(InputStream in, int maxEventBytes) {
    this.in = Objects.requireNonNull(in, "in");
    if (maxEventBytes < 1) {
      throw new IllegalArgumentException("maxEventBytes must be positive");
    }
    this.maxEventBytes = maxEventBytes;
  }

  /**
   * Reads until the next event is complete.
   *
   * @return the event, or null when the stream has ended (an unterminated event is discarded)
   * @throws SseEventTooLargeException if an event or line exceeds the maximum size
   * @throws IOException if reading fails
   */
  public SseEvent next() throws IOException {
    if (!advance()) {
      return null;
    }
    return new SseEvent(readyType, utf8.decode(dataBuffer(), dataOffset(), dataLength()), lastEventId);
  }

  /**
   * Reads until the next event is complete and keeps it in place of the parser: its data is
   * {@code dataLength()} bytes of {@code dataBuffer()} from {@code dataOffset()}, valid until the
   * next call. For decoders that bind straight from the bytes.
   *
   * @return true if an event is ready, false at the end of the stream
   * @throws IOException as {@link #next()}
   */
  boolean advance() throws IOException {
    if (dispatched) {
      dispatched = false;
      dataLen = 0;
      hasData = false;
      slice = false;
      if (data.length > KEEP_BUFFER) {
        data = new byte[1024];
      }
    }
    while (true) {
      if (pos == limit && !fill()) {
        return false;
      }
      if (bomMatched >= 0 && !skipBom()) {
        continue;
      }
      if (skipLf) {
        skipLf = false;
        if (buf[pos] == '\n') {
          pos++;
          continue;
        }
      }
      byte[] b = buf;
      int start = pos;
      int end = limit;
      int i = lineEnd(b, start, end);
      if (i == end) {
        appendLine(b, start, end - start);
        pos = end;
        continue;
      }
      pos = i + 1;
      if (b[i] == '\r') {
        if (pos < limit) {
          if (b[pos] == '\n') {
            pos++;
          }
        } else {
          skipLf = true;
        }
      }
      boolean ready;
      if (lineLen == 0) {
        ready = processLine(b, start, i - start);
      } else {
        appendLine(b, start, i - start);
        ready = processLine(line, 0, lineLen);
        lineLen = 0;
        if (line.length > KEEP_BUFFER) {
          line = new byte[256];
        }
      }
      if (ready) {
        return true;
      }
    }
  }

  /**
   * Finds the first CR or LF in {@code b[from, to)}, eight bytes at a time.
   *
   * @return its index, or {@code to} if there is none
   */
  static int lineEnd(byte[] b, int from, int to) {
    int i = from;
    for (int last = to - Long.BYTES; i <= last; i += Long.BYTES) {
      long w = (long) LONGS.get(b, i);
      long lf = w ^ 0x0A0A0A0A0A0A0A0AL;
      long cr = w ^ 0x0D0D0D0D0D0D0D0DL;
      // a byte of lf or cr is zero where the word holds '\n' or '\r'; the lowest flag is exact
      long hit = ((lf - 0x0101010101010101L) & ~lf | (cr - 0x0101010101010101L) & ~cr) & 0x8080808080808080L;
      if (hit != 0) {
        return i + (Long.numberOfTrailingZeros(hit) >>> 3);
      }
    }
    for (; i < to; i++) {
      byte c = b[i];
      if (c == '\n' || c == '\r') {
        return i;
      }
    }
    return to;
  }

  /** @return the reconnection time the stream asked for with {@code retry}, in ms, or -1 if none */
  public long retryMillis() {
    return retryMillis;
  }

  /** @return the last event id seen so far ({@code ""} if none) */
  public String lastEventId() {
    return lastEventId;
  }

  /** Closes the underlying stream. */
  @Override
  public void close() throws IOException {
    in.close();
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    if (slice) {
      materializeSlice(); // the read below overwrites the buffer the slice points into
    }
    int n = in.read(buf, 0, buf.length);
    while (n == 0) {
      n = in.read(buf, 0, buf.length);
    }
    if (n < 0) {
      eof = true;
      pos = limit = 0;
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }

  /** Consumes BOM bytes at the start of the stream; returns true once the start is settled. */
  private boolean skipBom() throws SseEventTooLargeException {
    while (pos < limit && bomMatched < BOM.length) {
      if (buf[pos] != BOM[bomMatched]) {
        // not a BOM: the bytes matched so far belong to the first line
        appendLine(BOM, 0, bomMatched);
        bomMatched = -1;
        return true;
      }
      pos++;
      bomMatched++;
    }
    if (bomMatched == BOM.length) {
      bomMatched = -1;
      return true;
    }
    return false; // need more bytes to decide
  }

  private void appendLine(byte[] src, int off, int len) throws SseEventTooLargeException {
    if (len == 0) {
      return;
    }
    int needed = lineLen + len;
    if (needed > maxEventBytes || needed < 0) {
      throw tooLarge();
    }
    if (needed > line.length) {
      line = java.util.Arrays.copyOf(line, Math.min(Math.max(needed, line.length * 2), maxEventBytes));
    }
    System.arraycopy(src, off, line, lineLen, len);
    lineLen = needed;
  }

  /** @return the array holding the data of the event ready after {@link #advance()} */
  byte[] dataBuffer() {
    return slice ? buf : data;
  }

  /** @return where the ready event's data starts in {@link #dataBuffer()} */
  int dataOffset() {
    return slice ? sliceOff : 0;
  }

  /** @return the length of the ready event's data, in bytes */
  int dataLength() {
    return slice ? sliceLen : dataLen - 1;
  }

  /** @return the ready event's type */
  String eventType() {
    return readyType;
  }

  /** @return true if the line completed an event */
  private boolean processLine(byte[] b, int off, int len) throws SseEventTooLargeException {
    if (len == 0) {
      return dispatch();
    }
    if (b[off] == ':') {
      return false;
    }
    if (len >= 5 && b[off + 4] == ':' && b[off] == 'd' && b[off + 1] == 'a' && b[off + 2] == 't' && b[off + 3] == 'a') {
      int v = off + 5 < off + len && b[off + 5] == ' ' ? off + 6 : off + 5;
      appendData(b, v, off + len - v);
      return false;
    }
    int colon = -1;
    for (int i = off; i < off + len; i++) {
      if (b[i] == ':') {
        colon = i;
        break;
      }
    }
    int nameLen = colon < 0 ? len : colon - off;
    int valueOff = colon < 0 ? off + len : colon + 1;
    if (valueOff < off + len && b[valueOff] == ' ') {
      valueOff++;
    }
    int valueLen = off + len - valueOff;
    switch (nameLen) {
      case 4:
        if (b[off] == 'd' && b[off + 1] == 'a' && b[off + 2] == 't' && b[off + 3] == 'a') {
          appendData(b, valueOff, valueLen);
        }
        break;
      case 5:
        if (b[off] == 'e' && b[off + 1] == 'v' && b[off + 2] == 'e' && b[off + 3] == 'n' && b[off + 4] == 't') {
          checkSize(dataLen + valueLen);
          eventType = new String(b, valueOff, valueLen, StandardCharsets.UTF_8);
        } else if (b[off] == 'r' && b[off + 1] == 'e' && b[off + 2] == 't' && b[off + 3] == 'r' && b[off + 4] == 'y') {
          setRetry(b, valueOff, valueLen);
        }
        break;
      case 2:
        if (b[off] == 'i' && b[off + 1] == 'd') {
          setId(b, valueOff, valueLen);
        }
        break;
      default:
        break;
    }
    return false;
  }

  private void appendData(byte[] b, int off, int len) throws SseEventTooLargeException {
    if (!hasData && b == buf) {
      checkSize(len + 1L);
      slice = true;
      sliceOff = off;
      sliceLen = len;
      hasData = true;
      return;
    }
    if (slice) {
      materializeSlice();
    }
    copyData(b, off, len);
  }

  private void copyData(byte[] b, int off, int len) throws SseEventTooLargeException {
    int needed = dataLen + len + 1;
    checkSize(needed);
    if (needed > data.length) {
      data = java.util.Arrays.copyOf(data, Math.min(Math.max(needed, data.length * 2), maxEventBytes + 1));
    }
    System.arraycopy(b, off, data, dataLen, len);
    dataLen += len;
    data[dataLen++] = '\n';
    hasData = true;
  }

  private void materializeSlice() throws SseEventTooLargeException {
    slice = false;
    dataLen = 0;
    copyData(buf, sliceOff, sliceLen);
  }

  private void setId(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      if (b[i] == 0) {
        return;
      }
    }
    lastEventId = new String(b, off, len, StandardCharsets.UTF_8);
  }

  private void setRetry(byte[] b, int off, int len) {
    if (len == 0) {
      return;
    }
    long v = 0;
    for (int i = off; i < off + len; i++) {
      byte c = b[i];
      if (c < '0' || c > '9') {
        return;
      }
      v = v > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : v * 10 + (c - '0');
    }
    retryMillis = v;
  }

  private boolean dispatch() {
    if (!hasData) {
      eventType = null;
      return false;
    }
    readyType = eventType == null || eventType.isEmpty() ? MESSAGE : eventType;
    eventType = null;
    dispatched = true;
    return true;
  }

  private void checkSize(long bytes) throws SseEventTooLargeException {
    if (bytes > maxEventBytes) {
      throw tooLarge();
    }
  }

  private SseEventTooLargeException tooLarge() {
    slice = false;
    dataLen = 0;
    lineLen = 0;
    hasData = false;
    return new SseEventTooLargeException(maxEventBytes);
  }
}
