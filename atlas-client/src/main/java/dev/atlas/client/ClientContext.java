package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.generated.invoker.ApiClient;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * What every resource group of one client shares: settings, HTTP client, the generated ApiClient
 * that builds requests, the transport that makes attempts and the retry engine that repeats them.
 */
final class ClientContext {
  private static final System.Logger LOG = System.getLogger("dev.atlas.client");

  private final ClientSettings settings;
  private final OkHttpClient baseHttp;
  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final ApiClient apiClient;
  private final Transport transport;
  private final RetryEngine retries;
  private final List<AtlasListener> listeners;
  private final Lifecycle lifecycle;
  /** Where this view's calls leave their HTTP answer ({@code withRawResponse}), or null. */
  private final RawCapture capture;

  /** What a client and its {@code withRawResponse} views share: closing, and the stream threads. */
  private static final class Lifecycle {
    final AtomicBoolean closed = new AtomicBoolean();
    volatile ExecutorService streamExecutor;
  }

  private ClientContext(ClientSettings settings, OkHttpClient baseHttp, OkHttpClient http, boolean ownsHttp,
      List<AtlasListener> listeners) {
    this.settings = settings;
    this.baseHttp = baseHttp;
    this.http = http;
    this.ownsHttp = ownsHttp;
    if (settings.baseUrl() != null) {
      this.apiClient = new ApiClient(http);
      apiClient.setBasePath(settings.baseUrlText());
      apiClient.setUserAgent(SdkVersion.USER_AGENT);
    } else {
      this.apiClient = null; // the OAuth-only engine of a standalone MCP onboarding calls no API operation
    }
    this.transport = new Transport(http, Json.gson(), settings.clock(), settings::redact);
    this.retries = new RetryEngine(settings.retryPolicy(), settings.sleeper(), settings.random());
    this.listeners = listeners;
    this.lifecycle = new Lifecycle();
    this.capture = null;
  }

  /** A view of {@code parent} whose calls record into {@code capture}. */
  private ClientContext(ClientContext parent, RawCapture capture) {
    this.settings = parent.settings;
    this.baseHttp = parent.baseHttp;
    this.http = parent.http;
    this.ownsHttp = parent.ownsHttp;
    this.apiClient = parent.apiClient;
    this.transport = parent.transport;
    this.retries = parent.retries;
    this.listeners = parent.listeners;
    this.lifecycle = parent.lifecycle;
    this.capture = capture;
  }

