package dev.atlas.spring.boot;

import dev.atlas.client.ApiKeyHeader;
import dev.atlas.client.AtlasClientBuilder;
import dev.atlas.client.AtlasLogLevel;
import dev.atlas.client.HttpLogLevel;
import dev.atlas.client.retry.RetryPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code atlas.*} settings the starter builds its {@link dev.atlas.client.AtlasClient} from.
 * Only {@code atlas.base-url} and a credential ({@code atlas.api-key} or {@code atlas.bearer-token})
 * are required; everything else has the client's defaults. {@link #toString()} never shows a
 * credential.
 */
@ConfigurationProperties("atlas")
public class AtlasProperties {
  /**
   * The Atlas deployment, e.g. https://atlas.example.com (a trailing /api/v1 is accepted and
   * dropped). Required.
   */
  private String baseUrl;

  /** API key (simple-key or managed-mode workspace key). Wins over atlas.bearer-token when both are set. */
  private String apiKey;

  /** Bearer token (managed session token or BYOT JWT), used when no atlas.api-key is set. */
  private String bearerToken;

  /**
   * Header that carries the API key: authorization (the default; also written authorization-bearer
   * or bearer), or x-api-key for managed-mode workspace keys. The values of ATLAS_API_KEY_HEADER.
   */
  private ApiKeyHeader apiKeyHeader = ApiKeyHeader.AUTHORIZATION_BEARER;

  /** Send no credentials, for a server in auth mode "none". */
  private boolean withoutCredentials;

  /** How long to wait for a TCP/TLS connection; 0 means no limit. */
  private Duration connectTimeout = AtlasClientBuilder.DEFAULT_CONNECT_TIMEOUT;

  /** Longest silence between two reads of a response (for a stream, between events); 0 means no limit. */
  private Duration readTimeout = AtlasClientBuilder.DEFAULT_READ_TIMEOUT;

  /** Limit for a whole call, from connect to the last byte (for a stream: the whole stream). Unset: no limit. */
  private Duration callTimeout;

  /** How many times a failed call is retried (0 disables retries). */
  private int maxRetries = RetryPolicy.defaults().maxRetries();

  /**
   * What the client logs to the logger dev.atlas.client: off, info (a line per call and per retry)
   * or debug (headers and bodies too, credentials redacted). Unset: the ATLAS_LOG environment
   * variable decides.
   */
  private AtlasLogLevel logLevel;

  /**
   * HTTP traffic logged by OkHttp's logging interceptor to the logger dev.atlas.client.http at
   * DEBUG, credentials redacted: none, basic, headers or body. Unset: none.
   */
  private HttpLogLevel httpLogging;

  private final Health health = new Health();

  /** @return the Atlas deployment's URL, or null when unset */
  public String getBaseUrl() {
    return baseUrl;
  }

  /** @param baseUrl the Atlas deployment's URL */
  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** @return the API key, or null */
  public String getApiKey() {
    return apiKey;
  }

  /** @param apiKey the API key */
  public void setApiKey(String apiKey) {
    this.apiKey = apiKey;
  }

  /** @return the bearer token, or null */
  public String getBearerToken() {
    return bearerToken;
  }

  /** @param bearerToken the bearer token */
  public void setBearerToken(String bearerToken) {
    this.bearerToken = bearerToken;
  }

  /** @return the header that carries the API key */
  public ApiKeyHeader getApiKeyHeader() {
    return apiKeyHeader;
  }

  /** @param apiKeyHeader the header that carries the API key */
  public void setApiKeyHeader(ApiKeyHeader apiKeyHeader) {
    this.apiKeyHeader = apiKeyHeader;
  }

  /** @return whether no credentials are sent */
  public boolean isWithoutCredentials() {
    return withoutCredentials;
  }

  /** @param withoutCredentials whether to send no credentials */
  public void setWithoutCredentials(boolean withoutCredentials) {
    this.withoutCredentials = withoutCredentials;
  }

  /** @return the connect timeout */
  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  /** @param connectTimeout the connect timeout */
  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  /** @return the read timeout */
  public Duration getReadTimeout() {
    return readTimeout;
  }

  /** @param readTimeout the read timeout */
  public void setReadTimeout(Duration readTimeout) {
    this.readTimeout = readTimeout;
  }

  /** @return the whole-call timeout, or null for none */
  public Duration getCallTimeout() {
    return callTimeout;
  }

  /** @param callTimeout the whole-call timeout */
  public void setCallTimeout(Duration callTimeout) {
    this.callTimeout = callTimeout;
  }

  /** @return the retries after a failed first attempt */
  public int getMaxRetries() {
    return maxRetries;
  }

  /** @param maxRetries the retries after a failed first attempt */
  public void setMaxRetries(int maxRetries) {
    this.maxRetries = maxRetries;
  }

  /** @return what the client logs, or null to let ATLAS_LOG decide */
  public AtlasLogLevel getLogLevel() {
    return logLevel;
  }

  /** @param logLevel what the client logs */
  public void setLogLevel(AtlasLogLevel logLevel) {
    this.logLevel = logLevel;
  }

  /** @return how much HTTP traffic is logged, or null for none */
  public HttpLogLevel getHttpLogging() {
    return httpLogging;
  }

  /** @param httpLogging how much HTTP traffic is logged */
  public void setHttpLogging(HttpLogLevel httpLogging) {
    this.httpLogging = httpLogging;
  }

  /** @return the health contributor's settings */
  public Health getHealth() {
    return health;
  }

  /** @return the settings, credentials masked */
  @Override
  public String toString() {
    return "AtlasProperties{baseUrl=" + baseUrl + ", apiKey=" + mask(apiKey) + ", bearerToken=" + mask(bearerToken)
        + ", apiKeyHeader=" + apiKeyHeader + ", withoutCredentials=" + withoutCredentials + ", connectTimeout="
        + connectTimeout + ", readTimeout=" + readTimeout + ", callTimeout=" + callTimeout + ", maxRetries="
        + maxRetries + ", logLevel=" + logLevel + ", httpLogging=" + httpLogging + ", health.timeout="
        + health.timeout + "}";
  }

  private static String mask(String secret) {
    return secret == null || secret.isBlank() ? "(unset)" : "****";
  }

  /** Settings of the Actuator health contributor (turn it off with management.health.atlas.enabled=false). */
  public static class Health {
    /** The longest a health check waits for the server's /api/health (never retried). */
    private Duration timeout = Duration.ofSeconds(5);

    /** @return the health check's timeout */
    public Duration getTimeout() {
      return timeout;
    }

    /** @param timeout the health check's timeout */
    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }
  }
}
