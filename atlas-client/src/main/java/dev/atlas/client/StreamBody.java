package dev.atlas.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;

/** The body of an {@link AtlasStream} and what closing it releases, safe against a concurrent read. */
final class StreamBody {
  private StreamBody() {}

  /**
   * What must be released; shared with the cleaner, so it must not refer to the stream. The body
   * is closed by whichever side comes last: {@link #run()} when no read is in progress, else the
   * reading thread when its read returns (closing an OkHttp body under a concurrent read is unsafe).
   */
  static final class Resources implements Runnable {
    private static final int IDLE = 0;
    private static final int READING = 1;
    private static final int CLOSED = 2;
    private static final int CLOSED_WHILE_READING = 3;

    private final Call call;
    private final Closeable body;
    private final AtomicInteger state = new AtomicInteger(IDLE);
    private final AtomicBoolean bodyClosed = new AtomicBoolean();
    volatile boolean cancelledByCaller;

    Resources(Call call, Closeable body) {
      this.call = call;
      this.body = body;
    }

    boolean isClosed() {
      return state.get() >= CLOSED;
    }

    boolean beginRead() {
      return state.compareAndSet(IDLE, READING);
    }

    void endRead() {
      if (!state.compareAndSet(READING, IDLE)) {
        closeBody(); // closed while this read was blocked
      }
    }

    @Override
    public void run() {
      while (true) {
        int s = state.get();
        if (s >= CLOSED) {
          return;
        }
        if (state.compareAndSet(s, s == READING ? CLOSED_WHILE_READING : CLOSED)) {
          if (call != null) {
            call.cancel();
          }
          if (s == IDLE) {
            closeBody();
          }
          return;
        }
      }
    }

    private void closeBody() {
      if (bodyClosed.compareAndSet(false, true)) {
        try {
          body.close();
        } catch (IOException | RuntimeException ignored) {
          // the connection is discarded either way
        }
      }
    }
  }

  /** The body as the parser reads it: each read is bracketed so a concurrent close waits for it. */
  static final class GuardedInput extends InputStream {
    private final InputStream in;
    private final Resources resources;

    GuardedInput(InputStream in, Resources resources) {
      this.in = in;
      this.resources = resources;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (!resources.beginRead()) {
        throw new IOException("Stream closed");
      }
      try {
        return in.read(b, off, len);
      } finally {
        resources.endRead();
      }
    }

    @Override
    public void close() {
      resources.run();
    }
  }
}
