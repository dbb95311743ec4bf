package dev.atlas.client.internal;

import dev.atlas.client.generated.invoker.ApiClient;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;

/**
 * The generated {@link ApiClient} without two per-request costs it pays for features this SDK does
 * not use (measured: about 11 KB allocated per request). Internal API.
 *
 * <ul>
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

  /** @param http the client the generated code builds calls with */
  public LeanApiClient(OkHttpClient http) {
    super(http);
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
