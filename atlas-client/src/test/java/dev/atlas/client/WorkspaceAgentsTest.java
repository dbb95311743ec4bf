package dev.atlas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlas.client.errors.AtlasInvalidRequestException;
import dev.atlas.client.errors.AtlasNotFoundException;
import dev.atlas.client.generated.model.ListWorkspaceOAuthClientsResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The workspace's agents ({@code atlas.admin().agents()}) on WireMock: errors, limits, the async forms. */
class WorkspaceAgentsTest extends WireMockSupport {
  private static void answer(int status, String body) {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody(body)));
  }

  @Test
  void aClientOfNoWorkspaceIsNotFoundWithTheServersMessage() {
    answer(404, "{\"error\":\"not_found\",\"message\":\"OAuth client not found in this workspace.\",\"requestId\":\"r-9\"}");
    assertThatThrownBy(() -> client().admin().agents().revoke("kQ3v"))
        .isInstanceOfSatisfying(AtlasNotFoundException.class, e -> {
          assertThat(e.resourceId()).contains("kQ3v");
          assertThat(e.serverMessage()).contains("OAuth client not found in this workspace.");
          assertThat(e.requestId()).contains("r-9");
        })
        .hasMessageContaining("(POST /api/v1/admin/oauth-clients/kQ3v/revoke)");
  }

  @Test
  void aMissingLimitIsTheServers422WithItsDetails() {
    answer(422, "{\"error\":\"validation_error\",\"message\":\"Invalid request body\",\"details\":[{\"code\":"
        + "\"invalid_type\",\"path\":[\"requestsPerMinute\"],\"message\":\"Invalid input\"}]}");
    assertThatThrownBy(() -> client().admin().agents().clearRateLimit("kQ3v"))
        .isInstanceOfSatisfying(AtlasInvalidRequestException.class, e -> assertThat(e.details().get(0).getPath())
            .containsExactly("requestsPerMinute"));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 3601})
  void aLimitOutside1To3600IsRefusedBeforeSending(int limit) {
    assertThatThrownBy(() -> client().admin().agents().setRateLimit("kQ3v", limit))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 3600");
    assertThatThrownBy(() -> client().admin().agents().setRateLimitAsync("kQ3v", limit, RequestOptions.none()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client().admin().agents().revoke("..")).isInstanceOf(IllegalArgumentException.class);
    assertThat(received()).isEmpty();
  }

  @Test
  void theAsyncFormsSendTheSameRequests() throws Exception {
    answer(200, "{\"clients\":[]}");
    ListWorkspaceOAuthClientsResponse list = client().admin().agents().listAsync(RequestOptions.none())
        .get(10, TimeUnit.SECONDS);
    assertThat(list.getClients()).isEmpty();
    answer(200, "{\"success\":true,\"tokensRevoked\":0}");
    assertThat(client().admin().agents().revokeAsync("kQ3v", RequestOptions.none()).get(10, TimeUnit.SECONDS)
        .getSuccess()).isTrue();
    answer(200, "{\"success\":true,\"clientId\":\"kQ3v\",\"rateLimitPerMinute\":3600}");
    assertThat(client().admin().agents().setRateLimitAsync("kQ3v", 3600, RequestOptions.none())
        .get(10, TimeUnit.SECONDS).getRateLimitPerMinute()).isEqualTo(3600);
    answer(200, "{\"success\":true,\"clientId\":\"kQ3v\",\"rateLimitPerMinute\":null}");
    assertThat(client().admin().agents().clearRateLimitAsync("kQ3v", RequestOptions.none())
        .get(10, TimeUnit.SECONDS).getRateLimitPerMinute()).isNull();
    assertThat(received()).extracting(r -> r.getMethod().getName() + " " + r.getUrl() + " " + r.getBodyAsString())
        .containsExactly("GET /api/v1/admin/oauth-clients ", "POST /api/v1/admin/oauth-clients/kQ3v/revoke ",
            "PATCH /api/v1/admin/oauth-clients/kQ3v/rate-limit {\"requestsPerMinute\":3600}",
            "PATCH /api/v1/admin/oauth-clients/kQ3v/rate-limit {\"requestsPerMinute\":null}");
  }
}
