package dev.atlas.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlas.client.ApiKeyHeader;
import dev.atlas.client.AtlasClient;
import dev.atlas.client.AtlasListener;
import dev.atlas.client.AtlasLogLevel;
import dev.atlas.client.CallInfo;
import dev.atlas.client.CallResult;
import dev.atlas.client.RequestOptions;
import dev.atlas.client.errors.AtlasServerException;
import dev.atlas.sandbox.AtlasSandbox;
import dev.atlas.sandbox.Fault;
import dev.atlas.sandbox.WithAtlasSandbox;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The client bean: from properties to a working client against the sandbox, and every way that can fail. */
@WithAtlasSandbox
@ExtendWith(OutputCaptureExtension.class)
class AtlasAutoConfigurationTest {
  /** Without the machine's environment variables: an ATLAS_BASE_URL there must not change what is tested. */
  final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withInitializer(context -> context.getEnvironment().getPropertySources()
          .remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME))
      .withConfiguration(AutoConfigurations.of(AtlasAutoConfiguration.class));

  static String[] pointedAt(AtlasSandbox sandbox, String... more) {
    List<String> all = new java.util.ArrayList<>(List.of("atlas.base-url=" + sandbox.baseUrl(),
        "atlas.api-key=" + sandbox.apiKey()));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Test
  void propertiesMakeOneClientThatAnswersOverHttp(AtlasSandbox sandbox) {
    runner.withPropertyValues(pointedAt(sandbox, "atlas.api-key-header=x-api-key", "atlas.read-timeout=30s",
        "atlas.connect-timeout=2s", "atlas.call-timeout=1m", "atlas.log-level=off", "atlas.http-logging=basic"))
        .run(context -> {
          assertThat(context).hasSingleBean(AtlasClient.class);
          AtlasProperties p = context.getBean(AtlasProperties.class);
          assertThat(p.getApiKeyHeader()).isEqualTo(ApiKeyHeader.X_API_KEY);
          assertThat(p.getReadTimeout()).isEqualTo(Duration.ofSeconds(30));
          assertThat(p.getCallTimeout()).isEqualTo(Duration.ofMinutes(1));
          assertThat(p.getLogLevel()).isEqualTo(AtlasLogLevel.OFF);
          AtlasClient atlas = context.getBean(AtlasClient.class);
          assertThat(atlas.baseUrl()).isEqualTo(sandbox.baseUrl());
          assertThat(atlas.query("How many orders are there?").getAnswer()).isNotBlank();
          assertThat(atlas.toString()).contains("X-API-Key").doesNotContain(sandbox.apiKey());
          assertThat(p.toString()).contains(sandbox.baseUrl()).doesNotContain(sandbox.apiKey());
        });
  }

  @Test
  void theSdksEnvironmentVariablesAreRead(AtlasSandbox sandbox) {
    Map<String, Object> env = Map.of("ATLAS_BASE_URL", sandbox.baseUrl(), "ATLAS_API_KEY", sandbox.apiKey());
    runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env)))
        .run(context -> {
          AtlasClient atlas = context.getBean(AtlasClient.class);
          assertThat(atlas.baseUrl()).isEqualTo(sandbox.baseUrl());
          assertThat(atlas.health().getStatus()).isNotNull();
        });
  }

  @Test
  void maxRetriesReachesTheClient(AtlasSandbox sandbox) {
    runner.withPropertyValues(pointedAt(sandbox, "atlas.max-retries=0")).run(context -> {
      AtlasClient atlas = context.getBean(AtlasClient.class);
      int before = sandbox.requestCount();
      RequestOptions fault = RequestOptions.builder().header(Fault.HEADER, Fault.PROVIDER_ERROR.wireName()).build();
      assertThatThrownBy(() -> atlas.listTables(null, fault)).isInstanceOf(AtlasServerException.class);
      assertThat(sandbox.requestCount() - before).as("attempts of a retryable 502").isEqualTo(1);
    });
  }

  @Test
  void aMissingBaseUrlFailsTheStartupNamingTheProperty() {
    runner.withPropertyValues("atlas.api-key=sk-1").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().isInstanceOf(AtlasConfigurationException.class)
          .hasMessageContaining("atlas.base-url");
    });
  }

  @Test
  void aMissingCredentialFailsTheStartupNamingTheProperties(AtlasSandbox sandbox) {
    runner.withPropertyValues("atlas.base-url=" + sandbox.baseUrl(), "atlas.api-key= ").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("atlas.api-key")
          .hasMessageContaining("atlas.bearer-token");
    });
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"authorization", "Authorization", "authorization-bearer",
      "bearer", "AUTHORIZATION_BEARER", "x-api-key", "X-API-Key", "X_API_KEY"})
  void theApiKeyHeaderPropertyTakesTheValuesOfTheEnvironmentVariable(String value) {
    runner.withPropertyValues("atlas.base-url=http://127.0.0.1:1", "atlas.api-key=sk-1", "atlas.api-key-header=" + value)
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(AtlasProperties.class).getApiKeyHeader()).isEqualTo(ApiKeyHeader.parse(value));
        });
  }

  @Test
  void anUnknownApiKeyHeaderFailsTheStartupNamingTheValues() {
    runner.withPropertyValues("atlas.base-url=http://127.0.0.1:1", "atlas.api-key=sk-1", "atlas.api-key-header=cookie")
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("x-api-key")
              .hasMessageContaining("authorization");
        });
  }

  @Test
  void anInvalidValueFailsTheStartupNamingThePropertyAndNeverTheKey() {
    runner.withPropertyValues("atlas.base-url=ftp://atlas.example.com", "atlas.api-key=sk-secret-1").run(context -> {
      assertThat(context).hasFailed();
      assertThat(configurationFailure(context.getStartupFailure()))
          .hasMessageContaining("Invalid value for atlas.base-url").hasMessageContaining("http");
    });
    runner.withPropertyValues("atlas.base-url=http://127.0.0.1:1", "atlas.api-key=sk-secret\n2").run(context -> {
      assertThat(context).hasFailed();
      assertThat(configurationFailure(context.getStartupFailure())).hasMessageContaining("atlas.api-key")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sk-secret"));
    });
  }

  static Throwable configurationFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof AtlasConfigurationException) {
        return t;
      }
    }
    throw new AssertionError("no AtlasConfigurationException in", failure);
  }

  @Test
  void theStartupReportSaysWhatToSet(CapturedOutput output) {
    SpringApplication app = new SpringApplication(AtlasAutoConfiguration.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    app.setEnvironment(environment);
    assertThatThrownBy(() -> app.run("--atlas.api-key=sk-secret-3", "--spring.main.banner-mode=off"))
        .hasRootCauseInstanceOf(AtlasConfigurationException.class);
    assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
        .contains("The Atlas client needs the property atlas.base-url, which is not set.")
        .contains("Set atlas.base-url to your Atlas deployment").doesNotContain("sk-secret-3");
  }

  @Test
  void theApplicationsOwnClientWins(AtlasSandbox sandbox) {
    runner.withUserConfiguration(OwnClient.class).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(AtlasClient.class);
      assertThat(context.getBean(AtlasClient.class)).isSameAs(context.getBean(OwnClient.class).client);
    });
  }

  @Test
  void theClientIsClosedWithTheContext(AtlasSandbox sandbox) {
    AtlasClient[] kept = new AtlasClient[1];
    runner.withPropertyValues(pointedAt(sandbox)).run(context -> {
      kept[0] = context.getBean(AtlasClient.class);
      kept[0].health();
    });
    assertThatThrownBy(() -> kept[0].health()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void listenerBeansHearTheCallsAndCustomizersComplete(AtlasSandbox sandbox) {
    runner.withUserConfiguration(ListenerAndCustomizer.class)
        .withPropertyValues("atlas.api-key=" + sandbox.apiKey(), "test.sandbox-url=" + sandbox.baseUrl())
        .run(context -> {
          context.getBean(AtlasClient.class).health();
          assertThat(context.getBean(ListenerAndCustomizer.class).heard).containsExactly("getHealth SUCCESS");
        });
  }

  @Test
  void theMetadataDocumentsEveryProperty() throws Exception {
    String json;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("generated by spring-boot-configuration-processor").isNotNull();
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (String property : List.of("atlas.base-url", "atlas.api-key", "atlas.bearer-token", "atlas.api-key-header",
        "atlas.connect-timeout", "atlas.read-timeout", "atlas.call-timeout", "atlas.max-retries", "atlas.log-level",
        "atlas.http-logging", "atlas.without-credentials", "atlas.health.timeout", "management.health.atlas.enabled")) {
      assertThat(json).contains("\"name\": \"" + property + "\"");
    }
    assertThat(json).contains("\"description\": \"The Atlas deployment, e.g. https:");
    // the defaults come from the client's constants, which the processor cannot read: the metadata must match them
    assertThat(new AtlasProperties().getConnectTimeout()).isEqualTo(java.time.Duration.ofSeconds(10));
    assertThat(new AtlasProperties().getReadTimeout()).isEqualTo(java.time.Duration.ofSeconds(120));
    assertThat(new AtlasProperties().getMaxRetries()).isEqualTo(2);
    assertThat(json).contains("\"defaultValue\": \"10s\"", "\"defaultValue\": \"120s\"", "\"defaultValue\": 2");
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnClient {
    final AtlasClient client = AtlasClient.builder().baseUrl("http://127.0.0.1:1").apiKey("sk-own").build();

    @Bean
    AtlasClient myAtlas() {
      return client;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class ListenerAndCustomizer {
    final List<String> heard = new CopyOnWriteArrayList<>();

    @Bean
    AtlasListener recorder() {
      return new AtlasListener() {
        @Override
        public void callEnded(CallInfo call, CallResult result) {
          heard.add(call.operation() + " " + result.outcome());
        }
      };
    }

    @Bean
    AtlasClientBuilderCustomizer sandboxUrl(org.springframework.core.env.Environment env) {
      return b -> b.baseUrl(env.getProperty("test.sandbox-url"));
    }
  }
}
