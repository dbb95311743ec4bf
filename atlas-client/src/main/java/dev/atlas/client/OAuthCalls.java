package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.internal.McpBridge;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The OAuth calls of the MCP onboarding, made through a client's engine like every API call: its
 * HTTP client (pool, timeouts, default headers, the masked HTTP log; not the interceptors added
 * with the builder, which are the API's), its listeners (which know each call by its operation
 * name), its raw-response capture and its transport failure rules.
 * No retries: a token exchange must not run twice. A call carries the client's credential only when
 * asked (the dynamic client registration), and then only to the Atlas origin; the engine of a
 * standalone onboarding holds none.
 */
final class OAuthCalls implements McpBridge.OAuthTransport {
  /** Each OAuth call's limit when the client sets no whole-call timeout. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  /** The {@code User-Agent} of the OAuth calls (not built on an API call's path: cold start). */
  static final String USER_AGENT = "atlas-java/" + SdkVersion.VERSION + " (mcp)";

  static {
    McpBridge.provide((base, clock) -> new OAuthCalls(ClientContext.create(ClientSettings.oauthOnly(clock), base, false)));
  }

  private final ClientContext ctx;
  private final OkHttpClient anonymous;
  private final OkHttpClient withCredentials;

  /** @param ctx the engine the calls go through */
  OAuthCalls(ClientContext ctx) {
    this.ctx = ctx;
    this.anonymous = ctx.oauthHttp(false);
    this.withCredentials = ctx.oauthHttp(true);
  }

  @Override
  public <T> T call(String operation, Request request, boolean withCredentials, McpBridge.Exchange<T> exchange) {
    ctx.ensureOpen();
    Request tagged = request.newBuilder().header("User-Agent", USER_AGENT).build();
    boolean safe = !tagged.method().equals("POST");
    CallTrace trace = ctx.trace(operation, tagged, false);
    try {
      Call call = (withCredentials ? this.withCredentials : anonymous).newCall(tagged);
      if (ctx.settings().callTimeout() == null) {
        call.timeout().timeout(DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
      Response response;
      try {
        response = call.execute();
      } catch (IOException e) {
        throw exchange.failed(TransportFailure.map(e, tagged, safe));
      }
      T result;
      try (response) {
        trace.responded(response);
        result = exchange.read(response);
      }
      trace.succeeded();
      return result;
    } catch (AtlasException e) {
      trace.failed(e);
      throw e;
    }
  }
}
