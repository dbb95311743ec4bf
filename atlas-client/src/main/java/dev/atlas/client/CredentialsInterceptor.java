package dev.atlas.client;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds credentials at the network level, to each hop, and only when the hop goes to the configured
 * Atlas origin (scheme, host and port). A redirect to another origin therefore never carries
 * {@code Authorization} or {@code X-API-Key}; application interceptors the user adds never see them.
 * A call that sets either header itself (per-request options) keeps its own.
 */
final class CredentialsInterceptor implements Interceptor {
  private final HttpUrl origin;
  private final String headerName;
  private final Secret headerValue;

  /**
   * @param origin the Atlas base URL, or null for none (no credentials are ever added)
   * @param headerName {@code Authorization} or {@code X-API-Key}
   * @param headerValue the full header value (e.g. {@code Bearer <key>}), or null for none
   */
  public CredentialsInterceptor(HttpUrl origin, String headerName, Secret headerValue) {
    this.origin = origin;
    this.headerName = headerName;
    this.headerValue = headerValue;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    HttpUrl url = request.url();
    if (origin == null || !sameOrigin(url)) {
      return chain.proceed(request.newBuilder().removeHeader("Authorization").removeHeader("X-API-Key").build());
    }
    if (headerValue == null || request.header("Authorization") != null || request.header("X-API-Key") != null) {
      return chain.proceed(request); // no credentials configured, or the call brought its own
    }
    return chain.proceed(request.newBuilder().header(headerName, headerValue.reveal()).build());
  }

  private boolean sameOrigin(HttpUrl url) {
    return url.scheme().equals(origin.scheme()) && url.host().equalsIgnoreCase(origin.host()) && url.port() == origin.port();
  }

  @Override
  public String toString() {
    return origin == null ? "CredentialsInterceptor{none}" : "CredentialsInterceptor{" + headerName + " for "
        + origin.scheme() + "://" + origin.host() + ":" + origin.port() + "}";
  }
}
