package dev.atlas.client;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import dev.atlas.client.retry.RetryPolicy;
import dev.atlas.client.retry.Sleeper;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * Configures an {@link AtlasClient}. Not thread-safe; {@link #build()} copies everything, so a
 * builder can be reused.
 *
 * <p>Credentials: {@link #apiKey(String)} and {@link #bearerToken(String)}; when both are given the
 * API key wins (as in the TypeScript SDK). The API key goes in {@code Authorization: Bearer} unless
 * {@link #apiKeyHeader(ApiKeyHeader)} says {@link ApiKeyHeader#X_API_KEY} (managed-mode workspace
 * keys need that). A server in auth mode "none" needs {@link #withoutCredentials()}.
 *
 * <p>Defaults: connect timeout 10 s, read timeout 120 s (the longest silence between two bytes; an
 * agent may think a while), no whole-call timeout, no OkHttp retries on connection failure.
 */
public final class AtlasClientBuilder {
  /** Default connect timeout. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = ClientSettings.DEFAULT_CONNECT_TIMEOUT;
  /** Default read timeout. */
  public static final Duration DEFAULT_READ_TIMEOUT = ClientSettings.DEFAULT_READ_TIMEOUT;

  private HttpUrl baseUrl;
  private String baseUrlText;
  private Secret apiKey;
  private Secret bearerToken;
  private ApiKeyHeader apiKeyHeader = ApiKeyHeader.AUTHORIZATION_BEARER;
  private boolean withoutCredentials;
  private Duration connectTimeout;
  private Duration readTimeout;
  private Duration callTimeout;
  private final Map<String, String> defaultHeaders = new LinkedHashMap<>();
  private final List<Interceptor> interceptors = new ArrayList<>();
  private final List<Interceptor> networkInterceptors = new ArrayList<>();
  private final List<AtlasListener> listeners = new ArrayList<>();
  private AtlasLogLevel logLevel;
  private HttpLogLevel httpLogLevel;
  private Consumer<String> httpLogSink;
  private OkHttpClient httpClient;
  private Clock clock = Clock.systemUTC();
  private RetryPolicy retryPolicy = RetryPolicy.defaults();
  private Sleeper sleeper = Sleeper.system();
  private StreamRecovery streamRecovery; // null: off
  private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

  AtlasClientBuilder() {
    Json.preloadInBackground(); // overlaps the generated model registry's loading with the caller's set-up
  }

  /**
   * Sets the Atlas deployment, e.g. {@code https://atlas.example.com}: the URL that
   * {@code /api/...} paths are appended to. A trailing slash is ignored; a path prefix is kept. A
   * URL that already ends in {@code /api/v1} (as the API's paths begin) is accepted and that suffix
   * dropped, so {@code https://atlas.example.com/api/v1} and {@code https://atlas.example.com} are
   * the same deployment.
   *
   * @param baseUrl an absolute http or https URL
   * @return this
   * @throws IllegalArgumentException if it is not a valid http(s) URL, or has a query or fragment
   */
  public AtlasClientBuilder baseUrl(String baseUrl) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    String trimmed = baseUrl.trim();
    HttpUrl parsed = HttpUrl.parse(trimmed);
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (parsed == null || !(lower.startsWith("http://") || lower.startsWith("https://"))) {
      throw new IllegalArgumentException("baseUrl must be an absolute http:// or https:// URL, got: " + safeUrl(trimmed));
    }
    if (parsed.query() != null || parsed.fragment() != null) {
      throw new IllegalArgumentException("baseUrl must not have a query or fragment: " + safeUrl(trimmed));
    }
    if (parsed.username().length() > 0 || parsed.password().length() > 0) {
      throw new IllegalArgumentException("baseUrl must not carry user info; use apiKey or bearerToken");
    }
    String text = parsed.toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    if (text.toLowerCase(Locale.ROOT).endsWith("/api/v1")) {
      text = text.substring(0, text.length() - "/api/v1".length()); // the API's paths start with /api/v1
      parsed = HttpUrl.parse(text);
    }
    this.baseUrl = parsed;
    this.baseUrlText = text;
    return this;
  }

  /**
   * Sets the API key (simple-key or managed-mode workspace key).
   *
   * @param apiKey the key; null clears it
   * @return this
   * @throws IllegalArgumentException if it is blank or contains control characters (never echoed)
   */
  public AtlasClientBuilder apiKey(String apiKey) {
    this.apiKey = secret("apiKey", apiKey);
    return this;
  }

  /**
   * Sets a bearer token (managed session token or BYOT JWT). Ignored when an API key is set.
   *
   * @param bearerToken the token; null clears it
   * @return this
   * @throws IllegalArgumentException if it is blank or contains control characters (never echoed)
   */
  public AtlasClientBuilder bearerToken(String bearerToken) {
    this.bearerToken = secret("bearerToken", bearerToken);
    return this;
  }

  /**
   * Chooses the header that carries the API key.
   *
   * @param header {@link ApiKeyHeader#AUTHORIZATION_BEARER} (default) or {@link ApiKeyHeader#X_API_KEY}
   * @return this
   */
  public AtlasClientBuilder apiKeyHeader(ApiKeyHeader header) {
    this.apiKeyHeader = Objects.requireNonNull(header, "header");
    return this;
  }

  /**
   * Sends no credentials, for a server in auth mode "none". Without this, {@link #build()} refuses
   * a builder with neither an API key nor a bearer token.
   *
   * @return this
   */
  public AtlasClientBuilder withoutCredentials() {
    this.withoutCredentials = true;
    return this;
  }

  /**
   * @param timeout how long to wait for a TCP/TLS connection; zero means no limit
   * @return this
   */
  public AtlasClientBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = nonNegative("connectTimeout", timeout);
    return this;
  }

  /**
   * @param timeout the longest silence between two reads of a response (for a stream, between
   *     frames); zero means no limit
   * @return this
   */
  public AtlasClientBuilder readTimeout(Duration timeout) {
    this.readTimeout = nonNegative("readTimeout", timeout);
    return this;
  }

  /**
   * @param timeout the limit for a whole call, from connect to the last byte (for a stream: the
   *     whole stream); zero means no limit (default)
   * @return this
   */
  public AtlasClientBuilder callTimeout(Duration timeout) {
    this.callTimeout = nonNegative("callTimeout", timeout);
    return this;
  }

  /**
   * Adds a header to every request (a per-request header of the same name wins).
   *
   * @param name header name
   * @param value header value; CR, LF and other control characters are refused
   * @return this
   * @throws IllegalArgumentException for an invalid name or value (the value is never echoed)
   */
  public AtlasClientBuilder defaultHeader(String name, String value) {
    HeaderChecks.check(name, value);
    if (name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("X-API-Key")) {
      throw new IllegalArgumentException("Set credentials with apiKey or bearerToken, not as a default header");
    }
    defaultHeaders.put(name, value);
    return this;
  }

  /**
   * Adds an OkHttp application interceptor (runs once per call, before credentials are added, so
   * it never sees them).
   *
   * @param interceptor the interceptor
   * @return this
   */
  public AtlasClientBuilder addInterceptor(Interceptor interceptor) {
    interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
    return this;
  }

  /**
   * Adds an OkHttp network interceptor (runs for each network hop, after credentials are added:
   * a logging interceptor here sees them, so redact them, e.g. with
   * {@code HttpLoggingInterceptor.redactHeader}).
   *
   * @param interceptor the interceptor
   * @return this
   */
  public AtlasClientBuilder addNetworkInterceptor(Interceptor interceptor) {
    networkInterceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
    return this;
  }

  /**
   * Logs HTTP traffic with OkHttp's logging interceptor, with {@code Authorization} and
   * {@code X-API-Key} redacted, to the {@code System.Logger} named {@code dev.atlas.client.http}
   * (level DEBUG, which the JDK's default logging does not show: for lines you can see without a
   * logging framework, use {@link #logLevel(AtlasLogLevel)} or {@code ATLAS_LOG=debug}). The
   * client's credentials are also masked where a body echoes them. Add your own
   * {@code HttpLoggingInterceptor} with {@link #addNetworkInterceptor} only with
   * {@code redactHeader} for both headers: network interceptors see the credentials.
   *
   * @param level what to log ({@link HttpLogLevel#NONE} to stop)
   * @return this
   */
  public AtlasClientBuilder httpLogging(HttpLogLevel level) {
    System.Logger log = System.getLogger("dev.atlas.client.http");
    return httpLogging(level, message -> log.log(System.Logger.Level.DEBUG, message));
  }

  /**
   * Logs HTTP traffic to your sink, with {@code Authorization} and {@code X-API-Key} redacted, and
   * the client's credentials masked where a body echoes them.
   *
   * @param level what to log
   * @param sink receives each log line
   * @return this
   */
  public AtlasClientBuilder httpLogging(HttpLogLevel level, Consumer<String> sink) {
    this.httpLogLevel = Objects.requireNonNull(level, "level") == HttpLogLevel.NONE ? null : level;
    this.httpLogSink = Objects.requireNonNull(sink, "sink");
    return this;
  }

  /**
   * Sets what the client logs, overriding the environment variable {@code ATLAS_LOG} (or system
   * property {@code atlas.log}), which otherwise decides ({@code info} or {@code debug}; unset: off).
   * Lines go to stderr unless a logging framework is bound to {@link System.Logger} (e.g. SLF4J
   * through {@code slf4j-jdk-platform-logging}); then they go to its logger {@code dev.atlas.client}
   * at INFO and DEBUG, and its configuration decides what is shown. Credentials are redacted.
   *
   * @param level {@link AtlasLogLevel#INFO} for a line per call and per retry,
   *     {@link AtlasLogLevel#DEBUG} for headers and bodies too, {@link AtlasLogLevel#OFF} for none
   * @return this
   */
  public AtlasClientBuilder logLevel(AtlasLogLevel level) {
    this.logLevel = Objects.requireNonNull(level, "level");
    return this;
  }

  /**
   * Adds a listener that hears each call's start and end, each retry and each stream's first event
   * and end: the hook for metrics and tracing. Listeners are called in the order they were added.
   *
   * @param listener the listener
   * @return this
   */
  public AtlasClientBuilder addListener(AtlasListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Uses your OkHttpClient (its pool, dispatcher, proxy, TLS and interceptors). The Atlas client
   * derives its own from it with {@code newBuilder()} and never shuts it down.
   *
   * @param httpClient the client to build on
   * @return this
   */
  public AtlasClientBuilder httpClient(OkHttpClient httpClient) {
    this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
    return this;
  }

  /**
   * Sets how many times a failed call is retried (default 2; 0 disables retries). What is retried
   * is described in {@link RetryPolicy}.
   *
   * @param maxRetries retries after the first attempt
   * @return this
   */
  public AtlasClientBuilder maxRetries(int maxRetries) {
    this.retryPolicy = retryPolicy.toBuilder().maxRetries(maxRetries).build();
    return this;
  }

  /**
   * Sets the whole retry policy: count, backoff, the cap on server-requested delays, jitter.
   *
   * @param policy the policy
   * @return this
   */
  public AtlasClientBuilder retryPolicy(RetryPolicy policy) {
    this.retryPolicy = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /**
   * Sets what every stream of this client does when the network cuts it (a stream's own
   * {@link StreamQueryParams#withRecovery(StreamRecovery)} wins): {@link StreamRecovery#off()} (the
   * default) throws the connection error; {@link StreamRecovery#follow()} follows the agent's run on
   * the server and delivers its saved answer.
   *
   * @param recovery the setting
   * @return this
   */
  public AtlasClientBuilder streamRecovery(StreamRecovery recovery) {
    this.streamRecovery = Objects.requireNonNull(recovery, "recovery");
    return this;
  }

  /**
   * Sets what waits between retries (tests: a sleeper that records and returns at once).
   *
   * @param sleeper the sleeper
   * @return this
   */
  public AtlasClientBuilder sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    return this;
  }

  /**
   * Sets the clock used to turn an HTTP-date {@code Retry-After} into a delay (tests).
   *
   * @param clock the clock
   * @return this
   */
  public AtlasClientBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Fills unset settings from system properties and environment variables; a system property wins
   * over its environment variable, and a value already set on this builder wins over both.
   *
   * <table>
   *   <caption>Settings read</caption>
   *   <tr><th>System property</th><th>Environment variable</th><th>Setting</th></tr>
   *   <tr><td>{@code atlas.baseUrl}</td><td>{@code ATLAS_BASE_URL}</td><td>{@link #baseUrl(String)}</td></tr>
   *   <tr><td>{@code atlas.apiKey}</td><td>{@code ATLAS_API_KEY}</td><td>{@link #apiKey(String)}</td></tr>
   *   <tr><td>{@code atlas.bearerToken}</td><td>{@code ATLAS_BEARER_TOKEN}</td><td>{@link #bearerToken(String)}</td></tr>
   *   <tr><td>{@code atlas.apiKeyHeader}</td><td>{@code ATLAS_API_KEY_HEADER}</td>
   *       <td>{@code x-api-key} or {@code authorization}, read by {@link ApiKeyHeader#parse(String)}:
   *       {@link #apiKeyHeader(ApiKeyHeader)}</td></tr>
   * </table>
   *
   * @return this
   */
  public AtlasClientBuilder fromEnv() {
    return fromEnv(System::getenv, System.getProperties());
  }

  AtlasClientBuilder fromEnv(Function<String, String> env, Properties props) {
    String url = setting(env, props, "atlas.baseUrl", "ATLAS_BASE_URL");
    if (baseUrl == null && url != null) {
      baseUrl(url);
    }
    String key = setting(env, props, "atlas.apiKey", "ATLAS_API_KEY");
    if (apiKey == null && key != null) {
      apiKey(key);
    }
    String token = setting(env, props, "atlas.bearerToken", "ATLAS_BEARER_TOKEN");
    if (bearerToken == null && token != null) {
      bearerToken(token);
    }
    String header = setting(env, props, "atlas.apiKeyHeader", "ATLAS_API_KEY_HEADER");
    if (header != null) {
      apiKeyHeader(ApiKeyHeader.parse(header));
    }
    return this;
  }

  /**
   * Builds the client.
   *
   * @return a new client that owns the resources it creates
   * @throws IllegalStateException if no base URL is set, or no credential is set and
   *     {@link #withoutCredentials()} was not called
   */
  public AtlasClient build() {
    return new AtlasClient(ClientContext.create(validated(), httpClient, httpClient == null));
  }

  AtlasClient buildSharing(OkHttpClient shared) {
    return new AtlasClient(ClientContext.create(validated(), httpClient != null ? httpClient : shared, false));
  }

  private ClientSettings validated() {
    if (baseUrl == null) {
      throw new IllegalStateException("baseUrl is required (or set ATLAS_BASE_URL and use fromEnv())");
    }
    if (apiKey == null && bearerToken == null && !withoutCredentials) {
      throw new IllegalStateException("An apiKey or bearerToken is required (or ATLAS_API_KEY / ATLAS_BEARER_TOKEN with "
          + "fromEnv()); for a server in auth mode \"none\" call withoutCredentials()");
    }
    return new ClientSettings(baseUrl, baseUrlText, apiKey, bearerToken, apiKeyHeader, connectTimeout, readTimeout,
        callTimeout, defaultHeaders, interceptors, networkInterceptors, listeners, logLevel, httpLogLevel, httpLogSink,
        clock, retryPolicy, sleeper, random, streamRecovery);
  }

  /**
   * A builder pre-filled with a client's settings, for {@code withOptions}: everything but the
   * user's OkHttpClient, which the parent's pool replaces.
   *
   * @param s the settings the client was built with
   * @return the builder
   */
  static AtlasClientBuilder from(ClientSettings s) {
    AtlasClientBuilder b = new AtlasClientBuilder();
    b.baseUrl = s.baseUrl();
    b.baseUrlText = s.baseUrlText();
    b.apiKey = s.apiKey();
    b.bearerToken = s.bearerToken();
    b.apiKeyHeader = s.apiKeyHeader();
    b.withoutCredentials = s.apiKey() == null && s.bearerToken() == null;
    b.connectTimeout = s.connectTimeout();
    b.readTimeout = s.readTimeout();
    b.callTimeout = s.callTimeout();
    b.defaultHeaders.putAll(s.defaultHeaders());
    b.interceptors.addAll(s.interceptors());
    b.networkInterceptors.addAll(s.networkInterceptors());
    b.listeners.addAll(s.listeners());
    b.logLevel = s.logLevel();
    b.httpLogLevel = s.httpLogLevel();
    b.httpLogSink = s.httpLogSink();
    b.clock = s.clock();
    b.retryPolicy = s.retryPolicy();
    b.sleeper = s.sleeper();
    b.streamRecovery = s.streamRecovery();
    b.random = s.random();
    return b;
  }

  /** @return the builder's settings, never its credentials */
  @Override
  public String toString() {
    String auth;
    if (apiKey != null) {
      auth = apiKeyHeader == ApiKeyHeader.X_API_KEY ? "API key in X-API-Key" : "API key as Bearer";
    } else if (bearerToken != null) {
      auth = "bearer token";
    } else {
      auth = "none";
    }
    return "AtlasClientBuilder{baseUrl=" + baseUrlText + ", auth=" + auth + "}";
  }

  private static Secret secret(String what, String value) {
    if (value == null) {
      return null;
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    HeaderChecks.checkValue(what, value);
    return new Secret(value);
  }

  private static Duration nonNegative(String what, Duration d) {
    Objects.requireNonNull(d, what);
    if (d.isNegative()) {
      throw new IllegalArgumentException(what + " must not be negative");
    }
    return d;
  }

  private static String setting(Function<String, String> env, Properties props, String property, String variable) {
    return ClientSettings.setting(env, props, property, variable);
  }

  /** Shows a URL without any user info it may carry. */
  private static String safeUrl(String url) {
    int at = url.indexOf('@');
    int scheme = url.indexOf("://");
    if (at > 0 && scheme > 0 && at > scheme) {
      return url.substring(0, scheme + 3) + "****" + url.substring(at);
    }
    return url.length() > 200 ? url.substring(0, 200) + "..." : url;
  }
}
