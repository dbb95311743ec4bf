package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import java.time.Duration;

/**
 * Hears what a client does, for metrics and tracing: each call's start and end, each retry, and for
 * event streams the first event and the end. Register one with
 * {@link AtlasClientBuilder#addListener(AtlasListener)}; every method has an empty default, so
 * implement only what you need.
 *
 * <p>Methods run on the thread that makes the call (for asynchronous calls, an OkHttp or timer
 * thread; for streams, the thread that reads the events), so they must be quick and must not block.
 * An exception thrown by a listener never fails the call: the first one of each listener class is
 * logged as a warning, later ones are ignored.
 *
 * <p>A call is one method of the client, all its retries included. A batch reports each of its
 * items as a call. For a stream, {@link #callEnded} comes when the stream opened (or failed to),
 * then {@link #streamFirstEvent} and {@link #streamEnded} follow as the caller reads it.
 */
public interface AtlasListener {
  /**
   * A call starts, before its first attempt.
   *
   * @param call the call
   */
  default void callStarted(CallInfo call) {}

  /**
   * An attempt failed and the call will be retried after {@code delay}.
   *
   * @param call the call
   * @param attempt the number of the attempt that failed, from 1
   * @param failure why it failed
   * @param delay how long the client waits before the next attempt
   */
  default void retrying(CallInfo call, int attempt, AtlasException failure, Duration delay) {}

  /**
   * A call ended: its result was returned or its failure thrown (for a stream: it opened or failed to).
   *
   * @param call the call
   * @param result how it ended
   */
  default void callEnded(CallInfo call, CallResult result) {}

  /**
   * A stream's first event reached the caller.
   *
   * @param call the stream's call
   * @param sinceStart the time since the call started
   */
  default void streamFirstEvent(CallInfo call, Duration sinceStart) {}

  /**
   * A stream ended: by itself, with an error frame, by a failure, or closed by the caller.
   *
   * @param call the stream's call
   * @param result how it ended
   */
  default void streamEnded(CallInfo call, StreamResult result) {}
}
