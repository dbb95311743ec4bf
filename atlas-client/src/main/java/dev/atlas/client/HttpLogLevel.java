package dev.atlas.client;

/** How much of the HTTP traffic {@link AtlasClientBuilder#httpLogging(HttpLogLevel)} logs. */
public enum HttpLogLevel {
  /** Nothing. */
  NONE,
  /** One line per request and per response: method, URL, status, duration, body size. */
  BASIC,
  /** {@link #BASIC} and the headers, credentials redacted. */
  HEADERS,
  /** {@link #HEADERS} and the bodies. */
  BODY;

  okhttp3.logging.HttpLoggingInterceptor.Level toOkHttp() {
    return okhttp3.logging.HttpLoggingInterceptor.Level.valueOf(name());
  }
}
