package dev.atlas.spring.boot;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.AtlasListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

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