  /**
   * Builds the engine of one client.
   *
   * @param settings the client's settings
   * @param base the OkHttpClient to derive from, or null for a new one
   * @param owns whether closing the client releases the HTTP client's pool and threads
   * @return the engine
   */
  static ClientContext create(ClientSettings settings, OkHttpClient base, boolean owns) {
    OkHttpClient baseHttp = base;
    if (baseHttp == null) {
      // OkHttp allows 5 concurrent calls per host by default; async calls and batches need more
      okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
      dispatcher.setMaxRequests(256);
      dispatcher.setMaxRequestsPerHost(64);
      baseHttp = new OkHttpClient.Builder().dispatcher(dispatcher).build();
    }
    OkHttpClient.Builder b = baseHttp.newBuilder().retryOnConnectionFailure(false);
    if (base == null || settings.connectTimeout() != null) {
      b.connectTimeout(millis(settings.connectTimeout(), ClientSettings.DEFAULT_CONNECT_TIMEOUT), TimeUnit.MILLISECONDS);
    }
    if (base == null || settings.readTimeout() != null) {
      b.readTimeout(millis(settings.readTimeout(), ClientSettings.DEFAULT_READ_TIMEOUT), TimeUnit.MILLISECONDS);
    }
    if (settings.callTimeout() != null) {
      b.callTimeout(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
    javax.net.ssl.X509TrustManager trust = baseHttp.x509TrustManager();
    if ((settings.baseUrl() == null || settings.baseUrl().isHttps()) && trust != null) {
      int handshakeMillis = (int) millis(settings.connectTimeout(), ClientSettings.DEFAULT_CONNECT_TIMEOUT);
      b.sslSocketFactory(new HandshakeTimeout(baseHttp.sslSocketFactory(), handshakeMillis), trust);
    }
    for (Interceptor i : settings.interceptors()) {
      b.addInterceptor(i);
    }
    b.addInterceptor(new HeadersInterceptor(settings.defaultHeaders()));
    b.addNetworkInterceptor(new CredentialsInterceptor(settings.baseUrl(), settings.credentialHeader(),
        settings.credentialValue()));
    for (Interceptor i : settings.networkInterceptors()) {
      b.addNetworkInterceptor(i);
    }
    List<AtlasListener> listeners = new ArrayList<>(settings.listeners());
    AtlasLogLevel level = settings.effectiveLogLevel();
    System.LoggerFinder finder = System.LoggerFinder.getLoggerFinder();
    if (level != AtlasLogLevel.OFF) {
      listeners.add(LogListener.create(level, finder, System.err, settings::redact));
    }
    // one HTTP log: the one asked for with httpLogging, else at ATLAS_LOG=debug every body; every line masked
    if (settings.httpLogLevel() != null) {
      Consumer<String> sink = settings.httpLogSink();
      b.addNetworkInterceptor(HttpLog.interceptor(settings.httpLogLevel(),
          line -> sink.accept(HttpLog.mask(settings.redact(line)))));
    } else if (level == AtlasLogLevel.DEBUG) {
      Consumer<String> sink = LogListener.sink(System.Logger.Level.DEBUG, finder, System.err, settings::redact);
      b.addNetworkInterceptor(HttpLog.interceptor(HttpLogLevel.BODY, line -> sink.accept(HttpLog.mask(line))));
    }
    warnIfCleartext(settings);
    return new ClientContext(settings, baseHttp, b.build(), owns, List.copyOf(listeners));
  }

  /**
   * @param capture where the view's calls leave their HTTP answer
   * @return a view of this engine (same settings, pool, listeners and lifecycle) whose calls record into it
   */
  ClientContext capturing(RawCapture capture) {
    return new ClientContext(this, capture);
  }

  ClientSettings settings() {
    return settings;
  }

  OkHttpClient baseHttp() {
    return baseHttp;
  }

  /** @return the client that makes every call: credentials (for the Atlas origin), headers, log */
  OkHttpClient http() {
    return http;
  }

  /**
   * @param withCredentials whether the calls carry the client's credential (as API calls do: only
   *     to the Atlas origin)
   * @return the client of the MCP onboarding's OAuth calls: {@link #http()} (its pool, timeouts,
   *     default headers and HTTP log) without the interceptors added with the builder, which are
   *     written for the Atlas API's calls, and without credentials unless asked
   */
  OkHttpClient oauthHttp(boolean withCredentials) {
    OkHttpClient.Builder b = http.newBuilder();
    b.interceptors().removeIf(i -> settings.interceptors().contains(i));
    b.networkInterceptors().removeIf(i -> settings.networkInterceptors().contains(i)
        || (!withCredentials && i instanceof CredentialsInterceptor));
    return b.build();
  }

  ApiClient apiClient() {
    return apiClient;
  }

  RetryEngine retries() {
    return retries;
  }

  /**
   * Starts the record of a call: tells the listeners, and fills this view's raw capture if any.
   *
   * @param operation the operation's name
   * @param request its request
   * @param stream whether it opens an event stream
   * @return the record
   */
  CallTrace trace(String operation, Request request, boolean stream) {
    return CallTrace.start(listeners, capture, operation, request, stream);
  }

  /**
   * Runs an operation, retried per the policy.
   *
   * @param <T> the result type
   * @param op the operation
   * @param options per-call options, or null
   * @return the result
   */
  <T> T send(Operation<T> op, RequestOptions options) {
    ensureOpen();
    RequestOptions o = options == null ? RequestOptions.defaults() : options;
    Request request = op.request();
    CallTrace trace = trace(op.name(), request, false);
    try {
      T result = retries.run(op.safeToRepeat(request), maxRetries(o), o.retryUnsafe(), trace,
          () -> transport.exchange(op, request, o, trace));
      trace.succeeded();
      return result;
    } catch (AtlasException e) {
      trace.failed(e);
      throw e;
    }
  }

  /**
   * Runs an operation without blocking a thread, retried per the policy.
   *
   * @param <T> the result type
   * @param op the operation
   * @param options per-call options, or null
   * @return the result; cancelling it cancels the call in flight and any retry to come
   */
  <T> CompletableFuture<T> sendAsync(Operation<T> op, RequestOptions options) {
    if (lifecycle.closed.get()) {
      return CompletableFuture.failedFuture(new IllegalStateException("This AtlasClient is closed"));
    }
    RequestOptions o = options == null ? RequestOptions.defaults() : options;
    Request request;
    try {
      request = op.request();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    CallTrace trace = trace(op.name(), request, false);
    // a batch item's call takes part in the batch's shared back-off (the batch starts it with its gate current)
    CompletableFuture<T> result = retries.runAsync(op.safeToRepeat(request), maxRetries(o), o.retryUnsafe(),
        RetryEngine.currentGate(), trace, () -> transport.exchangeAsync(op, request, o, trace));
    result.whenComplete((value, error) -> {
      if (error instanceof CancellationException) {
        trace.cancelled(); // success and failure are reported before the result completes
      }
    });
    return result;
  }

  /**
   * Opens a response whose body the caller consumes (a stream), retried only before it opens.
   *
   * @param op the operation, which decides whether a retry is safe
   * @param options per-call options, or null
   * @return the open 2xx response, its call and the call's record, which the stream goes on reporting to
   */
  Transport.Opened open(Operation<?> op, RequestOptions options) {
    return opening(op, options, transport::open);
  }

  /**
   * Opens a response whose body the caller reads as bytes (a file), retried only before it opens.
   *
   * @param op the operation, which decides whether a retry is safe
   * @param options per-call options, or null
   * @return the open 2xx response; the caller closes it and ends its record
   */
  Transport.Opened openBody(Operation<?> op, RequestOptions options) {
    return opening(op, options, transport::openBody);
  }

  /** How the transport opens one attempt: as a stream or as a body of bytes. */
  private interface Opener {
    Transport.Opened open(Request request, RequestOptions options, boolean safeToRepeat, CallTrace trace);
  }

  private Transport.Opened opening(Operation<?> op, RequestOptions options, Opener opener) {
    ensureOpen();
    RequestOptions o = options == null ? RequestOptions.defaults() : options;
    Request request = op.request();
    CallTrace trace = trace(op.name(), request, true);
    boolean safe = op.safeToRepeat(request);
    try {
      Transport.Opened opened = retries.run(safe, maxRetries(o), o.retryUnsafe(), trace,
          () -> opener.open(request, o, safe, trace));
      trace.succeeded();
      return opened;
    } catch (AtlasException e) {
      trace.failed(e);
      trace.streamEnded(CallOutcome.of(e), e);
      throw e;
    }
  }

  private int maxRetries(RequestOptions o) {
    return o.maxRetries().orElse(retries.policy().maxRetries());
  }

  void ensureOpen() {
    if (lifecycle.closed.get()) {
      throw new IllegalStateException("This AtlasClient is closed");
    }
  }

  /** @return a cached pool of daemon threads for publisher reads, created on first use, shut down by close */
  ExecutorService streamExecutor() {
    ExecutorService e = lifecycle.streamExecutor;
    if (e == null) {
      synchronized (lifecycle) {
        e = lifecycle.streamExecutor;
        if (e == null) {
          AtomicInteger n = new AtomicInteger();
          e = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "atlas-stream-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
          });
          lifecycle.streamExecutor = e;
        }
      }
    }
    return e;
  }

  void close() {
    ExecutorService e = lifecycle.streamExecutor;
    if (e != null && !lifecycle.closed.get()) {
      e.shutdown();
    }
    if (lifecycle.closed.compareAndSet(false, true) && ownsHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  private static long millis(Duration d, Duration dflt) {
    return (d != null ? d : dflt).toMillis();
  }

  private static void warnIfCleartext(ClientSettings settings) {
    if (settings.baseUrl() != null && !settings.baseUrl().isHttps() && settings.credentialHeader() != null && !isLoopback(settings.baseUrl().host())) {
      LOG.log(System.Logger.Level.WARNING, "Atlas base URL " + settings.baseUrlText()
          + " is plain http to a non-loopback host: credentials travel unencrypted. Use https.");
    }
  }

  private static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    try {
      // literal addresses only: getByName does no lookup for them
      if (host.matches("[0-9.]+") || host.contains(":")) {
        return InetAddress.getByName(host).isLoopbackAddress();
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
    return false;
  }
}
