package dev.atlas.client;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import okhttp3.logging.HttpLoggingInterceptor;

/**
 * OkHttp's logging interceptor as the client sets it up: the credential headers redacted, and the
 * secrets of the MCP onboarding's OAuth calls (codes, verifiers, tokens, in JSON or form bodies)
 * masked by {@link #mask(String)}.
 */
final class HttpLog {
  /** An OAuth secret as a JSON member: {@code "access_token":"..."}. */
  private static final Pattern JSON_SECRET = Pattern.compile(
      "(\"(?:access_token|refresh_token|id_token|code|code_verifier|client_secret)\"\\s*:\\s*\")[^\"]*(\")");
  /** An OAuth secret as a form field: {@code code=...&}. */
  private static final Pattern FORM_SECRET = Pattern.compile(
      "((?:^|&)(?:refresh_token|code|code_verifier|client_secret)=)[^&\\s]*");

  private HttpLog() {}

  /**
   * @param line a log line
   * @return the line with OAuth secrets masked
   */
  static String mask(String line) {
    if (line == null || !(line.contains("token") || line.contains("code") || line.contains("secret"))) {
      return line;
    }
    String out = JSON_SECRET.matcher(line).replaceAll("$1****$2");
    return FORM_SECRET.matcher(out).replaceAll("$1****");
  }

  static HttpLoggingInterceptor interceptor(HttpLogLevel level, Consumer<String> sink) {
    Objects.requireNonNull(sink, "sink");
    HttpLoggingInterceptor logging = new HttpLoggingInterceptor(sink::accept);
    logging.setLevel(Objects.requireNonNull(level, "level").toOkHttp());
    logging.redactHeader("Authorization");
    logging.redactHeader("X-API-Key");
    return logging;
  }
}
