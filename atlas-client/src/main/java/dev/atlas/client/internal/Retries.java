package dev.atlas.client.internal;

import dev.atlas.client.errors.AtlasConnectionException;
import dev.atlas.client.errors.AtlasException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;

/** Which failures are retried; the table in the README and in {@code RetryPolicy}. Internal API. */
public final class Retries {
  private Retries() {}

  /**
   * Decides whether a failed attempt may be retried.
   *
   * @param e the failure
   * @param idempotent whether the call may run twice without harm
   * @param unsafeOptIn whether the caller opted this call in to full retries
   * @return true if a retry is allowed
   */
  public static boolean shouldRetry(AtlasException e, boolean idempotent, boolean unsafeOptIn) {
    if (e instanceof AtlasConnectionException) {
      return idempotent || unsafeOptIn || failedToConnect(e.getCause());
    }
    if (!e.retryable()) {
      return false;
    }
    // a retryable 429 means the server turned the request away before running it
    return idempotent || unsafeOptIn || e.status() == 429;
  }

  /**
   * Whether a transport failure happened before the request could reach the server.
   *
   * @param t the cause of a connection exception
   * @return true for refused connections, unknown hosts, unreachable networks and connect timeouts
   */
  static boolean failedToConnect(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ConnectException || c instanceof UnknownHostException || c instanceof NoRouteToHostException) {
        return true;
      }
      if (c instanceof SocketTimeoutException
          && String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT).contains("connect")) {
        return true;
      }
    }
    return false;
  }
}
