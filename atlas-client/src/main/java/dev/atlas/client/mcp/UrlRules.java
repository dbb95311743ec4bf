package dev.atlas.client.mcp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import okhttp3.HttpUrl;

/** The URL rules of the MCP flow: trailing slashes, the https rule, and the two percent-encodings it uses. */
final class UrlRules {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UrlRules() {}

  /** @return the text without any trailing {@code /} */
  static String stripTrailingSlashes(String url) {
    int end = url.length();
    while (end > 0 && url.charAt(end - 1) == '/') {
      end--;
    }
    return url.substring(0, end);
  }

  /**
   * The https rule: an absolute URL whose scheme is https, or http on 127.0.0.1 or localhost (any
   * port). {@code [::1]}, other http hosts, other schemes and text that is no URL fail.
   *
   * @param url the URL to check
   * @param code the code to fail with
   * @param what what the URL is, for the message
   * @throws AtlasMcpException with {@code code} if the rule fails
   */
  static void requireSecure(String url, McpErrorCode code, String what) {
    HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
    if (parsed == null) {
      throw new AtlasMcpException(code, what + " is not an absolute http(s) URL: \"" + url + "\"");
    }
    String host = parsed.host().toLowerCase(Locale.ROOT);
    boolean ok = parsed.isHttps() || host.equals("127.0.0.1") || host.equals("localhost");
    if (!ok) {
      throw new AtlasMcpException(code, what + " must use https (http is allowed only for 127.0.0.1 and "
          + "localhost): \"" + url + "\"");
    }
  }

  /**
   * JavaScript's {@code encodeURIComponent}: keeps {@code A-Z a-z 0-9 - _ . ! ~ * ' ( )} and
   * percent-encodes the UTF-8 bytes of everything else (a space is {@code %20}, never {@code +}).
   *
   * @param text the text
   * @return the encoded text
   * @throws IllegalArgumentException for a lone surrogate, as JavaScript throws a URIError
   */
  static String encodeComponent(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (Character.isSurrogate(text.charAt(i)) && Character.charCount(cp) == 1) {
        throw new IllegalArgumentException("lone surrogate at index " + i + ": not valid UTF-16 text");
      }
      i += Character.charCount(cp);
      if (cp < 128 && isUnreserved((char) cp)) {
        out.append((char) cp);
        continue;
      }
      for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
      }
    }
    return out.toString();
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || "-_.!~*'()".indexOf(c) >= 0;
  }

  /**
   * The WHATWG {@code application/x-www-form-urlencoded} encoding of one name or value (a space is
   * {@code +}; {@code * - . _} and alphanumerics are kept), which is what {@link URLEncoder} writes.
   */
  static String formEncode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
