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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Receives the OAuth redirect of a command-line or desktop program: an HTTP server on
 * {@code 127.0.0.1} (never another interface), on a free port, that accepts exactly one GET of
 * its callback path and answers it with a small page telling the user to return to the terminal.
 * Other paths get 404 and do not count; a second callback gets 409.
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
  private final CompletableFuture<McpCallback> received = new CompletableFuture<>();
  private final AtomicBoolean taken = new AtomicBoolean();

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
   * Waits for the browser's redirect and checks it: its state must be {@code expectedState}
   * ({@code callback_state_mismatch}), it must not carry {@code error=}
   * ({@code token_exchange_failed}, with the server's error text), and it must carry a code
   * ({@code callback_missing_code}). {@link AtlasMcp#completeConnect(PendingConnect, McpCallback)}
   * checks the same again.
   *
   * @param expectedState the state of the pending connection
   * @return the callback, with its code
   * @throws AtlasMcpException as listed, or {@code callback_timeout} if no callback came in time
   * @throws IllegalStateException if the thread is interrupted
   */
  public McpCallback awaitCallback(String expectedState) {
    Objects.requireNonNull(expectedState, "expectedState");
    McpCallback callback;
    try {
      callback = received.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AtlasMcpException(McpErrorCode.CALLBACK_TIMEOUT,
          "No OAuth callback reached " + redirectUri() + " within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the OAuth callback", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("The loopback receiver failed", e.getCause());
    } finally {
      close();
    }
    callback.requireCode(expectedState);
    return callback;
  }

  private void handle(HttpExchange ex) throws IOException {
    McpCallback callback = null;
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
      if (!taken.compareAndSet(false, true)) {
        page(ex, 409, "Already received", "The sign-in response was already received. Return to the terminal.");
        return;
      }
      callback = McpCallback.fromQuery(ex.getRequestURI().getRawQuery());
      if (callback.error().isPresent()) {
        page(ex, 200, "Sign-in not completed", "Atlas did not connect: " + callback.errorText()
            + ". Return to the terminal for details.");
      } else if (callback.code().isEmpty()) {
        page(ex, 400, "Sign-in not completed", "The response carried no authorization code. Return to the terminal.");
      } else {
        page(ex, 200, "Atlas sign-in received", "You can close this tab and return to the terminal.");
      }
    } finally {
      if (callback != null) {
        // after the page is sent: awaitCallback stops the server once it has the callback
        received.complete(callback);
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
