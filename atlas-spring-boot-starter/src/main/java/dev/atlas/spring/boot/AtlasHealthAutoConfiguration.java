package dev.atlas.spring.boot;

import dev.atlas.client.AtlasClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * When the application has Actuator, adds {@code atlas} to its health: the state of the server the
 * {@link AtlasClient} bean (the auto-configured one or yours) talks to, read from its
 * {@code /api/health}. {@code ok} and {@code degraded} are UP (a degraded server's status and
 * warnings are in the details), {@code error} and an unreachable server are DOWN. Turn it off with
 * {@code management.health.atlas.enabled=false}; {@code atlas.health.timeout} bounds each check.
 */
@AutoConfiguration(after = AtlasAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(AtlasClient.class)
@ConditionalOnEnabledHealthIndicator("atlas")
public class AtlasHealthAutoConfiguration {
  /** Created by Spring. */
  public AtlasHealthAutoConfiguration() {}

  /**
   * @param client the client whose server is checked
   * @param properties the {@code atlas.*} properties, for {@code atlas.health.timeout}
   * @return the health contributor named {@code atlas}
   */
  @Bean
  @ConditionalOnMissingBean(name = "atlasHealthIndicator")
  public HealthIndicator atlasHealthIndicator(AtlasClient client, AtlasProperties properties) {
    return new AtlasHealthIndicator(client, properties.getHealth().getTimeout());
  }
}
