package dev.atlas.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.AtlasListener;
import dev.atlas.client.AtlasStream;
import dev.atlas.client.RequestOptions;
import dev.atlas.client.errors.AtlasNotFoundException;
import dev.atlas.client.errors.AtlasServerException;
import dev.atlas.client.retry.Sleeper;
import dev.atlas.sandbox.AtlasSandbox;
import dev.atlas.sandbox.Fault;
import dev.atlas.sandbox.WithAtlasSandbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Every call of the auto-configured client in Micrometer, against the sandbox over real HTTP. */
@WithAtlasSandbox
class AtlasMetricsTest {
  /** Returns at once: the retry test waits for nothing. */
  static final Sleeper NO_SLEEP = new Sleeper() {
    @Override
    public void sleep(Duration delay) {}

    @Override
    public CompletableFuture<Void> after(Duration delay) {
      return CompletableFuture.completedFuture(null);
    }
  };

  final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(AtlasAutoConfiguration.class, AtlasMetricsAutoConfiguration.class))
      .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
      .withBean(AtlasClientBuilderCustomizer.class, () -> b -> b.sleeper(NO_SLEEP));

  static Timer timer(MeterRegistry registry, String name, String... tags) {
    return registry.get(name).tags(tags).timer();
  }

  @Test
  void aQueryIsTimedWithItsOperationOutcomeAndStatus(AtlasSandbox sandbox) {
    runner.withPropertyValues(AtlasAutoConfigurationTest.pointedAt(sandbox)).run(context -> {
      context.getBean(AtlasClient.class).query("How many orders are there?");
      MeterRegistry registry = context.getBean(MeterRegistry.class);
      Timer calls = timer(registry, "atlas.client.calls", "operation", "query", "outcome", "SUCCESS", "status", "200");
      assertThat(calls.count()).isEqualTo(1);
      assertThat(calls.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
      assertThat(registry.find("atlas.client.retries").counters()).isEmpty();
    });
  }

  @Test
  void aFailedCallIsTimedWithItsOutcomeAndItsRetriesCounted(AtlasSandbox sandbox) {
    runner.withPropertyValues(AtlasAutoConfigurationTest.pointedAt(sandbox, "atlas.max-retries=2")).run(context -> {
      AtlasClient atlas = context.getBean(AtlasClient.class);
      RequestOptions fault = RequestOptions.builder().header(Fault.HEADER, Fault.PROVIDER_ERROR.wireName()).build();
      assertThatThrownBy(() -> atlas.listTables(null, fault)).isInstanceOf(AtlasServerException.class);
      assertThatThrownBy(() -> atlas.conversations().get(java.util.UUID.randomUUID().toString()))
          .isInstanceOf(AtlasNotFoundException.class);
      MeterRegistry registry = context.getBean(MeterRegistry.class);
      assertThat(timer(registry, "atlas.client.calls", "operation", "listTables", "outcome", "SERVER_ERROR",
          "status", "502").count()).isEqualTo(1);
      assertThat(registry.get("atlas.client.retries").tags("operation", "listTables").counter().count()).isEqualTo(2);
      assertThat(registry.get("atlas.client.calls").tags("outcome", "CLIENT_ERROR", "status", "404").timer().count())
          .isEqualTo(1);
    });
  }

  @Test
  void aStreamIsTimedToItsFirstEventAndToItsEnd(AtlasSandbox sandbox) {
    runner.withPropertyValues(AtlasAutoConfigurationTest.pointedAt(sandbox)).run(context -> {
      long events;
      try (AtlasStream stream = context.getBean(AtlasClient.class).streamQuery("How many orders are there?")) {
        events = stream.stream().count();
      }
      assertThat(events).isPositive();
      MeterRegistry registry = context.getBean(MeterRegistry.class);
      Timer opened = registry.get("atlas.client.calls").tags("outcome", "SUCCESS", "status", "200").timer();
      String operation = opened.getId().getTag("operation");
      assertThat(timer(registry, "atlas.client.stream.first-event", "operation", operation).count()).isEqualTo(1);
      assertThat(timer(registry, "atlas.client.stream.duration", "operation", operation, "outcome", "SUCCESS").count())
          .isEqualTo(1);
    });
  }

  @Test
  void aStreamClosedEarlyEndsCancelled(AtlasSandbox sandbox) {
    runner.withPropertyValues(AtlasAutoConfigurationTest.pointedAt(sandbox)).run(context -> {
      try (AtlasStream stream = context.getBean(AtlasClient.class).streamQuery("How many orders are there?")) {
        stream.iterator().next();
      }
      MeterRegistry registry = context.getBean(MeterRegistry.class);
      assertThat(registry.get("atlas.client.stream.duration").tags("outcome", "CANCELLED").timer().count())
          .isEqualTo(1);
    });
  }

  @Test
  void withoutAMeterRegistryNothingIsRecorded(AtlasSandbox sandbox) {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(AtlasAutoConfiguration.class, AtlasMetricsAutoConfiguration.class))
        .withPropertyValues(AtlasAutoConfigurationTest.pointedAt(sandbox))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AtlasListener.class));
  }

  @Test
  void withoutMicrometerTheClientStillStarts(AtlasSandbox sandbox) {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(AtlasAutoConfiguration.class, AtlasMetricsAutoConfiguration.class))
        .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
        .withPropertyValues(AtlasAutoConfigurationTest.pointedAt(sandbox))
        .run(context -> {
          assertThat(context).hasNotFailed().doesNotHaveBean(AtlasListener.class);
          assertThat(context.getBean(AtlasClient.class).health()).isNotNull();
        });
  }
}
