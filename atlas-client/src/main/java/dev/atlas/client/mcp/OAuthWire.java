package dev.atlas.client.mcp;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.internal.McpBridge;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * The three HTTP calls of the flow: discovery, dynamic client registration and the token
 * endpoint, each turned into a result or an {@link AtlasMcpException} whose message carries the
 * server's OAuth error text. They go through the client's engine (its HTTP log, listeners,
 * timeouts and transport failure hints) under the operation names below. Only the registration
 * may carry the client's credential (a client holding a user's credential registers an agent that
 * user owns); the others never do.
 */
final class OAuthWire {
  static final String DISCOVERY_PATH = "/.well-known/oauth-authorization-server/api/auth";
  /** Characters of a non-OAuth error body that go into a message. */
  static final int MAX_DETAIL_CHARS = 1024;
  private static final long MAX_BODY_BYTES = 1L << 20;
  private static final MediaType JSON = MediaType.get("application/json");
  private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");
  /** Operation name of discovery. */
  static final String DISCOVER = "discoverOAuthServer";
  /** Operation name of the dynamic client registration. */
  static final String REGISTER = "registerOAuthClient";
  /** Operation name of the authorization code's exchange. */
  static final String EXCHANGE = "exchangeOAuthCode";
  /** Operation name of a refresh. */
  static final String REFRESH = "refreshOAuthToken";

  /** The discovered authorization server. */
  record AuthServer(String issuer, String authorizationEndpoint, String tokenEndpoint, String registrationEndpoint) {}

  /** A successful token response; only fields of the right type are read. */
  record TokenResponse(String accessToken, String refreshToken, String tokenType, Double expiresIn, String scope) {}

  private final McpBridge.OAuthTransport transport;

  /** @param transport the client's engine (or a standalone one), which makes the calls */
  OAuthWire(McpBridge.OAuthTransport transport) {
    this.transport = transport;
  }

  AuthServer discover(String apiUrl) {
    String url = apiUrl + DISCOVERY_PATH;
    Request request = new Request.Builder().url(url).header("Accept", "application/json").get().build();
    JsonObject doc = call(DISCOVER, request, false, McpErrorCode.DISCOVERY_FAILED, "Atlas auth discovery", " for " + url,
        List.of());
    String[] fields = {"issuer", "authorization_endpoint", "token_endpoint", "registration_endpoint"};
    String[] values = new String[4];
    for (int i = 0; i < 4; i++) {
      values[i] = StrictJson.string(doc.get(fields[i]));
      if (values[i] == null) {
        throw new AtlasMcpException(McpErrorCode.DISCOVERY_FAILED,
            "Atlas auth discovery at " + url + " returned no string " + fields[i]);
      }
    }
    return new AuthServer(values[0], values[1], values[2], values[3]);
  }

  /** @return the new public client's id */
  String register(String endpoint, String clientName, String redirectUri, List<String> scopes) {
    JsonObject body = new JsonObject();
    body.addProperty("client_name", clientName);
    JsonArray redirects = new JsonArray();
    redirects.add(redirectUri);
    body.add("redirect_uris", redirects);
    JsonArray grants = new JsonArray();
    grants.add("authorization_code");
    grants.add("refresh_token");
    body.add("grant_types", grants);
    JsonArray responses = new JsonArray();
    responses.add("code");
    body.add("response_types", responses);
    body.addProperty("scope", String.join(" ", scopes));
    body.addProperty("token_endpoint_auth_method", "none");
    Request request;
    try {
      request = new Request.Builder().url(endpoint).header("Accept", "application/json")
          .post(RequestBody.create(body.toString().getBytes(StandardCharsets.UTF_8), JSON)).build();
    } catch (IllegalArgumentException e) {
      throw new AtlasMcpException(McpErrorCode.REGISTRATION_FAILED,
          "The registration endpoint is not an http(s) URL: \"" + endpoint + "\"", e);
    }
    JsonObject doc = call(REGISTER, request, true, McpErrorCode.REGISTRATION_FAILED, "Dynamic Client Registration", "",
        List.of());
    String clientId = StrictJson.string(doc.get("client_id"));
    if (clientId == null || clientId.isEmpty()) {
      throw new AtlasMcpException(McpErrorCode.REGISTRATION_FAILED, "Dynamic Client Registration returned no client_id");
    }
    return clientId;
  }

