package dev.atlas.client;

import dev.atlas.client.generated.invoker.ApiClient;
import dev.atlas.client.internal.CredentialsInterceptor;
import dev.atlas.client.internal.HeadersInterceptor;
import dev.atlas.client.internal.LeanApiClient;
import dev.atlas.client.internal.Models;
import dev.atlas.client.internal.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/** What every resource group of one client shares: settings, HTTP client, generated ApiClient, transport. */
final class ClientContext {
  private static final System.Logger LOG = System.getLogger("dev.atlas.client");
  static final String VERSION = readVersion();
  static final String USER_AGENT = "atlas-java/" + VERSION + " (Java " + Runtime.version().feature() + "; okhttp "
      + okhttpVersion() + ")";

  private final AtlasClientBuilder settings;
  private final OkHttpClient baseHttp;
  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final ApiClient apiClient;
  private final Transport transport;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile ExecutorService streamExecutor;

  private ClientContext(AtlasClientBuilder settings, OkHttpClient baseHttp, OkHttpClient http, boolean ownsHttp) {
    this.settings = settings;
    this.baseHttp = baseHttp;
    this.http = http;
    this.ownsHttp = ownsHttp;
    this.apiClient = new LeanApiClient(http, USER_AGENT);
    apiClient.setBasePath(settings.baseUrlText());
    this.transport = new Transport(http, Models.gson(), settings.clock(), settings.retryPolicy(), settings.sleeper(),
        settings.random(), settings::redact);
  }

  static ClientContext create(AtlasClientBuilder settings, OkHttpClient base, boolean owns) {
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
      b.connectTimeout(millis(settings.connectTimeout(), AtlasClientBuilder.DEFAULT_CONNECT_TIMEOUT), TimeUnit.MILLISECONDS);
    }
    if (base == null || settings.readTimeout() != null) {
      b.readTimeout(millis(settings.readTimeout(), AtlasClientBuilder.DEFAULT_READ_TIMEOUT), TimeUnit.MILLISECONDS);
    }
    if (settings.callTimeout() != null) {
      b.callTimeout(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
    for (Interceptor i : settings.interceptors()) {
      b.addInterceptor(i);
    }
    b.addInterceptor(new HeadersInterceptor(USER_AGENT, settings.defaultHeaders()));
    b.addNetworkInterceptor(new CredentialsInterceptor(settings.baseUrl(), settings.credentialHeader(),
        settings.credentialValue()));
    for (Interceptor i : settings.networkInterceptors()) {
      b.addNetworkInterceptor(i);
    }
    warnIfCleartext(settings);
    return new ClientContext(settings, baseHttp, b.build(), owns);
  }

  AtlasClientBuilder settings() {
    return settings;
  }

  OkHttpClient baseHttp() {
    return baseHttp;
  }

  ApiClient apiClient() {
    return apiClient;
  }

  Transport transport() {
    return transport;
  }

  <T> T call(Transport.CallFactory factory, Type type, RequestOptions options, String resourceId) {
    return call(factory, type, options, resourceId, -1);
  }

  <T> T call(Transport.CallFactory factory, Type type, RequestOptions options, String resourceId, int bodyStatus) {
    ensureOpen();
    return transport.execute(factory, type, options == null ? RequestOptions.none() : options, resourceId, bodyStatus,
        false);
  }

  <T> CompletableFuture<T> callAsync(Transport.CallFactory factory, Type type, RequestOptions options,
      String resourceId) {
    return callAsync(factory, type, options, resourceId, -1, false);
  }

  <T> CompletableFuture<T> callAsync(Transport.CallFactory factory, Type type, RequestOptions options,
      String resourceId, int bodyStatus, boolean readOnly) {
    if (closed.get()) {
      return CompletableFuture.failedFuture(new IllegalStateException("This AtlasClient is closed"));
    }
    return transport.executeAsync(factory, type, options == null ? RequestOptions.none() : options, resourceId,
        bodyStatus, readOnly);
  }

  /** A POST that changes nothing: retried like a GET. */
  <T> T callReadOnly(Transport.CallFactory factory, Type type, RequestOptions options, String resourceId) {
    ensureOpen();
    return transport.execute(factory, type, options == null ? RequestOptions.none() : options, resourceId, -1, true);
  }

  void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("This AtlasClient is closed");
    }
  }

  /** @return a cached pool of daemon threads for publisher reads, created on first use, shut down by close */
  ExecutorService streamExecutor() {
    ExecutorService e = streamExecutor;
    if (e == null) {
      synchronized (this) {
        e = streamExecutor;
        if (e == null) {
          AtomicInteger n = new AtomicInteger();
          e = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "atlas-stream-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
          });
          streamExecutor = e;
        }
      }
    }
    return e;
  }

  void close() {
    ExecutorService e = streamExecutor;
    if (e != null && !closed.get()) {
      e.shutdown();
    }
    if (closed.compareAndSet(false, true) && ownsHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  private static long millis(Duration d, Duration dflt) {
    return (d != null ? d : dflt).toMillis();
  }

  private static void warnIfCleartext(AtlasClientBuilder settings) {
    if (!settings.baseUrl().isHttps() && settings.credentialHeader() != null && !isLoopback(settings.baseUrl().host())) {
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

  private static String readVersion() {
    try (InputStream in = AtlasClient.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String okhttpVersion() {
    try {
      return okhttp3.OkHttp.VERSION;
    } catch (LinkageError e) {
      return "unknown";
    }
  }
}
