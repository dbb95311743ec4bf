package dev.atlas.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import dev.atlas.client.errors.AtlasException;
import java.lang.reflect.Type;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The door to every route of the server, including those this SDK has no method for (the admin
 * console's, the platform operator's, a newer server's). Obtained from {@code atlas.routes()};
 * thread-safe.
 *
 * <pre>{@code
 * JsonElement users = atlas.routes().call(RouteRequest.get("/api/v1/admin/users").withQuery("limit", "5"));
 * MyUser user = atlas.routes().call(RouteRequest.get("/api/v1/admin/users/{id}", id), MyUser.class);
 * }</pre>
 *
 * <p>A call here has everything a facade call has: the client's credentials (sent to its own origin
 * only), default headers and {@link RequestOptions}, the retry rules by idempotency (GET, PUT,
 * PATCH, DELETE and a {@link RouteRequest#readOnly()} POST are retried after a dropped connection,
 * an acting POST only when it provably did not run), the typed {@link AtlasException}s, the HTTP
 * log, listeners (the call is named {@code "METHOD /template"}) and
 * {@link AtlasClient#withRawResponse}. Answers are read as JSON: a 2xx without a body (a 204) is
 * {@link JsonNull} or a null result; a 2xx with another content type (CSV, PNG) is an
 * {@link dev.atlas.client.errors.AtlasInvalidResponseException}.
 */
public final class Routes {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final ClientContext ctx;

  Routes(ClientContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Calls a route and reads its answer as JSON.
   *
   * @param request the route, ids, query and body
   * @return the answer; {@link JsonNull} when it has no body
   * @throws AtlasException on failure, typed by status and code as for every operation
   */
  public JsonElement call(RouteRequest request) {
    return call(request, RequestOptions.defaults());
  }

  /**
   * Calls a route with per-call settings and reads its answer as JSON.
   *
   * @param request the route, ids, query and body
   * @param requestOptions timeout, headers, retries
   * @return the answer; {@link JsonNull} when it has no body
   * @throws AtlasException on failure
   */
  public JsonElement call(RouteRequest request, RequestOptions requestOptions) {
    JsonElement result = ctx.send(op(request, JsonElement.class), requestOptions);
    return result == null ? JsonNull.INSTANCE : result;
  }

  /**
   * Calls a route and reads its answer as the caller's type (a class or a generated model), with
   * the SDK's Gson.
   *
   * @param <T> the result type
   * @param request the route, ids, query and body
   * @param resultType the class to read the answer as
   * @return the answer, or null when it has no body
   * @throws AtlasException on failure ({@link dev.atlas.client.errors.AtlasInvalidResponseException}
   *     when the body does not fit the type)
   */
  public <T> T call(RouteRequest request, Class<T> resultType) {
    return call(request, (Type) resultType, RequestOptions.defaults());
  }

  /**
   * Calls a route and reads its answer as any type, e.g. a {@code TypeToken}'s
   * {@code List<MyRow>}, with per-call settings.
   *
   * @param <T> the result type
   * @param request the route, ids, query and body
   * @param resultType the type to read the answer as
   * @param requestOptions timeout, headers, retries
   * @return the answer, or null when it has no body
   * @throws AtlasException on failure
   */
  public <T> T call(RouteRequest request, Type resultType, RequestOptions requestOptions) {
    return ctx.send(op(request, resultType), requestOptions);
  }

  /**
   * Calls a route without blocking and reads its answer as JSON.
   *
   * @param request the route, ids, query and body
   * @param requestOptions timeout, headers, retries
   * @return the answer ({@link JsonNull} when it has no body); fails with the typed exception
   */
  public CompletableFuture<JsonElement> callAsync(RouteRequest request, RequestOptions requestOptions) {
    Operation<JsonElement> op = op(request, JsonElement.class);
    return ctx.sendAsync(op, requestOptions).thenApply(r -> r == null ? JsonNull.INSTANCE : r);
  }

  /**
   * Calls a route without blocking and reads its answer as any type.
   *
   * @param <T> the result type
   * @param request the route, ids, query and body
   * @param resultType the type to read the answer as
   * @param requestOptions timeout, headers, retries
   * @return the answer, or null when it has no body; fails with the typed exception
   */
  public <T> CompletableFuture<T> callAsync(RouteRequest request, Type resultType, RequestOptions requestOptions) {
    return ctx.sendAsync(op(request, resultType), requestOptions);
  }

  private <T> Operation<T> op(RouteRequest r, Type resultType) {
    Objects.requireNonNull(r, "request");
    Objects.requireNonNull(resultType, "resultType");
    ctx.ensureOpen();
    Request.Builder b = new Request.Builder().url(RoutePath.url(ctx.settings().baseUrl(), r))
        .header("User-Agent", SdkVersion.USER_AGENT).header("Accept", "application/json");
    RequestBody body = null;
    if (r.body() != null) {
      String text = r.body() instanceof JsonElement e ? e.toString() : Json.gson().toJson(r.body());
      body = RequestBody.create(text, JSON);
    } else if (!r.method().equals("GET") && !r.method().equals("HEAD") && !r.method().equals("DELETE")) {
      body = RequestBody.create(new byte[0], null); // OkHttp requires a body for POST, PUT and PATCH
    }
    Request request = b.method(r.method(), body).build();
    Operation<T> op = Operation.<T>ofType(r.toString(), () -> ctx.http().newCall(request), resultType).emptyAllowed();
    op = r.ids().isEmpty() ? op : op.about(r.ids().get(r.ids().size() - 1));
    return r.isReadOnly() ? op.readOnly() : op;
  }

  @Override
  public String toString() {
    return "Routes";
  }
}
