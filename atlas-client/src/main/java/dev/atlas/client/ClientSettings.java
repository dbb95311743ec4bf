package dev.atlas.client;

import dev.atlas.client.retry.RetryPolicy;
import dev.atlas.client.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;

/**
 * A client's settings as built: an immutable value that the engine ({@link ClientContext}) reads.
 * {@link AtlasClientBuilder} produces it; nothing here knows the builder.
 *
 * @param baseUrl the Atlas deployment, or null for the OAuth-only engine of a standalone MCP onboarding
 * @param baseUrlText the same without a trailing slash, or null
 * @param apiKey the API key, or null
 * @param bearerToken the bearer token, or null
 * @param apiKeyHeader the header that carries the API key
 * @param connectTimeout connect timeout, or null for the default
 * @param readTimeout read timeout, or null for the default
 * @param callTimeout whole-call timeout, or null for none
 * @param defaultHeaders headers added to every request
 * @param interceptors OkHttp application interceptors
 * @param networkInterceptors OkHttp network interceptors
 * @param listeners the user's listeners
 * @param logLevel the level asked for on the builder, or null to read {@code ATLAS_LOG}
 * @param httpLogLevel what {@code httpLogging} asked for, or null
 * @param httpLogSink where those lines go, or null
 * @param clock the clock for {@code Retry-After} dates
 * @param retryPolicy the retry policy
 * @param sleeper waits between retries
 * @param random jitter source
 * @param streamRecovery what a stream cut by the network does, unless the stream says; null: off
 */
record ClientSettings(HttpUrl baseUrl, String baseUrlText, Secret apiKey, Secret bearerToken,
    ApiKeyHeader apiKeyHeader, Duration connectTimeout, Duration readTimeout, Duration callTimeout,
    Map<String, String> defaultHeaders, List<Interceptor> interceptors, List<Interceptor> networkInterceptors,
    List<AtlasListener> listeners, AtlasLogLevel logLevel, HttpLogLevel httpLogLevel, Consumer<String> httpLogSink,
    Clock clock, RetryPolicy retryPolicy, Sleeper sleeper, DoubleSupplier random, StreamRecovery streamRecovery) {
  /** Default connect timeout. */
  static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** Default read timeout. */
  static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(120);

  /** Copies the collections, so that the value cannot change after it is built. */
  ClientSettings {
    defaultHeaders = Map.copyOf(defaultHeaders);
    interceptors = List.copyOf(interceptors);
    networkInterceptors = List.copyOf(networkInterceptors);
    listeners = List.copyOf(listeners);
  }

  /**
   * The settings of the engine a standalone MCP onboarding runs its OAuth calls on: no Atlas base
   * URL, no credentials, the defaults otherwise ({@code ATLAS_LOG} decides the log).
   *
   * @param clock the clock
   * @return the settings
   */
  static ClientSettings oauthOnly(Clock clock) {
    return new ClientSettings(null, null, null, null, ApiKeyHeader.AUTHORIZATION_BEARER, null, null, null, Map.of(),
        List.of(), List.of(), List.of(), null, null, null, clock, RetryPolicy.defaults(), Sleeper.system(),
        Math::random, null);
  }

  /** @return the header that carries credentials, or null when none are sent */
  String credentialHeader() {
    if (apiKey != null) {
      return apiKeyHeader == ApiKeyHeader.X_API_KEY ? "X-API-Key" : "Authorization";
    }
    return bearerToken != null ? "Authorization" : null;
  }

  /** @return the full credential header value, or null */
  Secret credentialValue() {
    if (apiKey != null) {
      return apiKeyHeader == ApiKeyHeader.X_API_KEY ? apiKey : new Secret("Bearer " + apiKey.reveal());
    }
    return bearerToken != null ? new Secret("Bearer " + bearerToken.reveal()) : null;
  }

  /** @return the level set on the builder, else the one {@code ATLAS_LOG} / {@code atlas.log} names, else OFF */
  AtlasLogLevel effectiveLogLevel() {
    if (logLevel != null) {
      return logLevel;
    }
    String text = setting(System::getenv, System.getProperties(), "atlas.log", "ATLAS_LOG");
    AtlasLogLevel parsed = AtlasLogLevel.parse(text);
    if (text != null && parsed == null) {
      System.getLogger(LogListener.LOGGER).log(System.Logger.Level.WARNING,
          "ATLAS_LOG=" + text + " is not a level: use info, debug or off");
    }
    return parsed == null ? AtlasLogLevel.OFF : parsed;
  }

  /** @return the text with this client's credentials masked */
  String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (Secret s : new Secret[] {apiKey, bearerToken}) {
      if (s != null && out.contains(s.reveal())) {
        out = out.replace(s.reveal(), "****");
      }
    }
    return out;
  }

  /** @return the base URL and how credentials are sent, never the credentials */
  String describe() {
    String auth;
    if (apiKey != null) {
      auth = apiKeyHeader == ApiKeyHeader.X_API_KEY ? "API key in X-API-Key" : "API key as Bearer";
    } else if (bearerToken != null) {
      auth = "bearer token";
    } else {
      auth = "none";
    }
    return "baseUrl=" + baseUrlText + ", auth=" + auth;
  }

  /** @return the settings, never the credentials */
  @Override
  public String toString() {
    return "ClientSettings{" + describe() + "}";
  }

  /**
   * @param env the environment
   * @param props the system properties
   * @param property the property's name, which wins
   * @param variable the environment variable's name
   * @return the trimmed value, or null when neither is set or both are blank
   */
  static String setting(Function<String, String> env, Properties props, String property, String variable) {
    String v = props.getProperty(property);
    if (v == null || v.isBlank()) {
      v = env.apply(variable);
    }
    return v == null || v.isBlank() ? null : v.trim();
  }
}
