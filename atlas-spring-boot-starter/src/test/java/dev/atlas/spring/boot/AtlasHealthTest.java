package dev.atlas.spring.boot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.atlas.client.AtlasClient;
import dev.atlas.client.spec.OpenApiSpec;
import dev.atlas.sandbox.AtlasSandbox;
import dev.atlas.sandbox.WithAtlasSandbox;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Atlas in the application's health: the server's report mapped to UP, DOWN or UNKNOWN over real HTTP. */
@WithAtlasSandbox
class AtlasHealthTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
      AutoConfigurations.of(AtlasAutoConfiguration.class, AtlasHealthAutoConfiguration.class));

  static Health check(org.springframework.context.ApplicationContext context) {
    return context.getBean("atlasHealthIndicator", HealthIndicator.class).health();
  }

  /** @return the spec's example report with the given status, datasource check and warning */
  static String report(String status, String datasourceCheck, String warning) {
    JsonObject report = JsonParser.parseString(OpenApiSpec.json()).getAsJsonObject().getAsJsonObject("paths")
        .getAsJsonObject("/api/health").getAsJsonObject("get").getAsJsonObject("responses").getAsJsonObject("200")
        .getAsJsonObject("content").getAsJsonObject("application/json").getAsJsonObject("example").deepCopy();
    report.addProperty("status", status);
    report.addProperty("region", "eu-west-1");
    if (warning != null) {
      report.getAsJsonArray("warnings").add(warning);
    }
    report.getAsJsonObject("checks").getAsJsonObject("datasource").addProperty("status", datasourceCheck);
    report.getAsJsonObject("components").getAsJsonObject("datasource")
        .addProperty("status", datasourceCheck.equals("ok") ? "healthy" : "down");
    return report.toString();
  }

  ApplicationContextRunner pointedAtWireMock() {
    return runner.withPropertyValues("atlas.base-url=" + wm.baseUrl(), "atlas.api-key=sk-wiremock-secret");
  }

  @Test
  void theSandboxIsUpWithItsChecksAsDetailsAndNoSecret(AtlasSandbox sandbox) {
    runner.withPropertyValues(AtlasAutoConfigurationTest.pointedAt(sandbox)).run(context -> {
      Health health = check(context);
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsEntry("status", "ok").containsEntry("url", sandbox.baseUrl())
          .containsKeys("checks", "components");
      @SuppressWarnings("unchecked")
      Map<String, Object> checks = (Map<String, Object>) health.getDetails().get("checks");
      assertThat(checks).containsKeys("datasource", "provider", "semanticLayer", "auth");
      assertThat(checks.get("datasource")).isEqualTo(Map.of("status", "ok", "latencyMs", 4L));
      assertThat(health.getDetails().toString()).doesNotContain(sandbox.apiKey());
    });
  }

  @Test
  void degradedIsUpWithTheServersStatusAndWarnings() {
    wm.stubFor(get("/api/health").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody(report("degraded", "ok", "semantic layer reload pending"))));
    pointedAtWireMock().run(context -> {
      Health health = check(context);
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsEntry("status", "degraded").containsEntry("region", "eu-west-1")
          .containsKey("components");
      assertThat(health.getDetails().get("warnings")).asList().containsExactly("semantic layer reload pending");
    });
  }

  @Test
  void anErrorReportIsDownWithTheFailingCheck() {
    wm.stubFor(get("/api/health").willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
        .withBody(report("error", "error", null))));
    pointedAtWireMock().run(context -> {
      Health health = check(context);
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsEntry("status", "error");
      assertThat(health.getDetails().toString()).contains("datasource={status=error").contains("datasource=down").doesNotContain("sk-wiremock-secret");
    });
  }

  @Test
  void aStatusThisClientDoesNotKnowIsUnknown() {
    wm.stubFor(get("/api/health").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody(report("maintenance", "ok", null))));
    pointedAtWireMock().run(context -> assertThat(check(context).getStatus()).isEqualTo(Status.UNKNOWN));
  }

  @Test
  void aServerWithoutAReportIsDownWithTheError() {
    wm.stubFor(get("/api/health").willReturn(aResponse().withStatus(502).withBody("<html>bad gateway</html>")));
    pointedAtWireMock().run(context -> {
      Health health = check(context);
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat((String) health.getDetails().get("error")).contains("502");
    });
  }

  @Test
  void anUnreachableServerIsDownWithTheConnectionError() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    runner.withPropertyValues("atlas.base-url=http://127.0.0.1:" + closedPort, "atlas.api-key=sk-unreachable-secret")
        .run(context -> {
          Health health = check(context);
          assertThat(health.getStatus()).isEqualTo(Status.DOWN);
          assertThat((String) health.getDetails().get("error")).startsWith("AtlasConnectionException: ")
              .doesNotContain("sk-unreachable-secret");
          assertThat(health.getDetails()).containsEntry("url", "http://127.0.0.1:" + closedPort);
        });
  }

  @Test
  void aPropertyTurnsItOff(AtlasSandbox sandbox) {
    runner.withPropertyValues(AtlasAutoConfigurationTest.pointedAt(sandbox, "management.health.atlas.enabled=false"))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("atlasHealthIndicator"));
  }

  @Test
  void withoutActuatorThereIsNoContributor(AtlasSandbox sandbox) {
    runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
        .withPropertyValues(AtlasAutoConfigurationTest.pointedAt(sandbox))
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(AtlasClient.class)
            .doesNotHaveBean("atlasHealthIndicator"));
  }

  @Test
  void theApplicationsOwnClientIsCheckedToo(AtlasSandbox sandbox) {
    runner.withBean(AtlasClient.class, () -> AtlasClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey())
        .build()).run(context -> assertThat(check(context).getStatus()).isEqualTo(Status.UP));
  }
}
