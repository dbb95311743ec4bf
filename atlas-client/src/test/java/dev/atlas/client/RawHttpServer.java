package dev.atlas.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A minimal HTTP/1.1 server on 127.0.0.1 whose handler writes the response by hand, frame by
 * frame: for what WireMock cannot do (write, wait for the client, write again; or drop the
 * connection after some frames).
 */
final class RawHttpServer implements AutoCloseable {
  /** Writes one response on an accepted connection; the request head has been read. */
  @FunctionalInterface
  interface Handler {
    void handle(Exchange exchange) throws Exception;
  }

  /** One connection's response side. */
  static final class Exchange {
    final Socket socket;
    final OutputStream out;
    final String requestLine;
    final String body;

    Exchange(Socket socket, String requestLine, String body) throws IOException {
      this.socket = socket;
      this.out = socket.getOutputStream();
      this.requestLine = requestLine;
      this.body = body;
    }

    /** Writes a 200 event-stream head with chunked encoding and the given extra header lines. */
    void startEventStream(String... headers) throws IOException {
      StringBuilder sb = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
          + "Cache-Control: no-cache, no-transform\r\nTransfer-Encoding: chunked\r\n");
      for (String h : headers) {
        sb.append(h).append("\r\n");
      }
      sb.append("\r\n");
      out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }

    /** Writes a complete JSON response with the given extra header lines. */
    void json(int status, String body, String... headers) throws IOException {
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      StringBuilder sb = new StringBuilder("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + b.length + "\r\nConnection: close\r\n");
      for (String h : headers) {
        sb.append(h).append("\r\n");
      }
      sb.append("\r\n");
      out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(b);
      out.flush();
    }

    /** @return the request body, read after the head */
    String body() {
      return body;
    }

    /** Writes bytes as one chunk and flushes. */
    void chunk(String text) throws IOException {
      byte[] b = text.getBytes(StandardCharsets.UTF_8);
      out.write((Integer.toHexString(b.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(b);
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }

    /** Ends the chunked body properly. */
    void end() throws IOException {
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }

    /** Resets the connection (TCP RST). */
    void reset() throws IOException {
      socket.setSoLinger(true, 0);
      socket.close();
    }
  }

  private final ServerSocket server;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "raw-http-server");
    t.setDaemon(true);
    return t;
  });

  RawHttpServer(Handler handler) throws IOException {
    server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    pool.execute(() -> {
      while (!server.isClosed()) {
        try {
          Socket s = server.accept();
          pool.execute(() -> serve(s, handler));
        } catch (IOException e) {
          return;
        }
      }
    });
  }

  private static void serve(Socket s, Handler handler) {
    try (s) {
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
      String requestLine = in.readLine();
      int length = 0;
      for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) {
        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      char[] body = new char[length];
      int n = 0;
      while (n < length) {
        int k = in.read(body, n, length - n);
        if (k < 0) {
          break;
        }
        n += k;
      }
      handler.handle(new Exchange(s, requestLine, new String(body, 0, n)));
    } catch (Exception e) {
      // the client went away or the test ended the exchange
    }
  }

  /** @return the base URL of this server */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  @Override
  public void close() throws Exception {
    server.close();
    pool.shutdownNow();
    pool.awaitTermination(5, TimeUnit.SECONDS);
  }
}
