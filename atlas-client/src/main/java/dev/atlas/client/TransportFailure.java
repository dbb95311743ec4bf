package dev.atlas.client;

import dev.atlas.client.errors.AtlasConnectionException;
import dev.atlas.client.errors.AtlasErrorCode;
import dev.atlas.client.errors.AtlasTimeoutException;
import dev.atlas.client.errors.ErrorInfo;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Maps a failure with no complete answer to a typed exception that says what went wrong, whether
 * the request may have reached the server, and whether a retry is useful and safe:
 * <ul>
 *   <li>never sent, transient (refused, unreachable, connect timeout): retryable, also for a
 *       call that changes something, since it did not run;
 *   <li>never sent, permanent (unknown host, TLS or certificate failure, an {@code https://} URL
 *       on a plain-HTTP port): not retryable, with a hint;
 *   <li>sent, then broken or timed out: may have run; retryable only when the call is safe to repeat.
 * </ul>
 */
final class TransportFailure {
  private TransportFailure() {}

  /**
   * @param e the failure
   * @param request the request that failed
   * @param safeToRepeat whether running the request twice is harmless
   * @return the exception
   */
  static AtlasConnectionException map(IOException e, Request request, boolean safeToRepeat) {
    HttpUrl url = request.url();
    String where = url.host() + ":" + url.port();
    String plain = "http://" + where;
    boolean tls = isTls(e);
    boolean timeout = e instanceof SocketTimeoutException || (e instanceof InterruptedIOException
        && lower(e.getMessage()).contains("timeout"));
    String what;
    boolean sent = false;
    boolean permanent = false;
    if (has(e, UnknownHostException.class)) {
      what = "Unknown host " + url.host() + ": the name does not resolve; check the base URL";
      permanent = true;
    } else if (tls && url.isHttps() && lower(messages(e)).contains("unrecognized ssl message")) {
      what = "TLS handshake with " + where + " failed: the server answered in plain HTTP. Use " + plain
          + " as the base URL";
      permanent = true;
    } else if (timeout && url.isHttps() && duringHandshake(e)) {
      what = "TLS handshake with " + where + " got no answer within the connect timeout: if that port serves"
          + " plain HTTP, use " + plain + " as the base URL";
      permanent = true;
    } else if (tls && has(e, CertificateException.class)) {
      what = "The TLS certificate of " + url.host() + " is not trusted: " + e.getMessage();
      permanent = true;
    } else if (tls) {
      what = "TLS handshake with " + where + " failed: " + e.getMessage();
      permanent = true;
    } else if (has(e, ConnectException.class) || has(e, NoRouteToHostException.class)) {
      what = "Could not connect to " + where + ": " + e.getMessage();
    } else if (timeout && lower(e.getMessage()).contains("connect")) {
      what = "Timed out connecting to " + where + ": " + e.getMessage();
    } else {
      sent = true;
      what = (timeout ? "Timed out waiting for the answer: " : "Connection failed: " + e.getClass().getSimpleName()
          + ": ") + e.getMessage() + (safeToRepeat ? "" : "; the request may have run on the server");
    }
    ErrorInfo info = ErrorInfo.builder(AtlasErrorCode.NETWORK_ERROR)
        .status(0)
        .request(request.method(), url.encodedPath())
        .description(what)
        .retryable(!permanent && (!sent || safeToRepeat))
        .requestMayHaveReachedServer(sent)
        .build();
    return timeout ? new AtlasTimeoutException(info, e) : new AtlasConnectionException(info, e);
  }

  private static boolean isTls(Throwable e) {
    return has(e, SSLException.class) || has(e, CertificateException.class);
  }

  /** @return whether a timeout happened in a TLS handshake (its stack passes through {@code startHandshake}) */
  private static boolean duringHandshake(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      for (StackTraceElement f : c.getStackTrace()) {
        if (f.getMethodName().equals("startHandshake")) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean has(Throwable e, Class<? extends Throwable> type) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  private static String messages(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = e; c != null; c = c.getCause()) {
      sb.append(c.getMessage()).append(' ');
    }
    return sb.toString();
  }

  private static String lower(String s) {
    return String.valueOf(s).toLowerCase(Locale.ROOT);
  }
}
