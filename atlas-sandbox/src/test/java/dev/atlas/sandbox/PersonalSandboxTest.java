package dev.atlas.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.UpdateMyPreferencesParams;
import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.errors.AtlasNotFoundException;
import dev.atlas.client.retry.RetryPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sessions, me/* and an own agent's workspaces on the sandbox, checked against the spec. */
class PersonalSandboxTest extends SpecCheckedSandboxTest {

  @BeforeAll
  static void start() {
    startSandbox(AtlasSandbox.builder());
  }

  @Test
  void sessionsAreListedAndAnotherDevicesIsRevokedOnce() {
    assertThat(atlas.sessions().list().getSessions()).extracting(s -> s.getId()).contains("sess_current", "sess_laptop");
    assertThat(atlas.sessions().revoke("sess_laptop").getSuccess()).isTrue();
    assertThatThrownBy(() -> atlas.sessions().revoke("sess_laptop")).isInstanceOf(AtlasNotFoundException.class);
    assertThat(atlas.sessions().list().getSessions()).extracting(s -> s.getId()).containsExactly("sess_current");
  }

  @Test
  void meAnswersGroupsPreferencesUsageAndPrompts() {
    assertThat(atlas.me().connectionGroups().getGroups().get(0).getMembers().get(0).getConnectionId()).isEqualTo("default");
    assertThat(atlas.me().preferences().getDefaultLanding()).isEqualTo("chat");
    assertThat(atlas.me().updatePreferences(UpdateMyPreferencesParams.defaults().withDefaultLanding("admin"))
        .getDefaultLanding()).isEqualTo("admin");
    assertThatThrownBy(() -> atlas.me().updatePreferences(UpdateMyPreferencesParams.defaults().clearDefaultLanding()))
        .isInstanceOfSatisfying(AtlasException.class, e -> assertThat(e.rawCode()).isEqualTo("validation_error"));
    assertThat(atlas.me().preferences().getDefaultLanding()).isEqualTo("admin");
    assertThat(atlas.me().mcpUsage().getClients()).isEmpty();
    assertThat(atlas.me().mcpPrompts().getPrompts()).extracting(p -> p.getSource()).containsOnly("builtin");
  }

  @Test
  void aClientTheCallerDoesNotOwnIsNotFoundForItsWorkspaces() {
    assertThatThrownBy(() -> atlas.mcp().workspaces().setScope("kQ3vT8xZ2mN6pR1sW4yB7cE9fH0jL5aD", "multi"))
        .isInstanceOf(AtlasNotFoundException.class);
    assertThatThrownBy(() -> atlas.mcp().workspaces().revoke("kQ3vT8xZ2mN6pR1sW4yB7cE9fH0jL5aD", "org_2"))
        .isInstanceOf(AtlasNotFoundException.class);
  }

  @Test
  void aSimpleKeyServerHasNoSessionsAndFailsOnPreferences() {
    try (AtlasSandbox plain = AtlasSandbox.builder().simpleKeyWithoutOrganization().start();
        AtlasClient c = AtlasClient.builder().baseUrl(plain.baseUrl()).apiKey(plain.apiKey())
            .retryPolicy(RetryPolicy.none()).build()) {
      assertThatThrownBy(() -> c.sessions().list())
          .isInstanceOfSatisfying(AtlasException.class, e -> assertThat(e.rawCode()).isEqualTo("not_available"));
      assertThatThrownBy(() -> c.me().preferences())
          .isInstanceOfSatisfying(AtlasException.class, e -> assertThat(e.status()).isEqualTo(500));
    }
  }
}
