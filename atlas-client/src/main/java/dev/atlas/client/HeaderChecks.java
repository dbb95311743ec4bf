package dev.atlas.client;

import java.util.Objects;

/** Validates header names and values without ever echoing a value (it may be a secret).. */
final class HeaderChecks {
  private HeaderChecks() {}

  /**
   * Checks a header.
   *
   * @param name the name: visible ASCII, no separators that break HTTP/1.1 framing
   * @param value the value: printable ASCII or Latin-1 text and tabs; no CR, LF or other control characters
   * @throws IllegalArgumentException naming the header and the offending position, never the value
   */
  public static void check(String name, String value) {
    Objects.requireNonNull(name, "header name");
    Objects.requireNonNull(value, "value of header " + name);
    if (name.isEmpty()) {
      throw new IllegalArgumentException("Header name is empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= ' ' || c >= 0x7f || c == ':') {
        throw new IllegalArgumentException("Header name contains an invalid character at index " + i);
      }
    }
    checkValue(name, value);
  }

  /**
   * Checks a header value.
   *
   * @param what what the value is, for the message (e.g. "apiKey")
   * @param value the value
   * @throws IllegalArgumentException naming {@code what} and the position, never the value
   */
  public static void checkValue(String what, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < ' ' && c != '\t') || c == 0x7f || c > 0xff) {
        throw new IllegalArgumentException(what + " contains a control or non-Latin-1 character at index " + i
            + " (CR, LF and other control characters are not allowed in HTTP headers)");
      }
    }
  }
}
