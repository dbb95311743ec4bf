package dev.atlas.spring.boot;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.AtlasClientBuilder;
import dev.atlas.client.AtlasListener;
import java.util.List;

/** Builds the client from the properties, naming the property at fault when a value is missing or invalid. */
final class AtlasClientFactory {
  private AtlasClientFactory() {}

  static AtlasClient create(AtlasProperties p, List<AtlasListener> listeners,
      List<AtlasClientBuilderCustomizer> customizers) {
    boolean customized = !customizers.isEmpty();
    if (!customized) { // a customizer may bring what the properties lack; build() still checks then
      if (blank(p.getBaseUrl())) {
        throw AtlasConfigurationException.missingBaseUrl();
      }
      if (blank(p.getApiKey()) && blank(p.getBearerToken()) && !p.isWithoutCredentials()) {
        throw AtlasConfigurationException.missingCredentials();
      }
    }
    AtlasClientBuilder b = AtlasClient.builder();
    if (!blank(p.getBaseUrl())) {
      set("atlas.base-url", () -> b.baseUrl(p.getBaseUrl()));
    }
    if (!blank(p.getApiKey())) {
      set("atlas.api-key", () -> b.apiKey(p.getApiKey()));
    }
    if (!blank(p.getBearerToken())) {
      set("atlas.bearer-token", () -> b.bearerToken(p.getBearerToken()));
    }
    if (p.getApiKeyHeader() != null) {
      b.apiKeyHeader(p.getApiKeyHeader());
    }
    if (p.isWithoutCredentials()) {
      b.withoutCredentials();
    }
    if (p.getConnectTimeout() != null) {
      set("atlas.connect-timeout", () -> b.connectTimeout(p.getConnectTimeout()));
    }
    if (p.getReadTimeout() != null) {
      set("atlas.read-timeout", () -> b.readTimeout(p.getReadTimeout()));
    }
    if (p.getCallTimeout() != null) {
      set("atlas.call-timeout", () -> b.callTimeout(p.getCallTimeout()));
    }
    set("atlas.max-retries", () -> b.maxRetries(p.getMaxRetries()));
    if (p.getLogLevel() != null) {
      b.logLevel(p.getLogLevel());
    }
    if (p.getHttpLogging() != null) {
      b.httpLogging(p.getHttpLogging());
    }
    listeners.forEach(b::addListener);
    customizers.forEach(c -> c.customize(b));
    try {
      return b.build();
    } catch (IllegalStateException e) {
      if (!customized) {
        throw e;
      }
      // the properties and the customizers together still lack a required setting
      String message = String.valueOf(e.getMessage());
      if (message.startsWith("baseUrl")) {
        throw AtlasConfigurationException.missingBaseUrl();
      }
      throw AtlasConfigurationException.missingCredentials();
    }
  }

  private static void set(String property, Runnable setter) {
    try {
      setter.run();
    } catch (IllegalArgumentException e) {
      throw AtlasConfigurationException.invalid(property, e);
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
