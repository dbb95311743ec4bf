package dev.atlas.client.internal;

import dev.atlas.client.generated.invoker.ApiCallback;
import dev.atlas.client.generated.invoker.ApiClient;
import dev.atlas.client.generated.invoker.ApiException;
import dev.atlas.client.generated.invoker.Pair;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The generated {@link ApiClient} without per-request costs it pays for features this SDK does not
 * use (measured: about 11 KB allocated per request, and Kotlin reflection loaded on the first call).
 * Internal API.
 *
 * <ul>
 *   <li>{@link #buildRequest} builds the URL once (the generated one builds it twice and parses it a
 *       third time for authentication schemes that are never configured: credentials are added by
 *       {@link CredentialsInterceptor}) and sets no tag (OkHttp 5 resolves tags through Kotlin
 *       reflection). Forms, cookies and progress callbacks, which no Atlas operation uses, take the
 *       generated path.
 *   <li>{@link #isJsonMime(String)} compiles its regular expression on every call (three times per
 *       request); here it is compiled once, same expression.
 *   <li>{@link #requestBodyToString(RequestBody)} copies every request body into a String for HTTP
 *       signature authentication; credentials are added by {@link CredentialsInterceptor} instead,
 *       and the generated authentications never receive a secret, so nothing reads that String.
 * </ul>
 */
public final class LeanApiClient extends ApiClient {
  private static final Pattern JSON_MIME =
      Pattern.compile("(?i)^(application/json|[^;/ \t]+/[^;/ \t]+[+]json)[ \t]*(;.*)?$");

  /**
   * @param http the client the generated code builds calls with
   * @param userAgent the {@code User-Agent} every request carries
   */
  public LeanApiClient(OkHttpClient http, String userAgent) {
    super(http);
    setUserAgent(userAgent);
  }

  @Override
  public Request buildRequest(String baseUrl, String path, String method, List<Pair> queryParams,
      List<Pair> collectionQueryParams, Object body, Map<String, String> headerParams, Map<String, String> cookieParams,
      Map<String, Object> formParams, String[] authNames, ApiCallback callback) throws ApiException {
    String contentType = headerParams.get("Content-Type");
    if (callback != null || !cookieParams.isEmpty() || !formParams.isEmpty()
        || (contentType != null && !isJsonMime(contentType))) {
      return super.buildRequest(baseUrl, path, method, queryParams, collectionQueryParams, body, headerParams,
          cookieParams, formParams, authNames, callback);
    }
    RequestBody requestBody;
    if (method.equals("GET") || method.equals("HEAD")) {
      requestBody = null;
    } else if (body != null) {
      requestBody = serialize(body, contentType);
    } else if (method.equals("DELETE")) {
      requestBody = null;
    } else {
      requestBody = RequestBody.create("", contentType == null ? null : MediaType.parse(contentType));
    }
    Request.Builder builder = new Request.Builder().url(buildUrl(baseUrl, path, queryParams, collectionQueryParams));
    processHeaderParams(headerParams, builder);
    return builder.method(method, requestBody).build();
  }

  /**
   * What the generated {@code init()} does, except creating a {@code JSON} instance (and setting the
   * generator's {@code User-Agent}, which the constructor replaces). Nothing reads that instance (the
   * generated code serializes through {@code JSON}'s static methods, this SDK through {@link Models}),
   * and creating it would initialize the whole model registry, about 200 classes, on the caller's
   * thread before its first call.
   */
  @Override
  protected void init() {
    verifyingSsl = true;
    authentications = new HashMap<>();
  }

  /**
   * Serializes JSON bodies with {@link Models#gson()} (the generated code uses the {@code JSON}
   * registry, which loads every model); every other body as generated.
   */
  @Override
  public RequestBody serialize(Object obj, String contentType) throws ApiException {
    if (obj != null && !(obj instanceof byte[]) && !(obj instanceof java.io.File) && !"text/plain".equals(contentType)
        && isJsonMime(contentType)) {
      return RequestBody.create(Models.gson().toJson(obj), MediaType.parse(contentType));
    }
    return super.serialize(obj, contentType);
  }

  @Override
  public boolean isJsonMime(String mime) {
    return mime != null && (mime.equals("*/*") || JSON_MIME.matcher(mime).matches());
  }

  @Override
  protected String requestBodyToString(RequestBody requestBody) {
    return null; // only HTTP signature authentication reads the payload; it is never configured
  }
}
