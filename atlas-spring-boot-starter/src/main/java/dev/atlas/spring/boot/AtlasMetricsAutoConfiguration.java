package dev.atlas.spring.boot;

import dev.atlas.client.AtlasListener;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * When the application has a Micrometer {@link MeterRegistry}, registers a listener on the
 * auto-configured client that records {@code atlas.client.calls}, {@code atlas.client.retries},
 * {@code atlas.client.stream.first-event} and {@code atlas.client.stream.duration} (tags in the
 * README). Define a bean named {@code atlasMetricsListener} to replace it.
 */
@AutoConfiguration(before = AtlasAutoConfiguration.class, afterName = {
    "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public class AtlasMetricsAutoConfiguration {
  /** Created by Spring. */
  public AtlasMetricsAutoConfiguration() {}

  /**
   * @param registry the application's meter registry
   * @return the listener that records the client's calls
   */
  @Bean
  @ConditionalOnMissingBean(name = "atlasMetricsListener")
  public AtlasListener atlasMetricsListener(MeterRegistry registry) {
    return new AtlasMetricsListener(registry);
  }
}
