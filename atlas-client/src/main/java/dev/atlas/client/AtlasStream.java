package dev.atlas.client;

import dev.atlas.client.errors.AtlasConnectionException;
import dev.atlas.client.errors.AtlasErrorCode;
import dev.atlas.client.errors.AtlasInvalidResponseException;
import dev.atlas.client.errors.ErrorInfo;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.Cleaner;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.Call;
import okhttp3.Response;

/**
 * A streamed answer: the typed events of one {@code POST /api/v1/chat} response, read as you
 * iterate. Use it once, in try-with-resources:
 *
 * <pre>{@code
 * try (AtlasStream stream = atlas.streamQuery("Revenue by region last quarter")) {
 *   for (StreamEvent event : stream) {
 *     if (event instanceof StreamEvent.Text t) System.out.print(t.content());
 *   }
 * }
 * }</pre>
 *
 * <p>Events arrive as their frames do: the iterating thread reads the response body, with no
 * background thread. The stream ends normally at {@code [DONE]} or when the body ends, with or
 * without {@code [DONE]}.
 *
 * <p>Failures: if the connection drops mid-stream, every event already returned stays valid and
 * {@code hasNext()} throws an {@link dev.atlas.client.errors.AtlasConnectionException} (code
 * {@code network_error}, retryable, status 0) whose message starts with {@code Stream interrupted:};
 * nothing is retried (a replay would run the agent again). A frame larger than the maximum event
 * size throws {@link AtlasInvalidResponseException}. Malformed JSON in one frame is a
 * {@link StreamEvent.ParseError} and the stream goes on.
 *
 * <p>Cancellation: {@link #close()} may be called from any thread, also while another thread is
 * blocked reading. It cancels the HTTP call and releases the connection; the iterating thread then
 * sees the end of the stream ({@code hasNext()} returns false, {@link #isCancelled()} is true).
 * Closing twice is harmless. The agent's run goes on on the server without its connection, so
 * closing a stream before its end also asks the server to stop the run, when its id is known:
 * asynchronously, best effort (a failure is logged, not thrown), never making {@code close()} wait.
 * {@link #detach()} (or {@link StreamQueryParams#withDetached(boolean)}) keeps the run going.
 *
 * <p>Recovery: with {@link StreamRecovery} on, a stream the network cuts follows its run instead of
 * throwing at once, and may end with a {@link StreamEvent.Recovered} answer or continue after a
 * {@link StreamEvent.Resumed} event (see {@link StreamRecovery}). A stream that becomes unreachable without being closed is cancelled
 * when the garbage collector finds it; do not rely on that.
 *
 * <p>Iterate from one thread at a time.
 */
public final class AtlasStream implements Iterable<StreamEvent>, AutoCloseable {
  private static final Cleaner CLEANER = Cleaner.create();

  private final SseParser parser;
  private final FrameDecoder decoder = new FrameDecoder();
  private final ArrayDeque<StreamEvent> ready = new ArrayDeque<>(4);
  private final Consumer<StreamEvent> sink = ready::add;
  private final String conversationId;
  private final String runId;
  private final String method;
  private final String path;
  private final StreamBody.Resources resources;
  private final Cleaner.Cleanable cleanable;
  private final CallTrace trace;
  private volatile boolean ended;
  private boolean iterated;
  private volatile Runs runs;
  private volatile boolean detached;
  private volatile boolean stopSent;
  private Recovery recovery;
  private volatile AtlasStream continuation;
  private volatile Runnable onEnd;
  private Iterator<StreamEvent> continuationEvents;

  /** Follows the run of a stream the network cut. */
  interface Recovery {
    /**
     * @param cut the connection error the stream would throw
     * @param stream the cut stream
     * @return the events to deliver next and, for a resumed run, the stream to read on from
     * @throws dev.atlas.client.errors.AtlasException {@code cut} when nothing can be recovered, or the run's failure
     */
    Continuation recover(AtlasConnectionException cut, AtlasStream stream);
  }

