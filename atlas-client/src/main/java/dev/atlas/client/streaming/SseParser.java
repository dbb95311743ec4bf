package dev.atlas.client.streaming;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
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

  private static final int READ_SIZE = 8192;
  private static final int KEEP_BUFFER = 64 << 10;
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final String MESSAGE = "message";

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
  private String eventType;
  private String lastEventId = "";
  private long retryMillis = -1;

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
    while (true) {
      if (pos == limit && !fill()) {
        return null;
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
      int i = start;
      while (i < end) {
        byte c = b[i];
        if (c == '\n' || c == '\r') {
          break;
        }
        i++;
      }
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
      SseEvent event;
      if (lineLen == 0) {
        event = processLine(b, start, i - start);
      } else {
        appendLine(b, start, i - start);
        event = processLine(line, 0, lineLen);
        lineLen = 0;
        if (line.length > KEEP_BUFFER) {
          line = new byte[256];
        }
      }
      if (event != null) {
        return event;
      }
    }
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

  private SseEvent processLine(byte[] b, int off, int len) throws SseEventTooLargeException {
    if (len == 0) {
      return dispatch();
    }
    if (b[off] == ':') {
      return null;
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
    return null;
  }

  private void appendData(byte[] b, int off, int len) throws SseEventTooLargeException {
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

  private SseEvent dispatch() {
    if (!hasData) {
      eventType = null;
      return null;
    }
    String text = new String(data, 0, dataLen - 1, StandardCharsets.UTF_8);
    String type = eventType == null || eventType.isEmpty() ? MESSAGE : eventType;
    dataLen = 0;
    hasData = false;
    eventType = null;
    if (data.length > KEEP_BUFFER) {
      data = new byte[1024];
    }
    return new SseEvent(type, text, lastEventId);
  }

  private void checkSize(long bytes) throws SseEventTooLargeException {
    if (bytes > maxEventBytes) {
      throw tooLarge();
    }
  }

  private SseEventTooLargeException tooLarge() {
    dataLen = 0;
    lineLen = 0;
    hasData = false;
    return new SseEventTooLargeException(maxEventBytes);
  }
}
