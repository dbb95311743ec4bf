package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Headers;
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
  private volatile Headers headers;
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
   * @param operation the operation's name
   * @param request its request
   * @param stream whether it opens an event stream
   * @return the record
   */
  static CallTrace start(List<AtlasListener> listeners, String operation, Request request, boolean stream) {
    CallInfo info = new CallInfo(operation, request.method(), request.url().encodedPath(), stream, System.nanoTime());
    CallTrace t = new CallTrace(listeners, info, RawCapture.current());
    for (AtlasListener l : listeners) {
      try {
        l.callStarted(info);
      } catch (RuntimeException e) {
        Listeners.failed(l, e);
      }
    }
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
    headers = response.headers();
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
    for (AtlasListener l : listeners) {
      try {
        l.retrying(info, attempt, failure, delay);
      } catch (RuntimeException e) {
        Listeners.failed(l, e);
      }
    }
  }

  /** The call returned its result. */
  void succeeded() {
    ended(new CallResult(CallOutcome.SUCCESS, status, elapsed(), attempts, null, headerRequestId()));
  }

  /** @param e the failure the caller receives */
  void failed(AtlasException e) {
    ended(new CallResult(CallOutcome.of(e), e.status(), elapsed(), Math.max(attempts, e.attempts()), e,
        e.requestId().orElseGet(this::headerRequestId)));
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
    if (!callEnded.compareAndSet(false, true)) {
      return; // a cancellation racing the answer: the first report counts
    }
    for (AtlasListener l : listeners) {
      try {
        l.callEnded(info, result);
      } catch (RuntimeException e) {
        Listeners.failed(l, e);
      }
    }
  }

  /** An event of the stream reached the caller: the first one is reported. Called by the reading thread. */
  void event() {
    if (events++ == 0) {
      Duration since = elapsed();
      for (AtlasListener l : listeners) {
        try {
          l.streamFirstEvent(info, since);
        } catch (RuntimeException e) {
          Listeners.failed(l, e);
        }
      }
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
    for (AtlasListener l : listeners) {
      try {
        l.streamEnded(info, result);
      } catch (RuntimeException e) {
        Listeners.failed(l, e);
      }
    }
  }

  private Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - info.startNanos());
  }

  private String headerRequestId() {
    Headers h = headers;
    return h == null ? null : h.get("X-Request-Id");
  }
}
