package dev.atlas.client.mcp;

import java.util.Objects;
import java.util.Optional;

/**
 * A connection begun by {@link AtlasMcp#beginConnect(ConnectRequest)}: the consent URL to open,
 * and what must be kept until the callback arrives (state, PKCE verifier, client id, redirect URI,
 * token endpoint and issuer). A web backend stores these in the user's session and rebuilds the
 * value with {@link #builder()}. {@code toString()} never shows the verifier. Immutable.
 */
public final class PendingConnect {
  private final String authorizationUrl;
  private final String state;
  private final String codeVerifier;
  private final String clientId;
  private final String redirectUri;
  private final String tokenEndpoint;
  private final String issuer;

  private PendingConnect(Builder b) {
    this.authorizationUrl = b.authorizationUrl;
    this.state = Objects.requireNonNull(b.state, "state");
    this.codeVerifier = Objects.requireNonNull(b.codeVerifier, "codeVerifier");
    this.clientId = Objects.requireNonNull(b.clientId, "clientId");
    this.redirectUri = Objects.requireNonNull(b.redirectUri, "redirectUri");
    this.tokenEndpoint = b.tokenEndpoint;
    this.issuer = b.issuer;
  }

  /** @return a builder, to restore a pending connection from storage */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the consent URL to open in the user's browser; empty for a restored value built without it */
  public Optional<String> authorizationUrl() {
    return Optional.ofNullable(authorizationUrl);
  }

  /** @return the {@code state} the callback must carry back */
  public String state() {
    return state;
  }

  /** @return the PKCE verifier: a secret, keep it server-side */
  public String codeVerifier() {
    return codeVerifier;
  }

  /** @return the client id that dynamic registration issued */
  public String clientId() {
    return clientId;
  }

  /** @return the redirect URI, which the token request repeats */
  public String redirectUri() {
    return redirectUri;
  }

  /** @return the discovered token endpoint; empty if not kept (completeConnect then discovers again) */
  public Optional<String> tokenEndpoint() {
    return Optional.ofNullable(tokenEndpoint);
  }

  /** @return the discovered issuer; empty if not kept (completeConnect then discovers again) */
  public Optional<String> issuer() {
    return Optional.ofNullable(issuer);
  }

  /** @return the client id, redirect URI and issuer; never the verifier */
  @Override
  public String toString() {
    return "PendingConnect{clientId=" + clientId + ", redirectUri=" + redirectUri + ", issuer=" + issuer
        + ", codeVerifier=****}";
  }

  /** Rebuilds a {@link PendingConnect} from stored values. */
  public static final class Builder {
    private String authorizationUrl;
    private String state;
    private String codeVerifier;
    private String clientId;
    private String redirectUri;
    private String tokenEndpoint;
    private String issuer;

    private Builder() {}

    /** @param url the consent URL (optional) @return this */
    public Builder authorizationUrl(String url) {
      this.authorizationUrl = url;
      return this;
    }

    /** @param state the state the flow began with (required) @return this */
    public Builder state(String state) {
      this.state = state;
      return this;
    }

    /** @param codeVerifier the PKCE verifier (required) @return this */
    public Builder codeVerifier(String codeVerifier) {
      this.codeVerifier = codeVerifier;
      return this;
    }

    /** @param clientId the registered client id (required) @return this */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /** @param redirectUri the redirect URI given to beginConnect (required) @return this */
    public Builder redirectUri(String redirectUri) {
      this.redirectUri = redirectUri;
      return this;
    }

    /**
     * @param tokenEndpoint the discovered token endpoint, or null to discover it again; an empty
     *     string is kept and then fails the https rule
     * @return this
     */
    public Builder tokenEndpoint(String tokenEndpoint) {
      this.tokenEndpoint = tokenEndpoint;
      return this;
    }

    /**
     * @param issuer the discovered issuer, or null to discover it again; an empty string is kept
     *     and then fails the issuer check
     * @return this
     */
    public Builder issuer(String issuer) {
      this.issuer = issuer;
      return this;
    }

    /**
     * @return the pending connection
     * @throws NullPointerException if state, codeVerifier, clientId or redirectUri is missing
     */
    public PendingConnect build() {
      return new PendingConnect(this);
    }
  }
}