  /**
   * POSTs a form to the token endpoint.
   *
   * @param endpoint the token endpoint, already checked by the https rule
   * @param form the fields, in order
   * @param secrets values masked if the server echoes them in an error
   * @return the response's typed fields
   */
  TokenResponse token(String endpoint, Map<String, String> form, List<String> secrets) {
    StringBuilder sb = new StringBuilder();
    form.forEach((k, v) -> {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(UrlRules.formEncode(k)).append('=').append(UrlRules.formEncode(v));
    });
    Request request;
    try {
      request = new Request.Builder().url(endpoint).header("Accept", "application/json")
          .post(RequestBody.create(sb.toString().getBytes(StandardCharsets.UTF_8), FORM)).build();
    } catch (IllegalArgumentException e) {
      throw new AtlasMcpException(McpErrorCode.INVALID_TOKEN_ENDPOINT,
          "The token endpoint is not an http(s) URL: \"" + endpoint + "\"", e);
    }
    String operation = "refresh_token".equals(form.get("grant_type")) ? REFRESH : EXCHANGE;
    JsonObject doc = call(operation, request, false, McpErrorCode.TOKEN_EXCHANGE_FAILED, "Token endpoint", "", secrets);
    String accessToken = StrictJson.string(doc.get("access_token"));
    if (accessToken == null || accessToken.isEmpty()) {
      throw new AtlasMcpException(McpErrorCode.TOKEN_EXCHANGE_FAILED, "Token endpoint returned no access_token");
    }
    return new TokenResponse(accessToken, StrictJson.string(doc.get("refresh_token")),
        StrictJson.string(doc.get("token_type")), StrictJson.number(doc.get("expires_in")),
        StrictJson.string(doc.get("scope")));
  }

  /** Sends the request; a 2xx JSON object is the result, anything else fails with {@code code}. */
  private JsonObject call(String operation, Request request, boolean withCredentials, McpErrorCode code, String what,
      String where, List<String> secrets) {
    return transport.call(operation, request, withCredentials, new McpBridge.Exchange<>() {
      @Override
      public JsonObject read(Response response) {
        try {
          if (!response.isSuccessful()) {
            ErrorDetail d = ErrorDetail.of(response.body(), secrets);
            throw new AtlasMcpException(code, what + " returned " + response.code() + where
                + (d.text().isEmpty() ? "" : ": " + d.text()), response.code(), d.oauthError(), null);
          }
          String text = readText(response.body());
          JsonObject doc = StrictJson.object(text);
          if (doc == null) {
            String type = response.header("Content-Type", "no content type");
            throw new AtlasMcpException(code, what + where + " returned a body that is not a JSON object (" + type + ")",
                response.code(), null, null);
          }
          return doc;
        } catch (IOException e) {
          throw new AtlasMcpException(code, what + " failed" + where + ": " + e, e);
        }
      }

      @Override
      public AtlasException failed(AtlasException failure) {
        String why = failure.info().description().orElse(failure.getMessage());
        return new AtlasMcpException(code, what + " failed" + where + ": " + why, failure);
      }
    });
  }

  /** @return up to 1 MiB of the body as UTF-8 text */
  static String readText(ResponseBody body) throws IOException {
    if (body == null) {
      return "";
    }
    BufferedSource source = body.source();
    source.request(MAX_BODY_BYTES);
    long size = Math.min(source.getBuffer().size(), MAX_BODY_BYTES);
    return source.getBuffer().readString(size, StandardCharsets.UTF_8);
  }
}
