package dev.atlas.client;

import java.io.IOException;
import java.util.Map;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the client's default headers to every request that does not already carry them (per-request
 * headers win). The {@code User-Agent} is the generated client's, set once in {@link ClientContext}.
 */
final class HeadersInterceptor implements Interceptor {
  private final Map<String, String> defaults;

  /** @param defaults default headers, already validated */
  HeadersInterceptor(Map<String, String> defaults) {
    this.defaults = Map.copyOf(defaults);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Request.Builder b = null; // built only when something changes: most requests already carry it all
    for (Map.Entry<String, String> e : defaults.entrySet()) {
      if (request.header(e.getKey()) == null) {
        b = (b == null ? request.newBuilder() : b).header(e.getKey(), e.getValue());
      }
    }
    return chain.proceed(b == null ? request : b.build());
  }
}