  /**
   * What a recovery delivers.
   *
   * @param events the events to deliver next
   * @param next the stream whose events follow, or null
   */
  record Continuation(java.util.List<StreamEvent> events, AtlasStream next) {}

  private AtlasStream(InputStream body, Call call, String conversationId, String runId, String method, String path,
      int maxEventBytes, CallTrace trace) {
    this.trace = trace;
    this.resources = new StreamBody.Resources(call, body);
    this.parser = new SseParser(new StreamBody.GuardedInput(body, resources), maxEventBytes);
    this.conversationId = conversationId;
    this.runId = runId;
    this.method = method;
    this.path = path;
    this.cleanable = CLEANER.register(this, resources);
  }

  /**
   * Wraps an open {@code text/event-stream} response. Used by the client.
   *
   * @param call the call that produced it, cancelled by {@link #close()}
   * @param response the 2xx response; its body is read and closed by this stream
   * @param maxEventBytes the largest frame accepted
   * @param trace the call's record, told of the first event and the end; null for none
   * @return the stream
   */
  static AtlasStream of(Call call, Response response, int maxEventBytes, CallTrace trace) {
    Objects.requireNonNull(response.body(), "response body");
    return new AtlasStream(response.body().byteStream(), Objects.requireNonNull(call, "call"),
        response.header("x-conversation-id"), response.header("x-run-id"), response.request().method(),
        response.request().url().encodedPath(), maxEventBytes, trace);
  }

  /**
   * Reads typed events from an event-stream body you obtained yourself, e.g. from
   * {@link dev.atlas.client.AtlasClient#chat}. {@link #close()} closes the body; to stop a read
   * blocked in another thread, close the source of the body (e.g. the {@link ChatResponse}).
   *
   * @param body the bytes of a {@code text/event-stream} body
   * @return the stream
   */
  public static AtlasStream fromBody(InputStream body) {
    return new AtlasStream(Objects.requireNonNull(body, "body"), null, null, null, null, null,
        SseParser.DEFAULT_MAX_EVENT_BYTES, null);
  }

  /** @return the conversation the answer belongs to ({@code x-conversation-id}), when the server sent it */
  public Optional<String> conversationId() {
    return Optional.ofNullable(conversationId);
  }

  /** @return the agent run's id ({@code x-run-id}), when the server sent it */
  public Optional<String> runId() {
    return Optional.ofNullable(runId);
  }

  /**
   * Stops on close: a stream whose run id is known asks the server to stop the run when closed
   * before its end, unless detached. Used by the client.
   */
  AtlasStream stopRunOnClose(Runs runs, boolean detached) {
    this.runs = runs;
    this.detached = detached;
    return this;
  }

  /** Runs once when the stream ends or is closed (releases a resume claim). Used by the client. */
  void onEnd(Runnable action) {
    this.onEnd = action;
  }

  private void ended() {
    Runnable r = onEnd;
    if (r != null) {
      onEnd = null;
      r.run();
    }
  }

  /** Follows the run when the network cuts the stream. Used by the client. */
  AtlasStream recoverWith(Recovery recovery) {
    this.recovery = recovery;
    return this;
  }

  /**
   * Keeps the agent's run going on the server when this stream is closed before its end (by default
   * closing asks the server to stop it). Its answer is still saved in the conversation.
   *
   * @return this stream
   */
  public AtlasStream detach() {
    this.detached = true;
    AtlasStream c = continuation;
    if (c != null) {
      c.detach();
    }
    return this;
  }

  /** @return whether closing this stream early leaves the run going */
  public boolean isDetached() {
    return detached;
  }

  /** @return whether {@link #close()} was called before the stream ended by itself */
  public boolean isCancelled() {
    return resources.cancelledByCaller;
  }

  /**
   * The events, read lazily. May be called once.
   *
   * @return an iterator whose {@code hasNext()} blocks until the next event or the end
   * @throws IllegalStateException if called a second time
   */
  @Override
  public Iterator<StreamEvent> iterator() {
    if (iterated) {
      throw new IllegalStateException("An AtlasStream can be iterated once");
    }
    iterated = true;
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return fetch();
      }

