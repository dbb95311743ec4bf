package dev.atlas.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.ListScheduledTasksParams;
import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.errors.AtlasInvalidRequestException;
import dev.atlas.client.errors.AtlasNotFoundException;
import dev.atlas.client.errors.AtlasPermissionException;
import dev.atlas.client.generated.model.CreateScheduledTaskInput;
import dev.atlas.client.retry.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The builder's switches that make the sandbox answer like a real server's narrower configurations;
 * every exchange validated against the spec, refusals included.
 */
class DeploymentTest {
  private final SpecValidatingInterceptor spec = new SpecValidatingInterceptor();

  private AtlasClient client(AtlasSandbox s) {
    return AtlasClient.builder().baseUrl(s.baseUrl()).apiKey(s.apiKey()).retryPolicy(RetryPolicy.none())
        .addNetworkInterceptor(spec).build();
  }

  @AfterEach
  void everyExchangeMatchedTheSpec() {
    assertThat(spec.problems).isEmpty();
  }

  @Test
  void aSimpleKeyWithoutOrganizationIsRefusedTheOrganizationScopedRoutes() {
    try (AtlasSandbox s = AtlasSandbox.builder().simpleKeyWithoutOrganization().start(); AtlasClient atlas = client(s)) {
      for (Runnable call : new Runnable[] {
          () -> atlas.scheduledTasks().list(ListScheduledTasksParams.defaults()),
          () -> atlas.admin().connections(), () -> atlas.admin().testConnection("default"),
          () -> atlas.admin().auditStats()}) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AtlasInvalidRequestException.class, e -> {
          assertThat(e.rawCode()).isEqualTo("bad_request");
          assertThat(e.serverMessage()).contains("No active organization. Set an active org first.");
        });
      }
      assertThatThrownBy(() -> atlas.admin().plugins()).isInstanceOfSatisfying(AtlasPermissionException.class,
          e -> assertThat(e.rawCode()).isEqualTo("forbidden_role"));
      // what needs no organization still works, the rollback route included
      assertThat(atlas.query("How many orders are there?").getAnswer()).contains("2000");
      assertThat(atlas.admin().semantic().entities().getEntities()).isNotEmpty();
      assertThat(atlas.rollbackAction(s.demoActionId()).getStatus().getValue()).isEqualTo("rolled_back");
    }
  }

  @Test
  void withoutActionsTheRollbackRouteIsAPlainTextNotFound() {
    try (AtlasSandbox s = AtlasSandbox.builder().withoutActions().start(); AtlasClient atlas = client(s)) {
      assertThatThrownBy(() -> atlas.rollbackAction(s.demoActionId()))
          .isInstanceOfSatisfying(AtlasNotFoundException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.body()).isEmpty();
            assertThat(e.serverMessage()).isEmpty();
            assertThat(e.getMessage()).contains("text/plain");
          });
      assertThat(atlas.admin().plugins().getPlugins()).isEmpty();
    }
  }

  @Test
  void aNamedConnectionReplacesDefaultEverywhere() {
    try (AtlasSandbox s = AtlasSandbox.builder().connection("warehouse", "analytics").start();
        AtlasClient atlas = client(s)) {
      assertThat(atlas.admin().connections().getConnections()).singleElement()
          .satisfies(c -> assertThat(c.getId()).isEqualTo("warehouse"))
          .satisfies(c -> assertThat(c.getGroupId()).isEqualTo("analytics"));
      assertThat(atlas.admin().testConnection("warehouse").getStatus().getValue()).isEqualTo("healthy");
      assertThatThrownBy(() -> atlas.admin().testConnection("default")).isInstanceOf(AtlasNotFoundException.class);
      CreateScheduledTaskInput task = new CreateScheduledTaskInput().name("n").question("How many orders are there?")
          .cronExpression("* * * * *");
      assertThatThrownBy(() -> atlas.scheduledTasks().create(task.connectionGroupId("default")))
          .isInstanceOfSatisfying(AtlasException.class, e -> assertThat(e.rawCode()).isEqualTo("invalid_connection_group"));
      assertThat(atlas.scheduledTasks().create(task.connectionGroupId("analytics")).getConnectionGroupId())
          .isEqualTo("analytics");
    }
  }
}
