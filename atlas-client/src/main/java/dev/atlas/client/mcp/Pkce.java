package dev.atlas.client.mcp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** PKCE (RFC 7636, method S256 only) and the state value: random base64url text without padding. */
final class Pkce {
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private Pkce() {}

  /** @return 32 random bytes as base64url without padding: 43 characters of {@code [A-Za-z0-9_-]} */
  static String randomToken(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return B64URL.encodeToString(bytes);
  }

  /** @return base64url (no padding) of SHA-256 over the verifier's ASCII bytes */
  static String challenge(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return B64URL.encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