      @Override
      public StreamEvent next() {
        if (!fetch()) {
          throw new NoSuchElementException("The stream has ended");
        }
        StreamEvent e = ready.poll();
        if (trace != null) {
          trace.event();
          if (e instanceof StreamEvent.Error && ended) {
            trace.streamEnded(CallOutcome.SERVER_ERROR, null);
          }
        }
        return e;
      }
    };
  }

  /**
   * The events as a sequential {@link Stream}; closing it closes this stream.
   *
   * @return the events
   * @throws IllegalStateException if the events were already iterated
   */
  public Stream<StreamEvent> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
        Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::close);
  }

  /** Cancels the call and releases the connection; safe from any thread, idempotent. */
  @Override
  public void close() {
    AtlasStream c = continuation;
    if (!ended) {
      resources.cancelledByCaller = true;
      report(CallOutcome.CANCELLED, null);
      if (c == null) {
        stopRun();
      }
    }
    cleanable.clean();
    if (c != null) {
      c.close();
    }
    ended();
  }

  /** Asks the server to stop the run, once, without waiting; never throws. */
  private void stopRun() {
    Runs r = runs;
    if (r != null && !detached && runId != null && !stopSent) {
      stopSent = true;
      r.stopQuietly(runId);
    }
  }

  private boolean fetch() {
    while (ready.isEmpty()) {
      if (continuationEvents != null) {
        if (continuationEvents.hasNext()) {
          ready.add(continuationEvents.next());
          continue;
        }
        ended = true;
        return false;
      }
      if (ended) {
        return false;
      }
      if (resources.isClosed()) {
        finish();
        report(CallOutcome.CANCELLED, null);
        return false;
      }
      boolean more;
      try {
        more = parser.advance();
      } catch (SseEventTooLargeException e) {
        finish();
        AtlasInvalidResponseException x = new AtlasInvalidResponseException(ErrorInfo.builder(
            AtlasErrorCode.INVALID_RESPONSE).status(200).request(method, path)
            .description("Stream frame too large: " + e.getMessage()).build(), e);
        report(CallOutcome.INVALID_RESPONSE, x);
        throw x;
      } catch (IOException e) {
        boolean cancelled = resources.isClosed();
        finish();
        if (cancelled) {
          report(CallOutcome.CANCELLED, null);
          return false;
        }
        AtlasConnectionException x = ErrorMapper.streamInterrupted(e, method, path);
        if (recovery != null) {
          recover(x);
          continue;
        }
        report(CallOutcome.CONNECTION_ERROR, x);
        throw x;
      }
      if (!more || decoder.decode(parser.dataBuffer(), parser.dataOffset(), parser.dataLength(), sink)) {
        finish();
        if (!(ready.peekLast() instanceof StreamEvent.Error)) {
          report(CallOutcome.SUCCESS, null); // an error frame is reported when the caller takes it
        }
      }
    }
    return true;
  }

  /** Follows the run: queues what it recovered, or reports and throws what it could not. */
  private void recover(AtlasConnectionException cut) {
    Continuation c;
    try {
      c = recovery.recover(cut, this);
    } catch (dev.atlas.client.errors.AtlasException x) {
      report(CallOutcome.of(x), x);
      throw x;
    }
    ready.addAll(c.events());
    if (c.next() != null) {
      ended = false;
      continuation = c.next();
      if (detached) {
        c.next().detach();
      }
      continuationEvents = c.next().iterator();
      if (resources.cancelledByCaller) {
        c.next().close();
      }
    }
    report(CallOutcome.SUCCESS, null);
  }

  private void report(CallOutcome outcome, dev.atlas.client.errors.AtlasException error) {
    if (trace != null) {
      trace.streamEnded(outcome, error);
    }
  }

  private void finish() {
    ended = true;
    cleanable.clean();
    ended();
  }

  @Override
  public String toString() {
    return "AtlasStream{conversationId=" + conversationId + ", runId=" + runId + ", ended=" + ended + "}";
  }
}
