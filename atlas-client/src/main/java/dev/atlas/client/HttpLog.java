package dev.atlas.client;

import java.util.Objects;
import java.util.function.Consumer;
import okhttp3.logging.HttpLoggingInterceptor;

/** OkHttp's logging interceptor as the client sets it up: the credential headers redacted. */
final class HttpLog {
  private HttpLog() {}

  static HttpLoggingInterceptor interceptor(HttpLogLevel level, Consumer<String> sink) {
    Objects.requireNonNull(sink, "sink");
    HttpLoggingInterceptor logging = new HttpLoggingInterceptor(sink::accept);
    logging.setLevel(Objects.requireNonNull(level, "level").toOkHttp());
    logging.redactHeader("Authorization");
    logging.redactHeader("X-API-Key");
    return logging;
  }
}
