package dev.atlas.client.internal;

import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.mcp.AtlasMcp;
import java.time.Clock;
import java.util.Objects;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Not API (see the package): how the MCP onboarding ({@code dev.atlas.client.mcp}) reaches the
 * client's package-private engine, so that its OAuth calls go through the same transport as every
 * API call (HTTP log, listeners, timeouts, transport failure hints). Each side provides its half
 * from its own static initializer, as the JDK's shared-secrets pattern does; a half can be provided
 * once only.
 */
public final class McpBridge {
  private static volatile StandaloneEngine engine;
  private static volatile Onboarding onboarding;

  private McpBridge() {}

  /** One OAuth call made through a client's engine. */
  public interface OAuthTransport {
    /**
     * Sends a request of the OAuth flow. It carries no credential of the client unless
     * {@code withCredentials}, and then only to the client's Atlas origin.
     *
     * @param <T> the result
     * @param operation the name listeners and logs know the call by
     * @param request the request
     * @param withCredentials whether the client's credential (if it holds one) goes with it
     * @param exchange reads the answer, and names a transport failure
     * @return what the exchange read
     * @throws AtlasException what the exchange threw or made of a transport failure
     */
    <T> T call(String operation, Request request, boolean withCredentials, Exchange<T> exchange);
  }

  /**
   * Reads one OAuth call's answer.
   *
   * @param <T> the result
   */
  public interface Exchange<T> {
    /**
     * @param response the answer, any status; closed after this returns
     * @return the result
     * @throws AtlasException when the answer is a failure
     */
    T read(Response response);

    /**
     * @param failure the transport failure (with its hint), from the client's failure rules
     * @return the exception the call fails with
     */
    AtlasException failed(AtlasException failure);
  }

  /** Makes the engine of a standalone onboarding: no Atlas client, no credentials. */
  @FunctionalInterface
  public interface StandaloneEngine {
    /**
     * @param base the OkHttpClient to derive from, or null for a new one
     * @param clock the clock
     * @return the engine's OAuth transport
     */
    OAuthTransport create(OkHttpClient base, Clock clock);
  }

  /** Makes an onboarding bound to a client's engine. */
  @FunctionalInterface
  public interface Onboarding {
    /**
     * @param apiUrl the client's base URL
     * @param clock the client's clock
     * @param transport the client's OAuth transport
     * @return the onboarding
     */
    AtlasMcp create(String apiUrl, Clock clock, OAuthTransport transport);
  }

  /**
   * Called once, by the engine's static initializer.
   *
   * @param e the engine half
   */
  public static synchronized void provide(StandaloneEngine e) {
    if (engine != null) {
      throw new IllegalStateException("already provided");
    }
    engine = Objects.requireNonNull(e, "engine");
  }

  /**
   * Called once, by the onboarding's static initializer.
   *
   * @param o the onboarding half
   */
  public static synchronized void provide(Onboarding o) {
    if (onboarding != null) {
      throw new IllegalStateException("already provided");
    }
    onboarding = Objects.requireNonNull(o, "onboarding");
  }

  /**
   * @param base the OkHttpClient to derive from, or null for a new one
   * @param clock the clock
   * @return the OAuth transport of a new engine with no Atlas client behind it
   */
  public static OAuthTransport standalone(OkHttpClient base, Clock clock) {
    initialize("dev.atlas.client.OAuthCalls");
    return engine.create(base, clock);
  }

  /**
   * @param apiUrl the client's base URL
   * @param clock the client's clock
   * @param transport the client's OAuth transport
   * @return an onboarding whose calls go through it
   */
  public static AtlasMcp bound(String apiUrl, Clock clock, OAuthTransport transport) {
    initialize(AtlasMcp.class.getName());
    return onboarding.create(apiUrl, clock, transport);
  }

  private static void initialize(String className) {
    try {
      Class.forName(className, true, McpBridge.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("The Atlas SDK is incomplete: " + className + " is missing", e);
    }
  }
}
