package dev.atlas.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocketFactory;

/**
 * An {@link SSLSocketFactory} that bounds the TLS handshake by the connect timeout. OkHttp waits for
 * the server's handshake answer as long as the read timeout (minutes), so an {@code https://} URL
 * aimed at a plain-HTTP port that says nothing would hang that long. OkHttp sets the socket's read
 * timeout for each exchange after the handshake, so only the handshake sees this bound.
 */
final class HandshakeTimeout extends SSLSocketFactory {
  private final SSLSocketFactory delegate;
  private final int timeoutMillis;

  HandshakeTimeout(SSLSocketFactory delegate, int timeoutMillis) {
    this.delegate = delegate;
    this.timeoutMillis = timeoutMillis;
  }

  private Socket bounded(Socket s) throws IOException {
    if (timeoutMillis > 0) {
      s.setSoTimeout(timeoutMillis);
    }
    return s;
  }

  @Override
  public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
    return bounded(delegate.createSocket(s, host, port, autoClose));
  }

  @Override
  public Socket createSocket() throws IOException {
    return bounded(delegate.createSocket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return bounded(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return bounded(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return bounded(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
    return bounded(delegate.createSocket(address, port, localAddress, localPort));
  }

  /**
   * Equal for the same factory and bound: OkHttp reuses a pooled connection only when the socket
   * factories are equal, and a client and the clients derived from it by {@code withOptions} each
   * wrap the same factory.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof HandshakeTimeout h && h.delegate.equals(delegate) && h.timeoutMillis == timeoutMillis;
  }

  @Override
  public int hashCode() {
    return delegate.hashCode() * 31 + timeoutMillis;
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return delegate.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return delegate.getSupportedCipherSuites();
  }
}
