package dev.atlas.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal HTTP/1.1 server on 127.0.0.1 for the benchmarks: one blocking thread per connection
 * (keep-alive, TCP_NODELAY), so both clients under test meet the same predictable server and no
 * selector hand-off adds jitter. Routes are exact paths (query strings ignored).
 */
public final class LoopbackServer implements AutoCloseable {
  /** Writes the response to one request. */
  @FunctionalInterface
  public interface Handler {
    /**
     * @param exchange the request and its connection
     * @throws IOException when the client goes away
     */
    void handle(Exchange exchange) throws IOException;
  }

  /** One request on a connection: its path and the connection's output. */
  public static final class Exchange {
    private final String path;
    private final OutputStream out;

    Exchange(String path, OutputStream out) {
      this.path = path;
      this.out = out;
    }

    /** @return the request path, without the query */
    public String path() {
      return path;
    }

    /**
     * Sends a complete JSON response.
     *
     * @param body the body
     * @throws IOException when the client goes away
     */
    public void json(byte[] body) throws IOException {
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
    }

    /**
     * Starts an event stream with chunked transfer encoding.
     *
     * @throws IOException when the client goes away
     */
    public void startEvents() throws IOException {
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }

    /**
     * Writes one chunk of the stream; flushes when asked.
     *
     * @param bytes the bytes
     * @param offset where they start
     * @param length how many
     * @param flush whether to send now
     * @throws IOException when the client goes away
     */
    public void chunk(byte[] bytes, int offset, int length, boolean flush) throws IOException {
      if (length == 0) {
        return;
      }
      out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(bytes, offset, length);
      out.write('\r');
      out.write('\n');
      if (flush) {
        out.flush();
      }
    }

    /**
     * Ends the chunked stream.
     *
     * @throws IOException when the client goes away
     */
    public void endEvents() throws IOException {
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
  }

  private final ServerSocket server;
  private final Map<String, Handler> routes = new ConcurrentHashMap<>();
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "loopback-server");
    t.setDaemon(true);
    return t;
  });
  private final long latencyMillis;

  /**
   * Starts the server.
   *
   * @param latencyMillis how long each request waits before its response starts (0 for none)
   * @throws IOException if it cannot listen
   */
  public LoopbackServer(long latencyMillis) throws IOException {
    this.latencyMillis = latencyMillis;
    server = new ServerSocket(0, 4096, InetAddress.getLoopbackAddress());
    threads.execute(this::acceptLoop);
  }

  /**
   * Adds a route.
   *
   * @param path the exact path
   * @param handler what answers it
   * @return this
   */
  public LoopbackServer route(String path, Handler handler) {
    routes.put(path, handler);
    return this;
  }

  /**
   * Adds a route with a canned JSON body.
   *
   * @param path the exact path
   * @param json the body
   * @return this
   */
  public LoopbackServer json(String path, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return route(path, x -> x.json(body));
  }

  /** @return {@code http://127.0.0.1:port} */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        s.setTcpNoDelay(true);
        threads.execute(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream(), 16 << 10);
      OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 << 10);
      while (true) {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
          return;
        }
        long length = 0;
        for (String h; (h = line(in)) != null && !h.isEmpty(); ) {
          if (h.regionMatches(true, 0, "content-length:", 0, 15)) {
            length = Long.parseLong(h.substring(15).trim());
          }
        }
        in.skipNBytes(length);
        String target = requestLine.split(" ")[1];
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        if (latencyMillis > 0) {
          Thread.sleep(latencyMillis);
        }
        Handler h = routes.get(path);
        if (h == null) {
          byte[] b = ("{\"error\":\"not_found\",\"message\":\"no route " + path + "\"}").getBytes(StandardCharsets.UTF_8);
          out.write(("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: " + b.length
              + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(b);
          out.flush();
        } else {
          h.handle(new Exchange(path, out));
        }
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      // the client closed the connection or cancelled its stream
    }
  }

  /** @return one CRLF-terminated header line in ISO-8859-1, or null at end of stream */
  private static String line(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder(64);
    for (int b; (b = in.read()) >= 0; ) {
      if (b == '\n') {
        int n = sb.length();
        return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
      }
      sb.append((char) b);
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
  }
}
