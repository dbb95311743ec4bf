package dev.atlas.client.mcp;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.ResponseBody;

/**
 * What a non-2xx answer of an OAuth endpoint says, for an exception message: the OAuth fields
 * {@code error}, {@code error_description} and {@code error_uri} joined with ": " (the URI as
 * {@code see <uri>}); for an Atlas envelope without a description ({@code {error, message}}) the
 * message stands in for it; any other body raw, cut to 1024 characters plus "…"; nothing for an
 * empty body. Values the request carried as secrets are masked if the server echoes them.
 *
 * @param text the detail, empty for none
 * @param oauthError the {@code error} value, or null
 */
record ErrorDetail(String text, String oauthError) {
  static ErrorDetail of(ResponseBody body, List<String> secrets) {
    String raw;
    try {
      raw = OAuthWire.readText(body);
    } catch (IOException | RuntimeException e) {
      return new ErrorDetail("<failed to read response body: " + e.getMessage() + ">", null);
    }
    return of(raw, secrets);
  }

  static ErrorDetail of(String raw, List<String> secrets) {
    if (raw.isEmpty()) {
      return new ErrorDetail("", null);
    }
    JsonObject json = StrictJson.object(raw);
    String error = json == null ? null : StrictJson.string(json.get("error"));
    String description = json == null ? null : StrictJson.string(json.get("error_description"));
    String uri = json == null ? null : StrictJson.string(json.get("error_uri"));
    String text;
    if (error != null || description != null || uri != null) {
      if (description == null && error != null) {
        description = StrictJson.string(json.get("message"));
      }
      List<String> parts = new ArrayList<>();
      if (error != null) {
        parts.add(error);
      }
      if (description != null) {
        parts.add(description);
      }
      if (uri != null) {
        parts.add("see " + uri);
      }
      text = String.join(": ", parts);
    } else {
      text = raw.length() > OAuthWire.MAX_DETAIL_CHARS ? raw.substring(0, OAuthWire.MAX_DETAIL_CHARS) + "…" : raw;
    }
    for (String s : secrets) {
      if (s != null && s.length() >= 4) {
        text = text.replace(s, "****");
      }
    }
    return new ErrorDetail(text, error);
  }
}
