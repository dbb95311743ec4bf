package dev.atlas.client.mcp;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The query of the redirect that ends the consent: {@code code} and {@code state} on success,
 * {@code error} (and {@code error_description}, {@code error_uri}) when the user or the server
 * refused, and {@code iss} (RFC 9207), which is kept but not checked. {@code toString()} never
 * shows the code. Immutable.
 */
public final class McpCallback {
  private final Map<String, String> params;

  private McpCallback(Map<String, String> params) {
    this.params = params;
  }

  /**
   * @param state the {@code state} query value
   * @param code the {@code code} query value, or null
   * @return the callback of a successful consent
   */
  public static McpCallback of(String state, String code) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("state", state);
    p.put("code", code);
    return new McpCallback(p);
  }

  /**
   * Reads the callback from the URL the browser was sent to.
   *
   * @param callbackUrl the full redirect URL, e.g. {@code http://127.0.0.1:53682/callback?code=...&state=...}
   * @return the callback
   */
  public static McpCallback fromUri(URI callbackUrl) {
    return fromQuery(Objects.requireNonNull(callbackUrl, "callbackUrl").getRawQuery());
  }

  /**
   * Reads the callback from a raw (still encoded) query string; the first value of a repeated name counts.
   *
   * @param rawQuery the query without {@code ?}, or null for none
   * @return the callback
   */
  public static McpCallback fromQuery(String rawQuery) {
    Map<String, String> p = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        String k = decode(eq < 0 ? pair : pair.substring(0, eq));
        String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
        p.putIfAbsent(k, v);
      }
    }
    return new McpCallback(p);
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  /** @return the {@code state} value, if present */
  public Optional<String> state() {
    return Optional.ofNullable(params.get("state"));
  }

  /** @return the authorization code, if present: a one-time secret */
  public Optional<String> code() {
    return Optional.ofNullable(params.get("code")).filter(c -> !c.isEmpty());
  }

  /** @return the OAuth {@code error} (e.g. {@code access_denied}), if the consent failed */
  public Optional<String> error() {
    return Optional.ofNullable(params.get("error")).filter(e -> !e.isEmpty());
  }

  /** @return the {@code error_description}, if sent */
  public Optional<String> errorDescription() {
    return Optional.ofNullable(params.get("error_description"));
  }

  /** @return the {@code error_uri}, if sent */
  public Optional<String> errorUri() {
    return Optional.ofNullable(params.get("error_uri"));
  }

  /** @return the {@code iss} the server added (RFC 9207), if sent; the flow does not check it */
  public Optional<String> issuer() {
    return Optional.ofNullable(params.get("iss"));
  }

  /**
   * The callback's checks, in MCP's order: the state is the connection attempt's, no {@code error=},
   * a code.
   *
   * @param expectedState the state the connection attempt sent
   * @return the authorization code
   * @throws AtlasMcpException {@code callback_state_mismatch}, {@code token_exchange_failed} (the
   *     server's error text in the message) or {@code callback_missing_code}
   */
  String requireCode(String expectedState) {
    if (!expectedState.equals(state().orElse(null))) {
      throw new AtlasMcpException(McpErrorCode.CALLBACK_STATE_MISMATCH,
          "OAuth callback state mismatch: the callback does not belong to this connection attempt");
    }
    requireNoError();
    return code().orElseThrow(() -> new AtlasMcpException(McpErrorCode.CALLBACK_MISSING_CODE,
        "The OAuth callback carries no code"));
  }

  /** @throws AtlasMcpException {@code token_exchange_failed} with the server's error text, when it sent {@code error=} */
  void requireNoError() {
    if (error().isPresent()) {
      throw new AtlasMcpException(McpErrorCode.TOKEN_EXCHANGE_FAILED,
          "The authorization server refused the consent: " + errorText(), 0, error().get(), null);
    }
  }

  /** @return the error with its description and URI joined with ": ", as in exception messages */
  String errorText() {
    StringBuilder sb = new StringBuilder(error().orElse(""));
    errorDescription().ifPresent(d -> sb.append(": ").append(d));
    errorUri().ifPresent(u -> sb.append(": see ").append(u));
    return sb.toString();
  }

  /** @return the state, the error and whether a code is present; never the code */
  @Override
  public String toString() {
    return "McpCallback{state=" + params.get("state") + ", code=" + (code().isPresent() ? "****" : "none")
        + error().map(e -> ", error=" + errorText()).orElse("") + "}";
  }
}
