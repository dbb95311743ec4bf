package dev.atlas.spring.boot;

import dev.atlas.client.ApiKeyHeader;
import dev.atlas.client.AtlasClient;
import dev.atlas.client.AtlasListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;

/**
 * Auto-configures one {@link AtlasClient} from the {@code atlas.*} properties ({@link AtlasProperties}),
 * with every {@link AtlasListener} bean registered on it (the Micrometer one among them, see
 * {@link AtlasMetricsAutoConfiguration}) and every {@link AtlasClientBuilderCustomizer} applied.
 * Backs off when the application defines its own {@code AtlasClient}; the client is closed with
 * the application context. A missing {@code atlas.base-url} or credential fails the startup with a
 * report naming the property.
 */
@AutoConfiguration
@EnableConfigurationProperties(AtlasProperties.class)
public class AtlasAutoConfiguration {
  /** Created by Spring. */
  public AtlasAutoConfiguration() {}

  /**
   * Reads {@code atlas.api-key-header} with the client's own parser ({@link ApiKeyHeader#parse}), so
   * that the property takes exactly the values {@code ATLAS_API_KEY_HEADER} takes.
   *
   * @return the converter
   */
  @Bean
  @ConfigurationPropertiesBinding
  public static Converter<String, ApiKeyHeader> atlasApiKeyHeaderConverter() {
    return new ApiKeyHeaderConverter();
  }

  /** A named class, not a lambda: Spring reads the converter's generic types from its class. */
  static final class ApiKeyHeaderConverter implements Converter<String, ApiKeyHeader> {
    @Override
    public ApiKeyHeader convert(String source) {
      return ApiKeyHeader.parse(source);
    }
  }

  /**
   * @param properties the {@code atlas.*} properties
   * @param listeners the application's listeners, in their order
   * @param customizers the application's builder customizers, in their order
   * @return the client, closed with the context
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public AtlasClient atlasClient(AtlasProperties properties, ObjectProvider<AtlasListener> listeners,
      ObjectProvider<AtlasClientBuilderCustomizer> customizers) {
    return AtlasClientFactory.create(properties, listeners.orderedStream().toList(),
        customizers.orderedStream().toList());
  }
}
