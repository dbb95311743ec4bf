package dev.atlas.sandbox;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's authorization server data: registered clients, authorization codes, refresh
 * tokens and stored (opaque) access tokens, and the Ed25519 key that signs access tokens. Guarded
 * by its own monitor: every reader and writer holds {@code synchronized (oauth)}.
 */
final class OAuthState {
  /**
   * A registered client. As on the server, dynamic registration sets no user owner, ever (so the
   * caller's own list never shows it); registered with a signed-in user's credential it belongs to
   * that user's active workspace, without credentials to none.
   */
  static final class Client {
    final String id;
    final String name;
    final List<String> redirectUris;
    final String scope;
    final Instant createdAt;
    Instant updatedAt;
    /** Whether a user owns it: never set by registration or consent, as on the server. */
    boolean owned;
    /** The workspace it belongs to, or null for one registered without credentials. */
    String workspace;
    /** The client's own requests-per-minute limit, or null for the workspace default. */
    Integer rateLimitPerMinute;
    /** Issue times of the opaque access tokens stored for it. */
    final List<Instant> storedAccessTokens = new ArrayList<>();

    Client(String id, String name, List<String> redirectUris, String scope, Instant createdAt) {
      this.id = id;
      this.name = name;
      this.redirectUris = redirectUris;
      this.scope = scope;
      this.createdAt = createdAt;
      this.updatedAt = createdAt;
    }
  }

  /** An issued authorization code. */
  record Code(String clientId, String redirectUri, String challenge, String scope) {}

  /** An issued refresh token. */
  record Refresh(String clientId, String scope, Instant expiresAt) {}

  static final long ACCESS_TTL_SECONDS = 3600;
  static final long REFRESH_TTL_SECONDS = 30L * 24 * 3600;
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
  private static final char[] ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  final Map<String, Client> clients = new LinkedHashMap<>();
  final Map<String, Code> codes = new LinkedHashMap<>();
  final Map<String, Refresh> refreshTokens = new LinkedHashMap<>();
  final String kid;
  private final KeyPair keys;
  private final SecureRandom random = new SecureRandom();

  OAuthState() {
    try {
      this.keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is missing from this JDK", e);
    }
    this.kid = randomId(16);
  }

  /** @return random letters and digits, as the server's ids (32 characters for client ids and opaque tokens) */
  String randomId(int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = ALNUM[random.nextInt(ALNUM.length)];
    }
    return new String(out);
  }

  /** @return the client; unknown ones are null */
  Client client(String id) {
    return clients.get(id);
  }

  /** @return stored access and refresh token rows of the client, and deletes them with the client */
  int revoke(String clientId) {
    Client c = clients.remove(clientId);
    int tokens = c.storedAccessTokens.size();
    List<String> gone = new ArrayList<>();
    refreshTokens.forEach((t, r) -> {
      if (r.clientId().equals(clientId)) {
        gone.add(t);
      }
    });
    gone.forEach(refreshTokens::remove);
    codes.values().removeIf(code -> code.clientId().equals(clientId));
    return tokens + gone.size();
  }

  /** @return whether the client has a live refresh token */
  boolean hasLiveRefresh(String clientId, Instant now) {
    return refreshTokens.values().stream().anyMatch(r -> r.clientId().equals(clientId) && r.expiresAt().isAfter(now));
  }

  /**
   * @param claims the payload
   * @return a compact JWS: header {@code {alg: EdDSA, kid}} (no {@code typ}, as the server), signed with Ed25519
   */
  String sign(JsonObject claims) {
    JsonObject header = new JsonObject();
    header.addProperty("alg", "EdDSA");
    header.addProperty("kid", kid);
    String input = b64(header.toString()) + "." + b64(claims.toString());
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(keys.getPrivate());
      s.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + B64URL.encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot sign with Ed25519", e);
    }
  }

  /** @return the public key as a JSON Web Key ({@code kty OKP}, {@code crv Ed25519}) */
  JsonObject jwk() {
    byte[] spki = keys.getPublic().getEncoded();
    // X.509 SubjectPublicKeyInfo of Ed25519: a fixed 12-byte prefix, then the raw 32-byte key
    byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    JsonObject k = new JsonObject();
    k.addProperty("kty", "OKP");
    k.addProperty("crv", "Ed25519");
    k.addProperty("x", B64URL.encodeToString(raw));
    k.addProperty("kid", kid);
    k.addProperty("alg", "EdDSA");
    k.addProperty("use", "sig");
    return k;
  }

  /** @return whether the token's signature is this sandbox's (for tests of the sandbox itself) */
  boolean verify(String jwt) {
    String[] parts = jwt.split("\\.", -1);
    if (parts.length != 3) {
      return false;
    }
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(keys.getPublic());
      s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      return s.verify(Base64.getUrlDecoder().decode(parts[2]));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private static String b64(String json) {
    return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
