package dev.atlas.client.mcp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Receives the OAuth redirect of a command-line or desktop program: an HTTP server on
 * {@code 127.0.0.1} (never another interface), on a free port, that waits for the GET of its
 * callback path carrying the connection attempt's state (or an OAuth {@code error}) and answers it
 * with a small page telling the user to return to the terminal. Requests that are not that callback
 * are answered harmlessly and do not end the wait: other paths get 404 (a favicon), a callback with
 * another state or none gets 400 (a browser's prefetch, a reload of an old tab), and a callback after
 * the one awaited gets 409.
 *
 * <pre>{@code
 * try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
 *   PendingConnect pending = mcp.beginConnect("My CLI", receiver.redirectUri());
 *   openBrowser(pending.authorizationUrl().orElseThrow());
 *   McpTokens tokens = mcp.completeConnect(pending, receiver.awaitCallback(pending.state()));
 * }
 * }</pre>
 *
 * <p>Thread-safe. Close it when done (try-with-resources); closing stops the server.
 */
public final class LoopbackReceiver implements AutoCloseable {
  /** How long {@link #awaitCallback(String)} waits unless told otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
  private static final String PATH = "/callback";

  private final HttpServer server;
  private final ExecutorService executor;
  private final Duration timeout;
  /** Callbacks that may be the awaited one, in arrival order: those that came before the state was known. */
  private final BlockingQueue<McpCallback> candidates = new LinkedBlockingQueue<>();
  private final Set<String> statesReceived = ConcurrentHashMap.newKeySet();
  private final AtomicInteger ignored = new AtomicInteger();
  private volatile String expectedState;
  private volatile boolean done;

  private LoopbackReceiver(Duration timeout) throws IOException {
    this.timeout = timeout;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 8);
    this.executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "atlas-mcp-loopback");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * @return a started receiver whose {@link #awaitCallback(String)} waits up to {@link #DEFAULT_TIMEOUT}
   * @throws UncheckedIOException if no port on 127.0.0.1 can be bound
   */
  public static LoopbackReceiver start() {
    return start(DEFAULT_TIMEOUT);
  }

  /**
   * @param timeout how long {@link #awaitCallback(String)} waits for the browser
   * @return a started receiver
   * @throws UncheckedIOException if no port on 127.0.0.1 can be bound
   */
  public static LoopbackReceiver start(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    try {
      return new LoopbackReceiver(timeout);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on 127.0.0.1", e);
    }
  }

  /** @return the redirect URI to register, e.g. {@code http://127.0.0.1:53682/callback} */
  public String redirectUri() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
  }

  /**
   * Waits for the browser's redirect with {@code expectedState}, or with an OAuth {@code error} and
   * that state or none, and checks it: it must not carry {@code error=} ({@code token_exchange_failed},
   * with the server's error text) and must carry a code ({@code callback_missing_code}). Callbacks with
   * another state, or with neither a state nor an error, are strays (a prefetch, an old tab): they are
   * answered with 400 and the wait goes on. {@link AtlasMcp#completeConnect(PendingConnect, McpCallback)}
   * checks the callback again. A callback that arrived before this call counts; until this call the
   * receiver cannot tell a stray from the awaited one, and answers each as received.
   *
   * @param expectedState the state of the pending connection
   * @return the callback, with its code
   * @throws AtlasMcpException as listed, or {@code callback_timeout} if the awaited callback did not
   *     come in time (the message counts the strays ignored)
   * @throws IllegalStateException if the thread is interrupted
   */
  public McpCallback awaitCallback(String expectedState) {
    Objects.requireNonNull(expectedState, "expectedState");
    this.expectedState = expectedState;
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        McpCallback callback = candidates.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (callback == null) {
          int strays = ignored.get();
          throw new AtlasMcpException(McpErrorCode.CALLBACK_TIMEOUT, "No OAuth callback for this connection attempt "
              + "reached " + redirectUri() + " within " + timeout
              + (strays > 0 ? " (" + strays + " request(s) with another state or none were ignored)" : ""));
        }
        if (awaited(callback, expectedState)) {
          done = true;
          callback.requireNoError(); // also an error sent without a state
          callback.requireCode(expectedState);
          return callback;
        }
        ignored.incrementAndGet(); // arrived before the state was known, and was not the awaited one
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the OAuth callback", e);
    } finally {
      close();
    }
  }

  /** @return whether the callback ends the wait: the expected state, or an error with that state or none */
  private static boolean awaited(McpCallback callback, String expectedState) {
    String state = callback.state().orElse(null);
    return expectedState.equals(state) || (state == null && callback.error().isPresent());
  }

  private void handle(HttpExchange ex) throws IOException {
    McpCallback candidate = null;
    try (ex) {
      if (!ex.getRequestURI().getPath().equals(PATH)) {
        page(ex, 404, "Not found", "This address only receives the Atlas sign-in callback.");
        return;
      }
      if (!ex.getRequestMethod().equals("GET")) {
        ex.getResponseHeaders().set("Allow", "GET");
        page(ex, 405, "Method not allowed", "The Atlas sign-in callback is a GET.");
        return;
      }
      McpCallback callback = McpCallback.fromQuery(ex.getRequestURI().getRawQuery());
      if (done || callback.state().map(s -> !statesReceived.add(s)).orElse(false)) {
        page(ex, 409, "Already received", "The sign-in response was already received. Return to the terminal.");
        return;
      }
      String expected = expectedState;
      if (expected != null && !awaited(callback, expected)) {
        ignored.incrementAndGet();
        page(ex, 400, "Not this sign-in", "This page does not belong to the sign-in the terminal is waiting for "
            + "(an old tab?). Return to the terminal; it is still waiting.");
        return;
      }
      candidate = callback;
      if (callback.error().isPresent()) {
        page(ex, 200, "Sign-in not completed", "Atlas did not connect: " + callback.errorText()
            + ". Return to the terminal for details.");
      } else if (callback.code().isEmpty()) {
        page(ex, 400, "Sign-in not completed", "The response carried no authorization code. Return to the terminal.");
      } else {
        page(ex, 200, "Atlas sign-in received", "You can close this tab and return to the terminal.");
      }
    } finally {
      if (candidate != null) {
        // after the page is sent: awaitCallback stops the server once it has the callback
        candidates.add(candidate);
      }
    }
  }

  private static void page(HttpExchange ex, int status, String title, String text) throws IOException {
    String html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title></head>"
        + "<body style=\"font-family:sans-serif;margin:3em\"><h1>" + escape(title) + "</h1><p>" + escape(text)
        + "</p></body></html>";
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  /** Stops the server; a callback that has not arrived will not be accepted. Safe to call more than once. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  @Override
  public String toString() {
    return "LoopbackReceiver{" + redirectUri() + "}";
  }
}
