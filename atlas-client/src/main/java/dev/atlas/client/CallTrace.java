package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One call's record as it runs: tells the client's listeners (logging included) what happens and
 * fills a raw-response capture when the caller asked for one. Created by {@link ClientContext} for
 * every call; the transport reports each answer to it, the retry engine each retry, a stream its
 * events.
 */
final class CallTrace implements RetryEngine.Observer {
  private final List<AtlasListener> listeners;
  private final CallInfo info;
  private final RawCapture raw;
  private final AtomicBoolean callEnded = new AtomicBoolean();
  private final AtomicBoolean streamEnded = new AtomicBoolean();
  private volatile int attempts = 1;
  private volatile int status;
  private volatile String requestId;
  private long events;

  private CallTrace(List<AtlasListener> listeners, CallInfo info, RawCapture raw) {
    this.listeners = listeners;
    this.info = info;
    this.raw = raw;
  }

  /**
   * Starts the record of a call and tells the listeners.
   *
   * @param listeners the client's listeners (may be empty)
   * @param raw where the HTTP answer goes ({@code withRawResponse}), or null
   * @param operation the operation's name
   * @param request its request
   * @param stream whether it opens an event stream
   * @return the record
   */
  static CallTrace start(List<AtlasListener> listeners, RawCapture raw, String operation, Request request,
      boolean stream) {
    CallInfo info = new CallInfo(operation, request.method(), request.url().encodedPath(), stream, System.nanoTime());
    CallTrace t = new CallTrace(listeners, info, raw);
    t.tell(l -> l.callStarted(info));
    return t;
  }

  /** @return whether the whole success body must be kept as text (a raw response was asked for) */
  boolean keepsBody() {
    return raw != null;
  }

  /**
   * An answer arrived (any status).
   *
   * @param response the response, its body not yet read
   */
  void responded(Response response) {
    status = response.code();
    requestId = response.header("X-Request-Id");
    if (raw != null) {
      raw.responded(response.code(), response.headers(), attempts, elapsed());
    }
  }

  /** @param text the success body as read, kept for the raw response */
  void body(String text) {
    if (raw != null) {
      raw.body(text);
    }
  }

  @Override
  public void retrying(int attempt, AtlasException failure, Duration delay) {
    attempts = attempt + 1;
    tell(l -> l.retrying(info, attempt, failure, delay));
  }

  /** The call returned its result. */
  void succeeded() {
    if (!listeners.isEmpty()) {
      ended(new CallResult(CallOutcome.SUCCESS, status, elapsed(), attempts, null, requestId));
    }
  }

  /** @param e the failure the caller receives */
  void failed(AtlasException e) {
    if (!listeners.isEmpty()) {
      ended(new CallResult(CallOutcome.of(e), e.status(), elapsed(), Math.max(attempts, e.attempts()), e,
          e.requestId().orElse(requestId)));
    }
  }

  /** The caller cancelled the call. */
  void cancelled() {
    ended(new CallResult(CallOutcome.CANCELLED, 0, elapsed(), attempts, null, null));
  }

  @Override
  public void settled(Throwable failure) {
    if (failure == null) {
      succeeded();
    } else if (failure instanceof AtlasException e) {
      failed(e);
    }
  }

  private void ended(CallResult result) {
    if (callEnded.compareAndSet(false, true)) { // a cancellation racing the answer: the first report counts
      tell(l -> l.callEnded(info, result));
    }
  }

  /** An event of the stream reached the caller: the first one is reported. Called by the reading thread. */
  void event() {
    if (events++ == 0) {
      Duration since = elapsed();
      tell(l -> l.streamFirstEvent(info, since));
    }
  }

  /**
   * The stream ended; only the first report counts (a close after the end is not a second end).
   *
   * @param outcome how
   * @param error the failure that broke it, or null
   */
  void streamEnded(CallOutcome outcome, AtlasException error) {
    if (!streamEnded.compareAndSet(false, true)) {
      return;
    }
    StreamResult result = new StreamResult(outcome, elapsed(), events, error);
    tell(l -> l.streamEnded(info, result));
  }

  private Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - info.startNanos());
  }

  /** Tells each listener; one that throws is reported by {@link Listeners#failed} and the others still hear. */
  private void tell(Consumer<AtlasListener> news) {
    for (AtlasListener l : listeners) {
      try {
        news.accept(l);
      } catch (RuntimeException e) {
        Listeners.failed(l, e);
      }
    }
  }
}
