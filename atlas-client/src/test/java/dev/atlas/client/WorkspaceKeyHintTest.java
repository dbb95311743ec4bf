package dev.atlas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.errors.AtlasServerException;
import org.junit.jupiter.api.Test;

/**
 * A managed-mode workspace key (sent in {@code X-API-Key}) allows about ten requests a day; once
 * spent, the server answers 500 {@code auth_error} "Authentication service error" and hides why.
 * The exception's message adds that hint, and only then.
 */
class WorkspaceKeyHintTest extends WireMockSupport {
  private static final String SPENT = "{\"error\":\"auth_error\",\"message\":\"Authentication service error\","
      + "\"requestId\":\"r-1\"}";

  private static void answer(int status, String body) {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody(body)));
  }

  private static AtlasException failure(AtlasClient c) {
    try {
      c.conversations().list(ListConversationsParams.defaults(), RequestOptions.builder().maxRetries(0).build());
    } catch (AtlasException e) {
      return e;
    }
    throw new AssertionError("no failure");
  }

  @Test
  void a5xxAuthErrorAnsweringAnXApiKeyNamesTheSpentWorkspaceKey() {
    answer(500, SPENT);
    try (AtlasClient c = builder().apiKey(API_KEY).apiKeyHeader(ApiKeyHeader.X_API_KEY).build()) {
      AtlasException e = failure(c);
      assertThat(e).isInstanceOf(AtlasServerException.class);
      assertThat(e.serverMessage()).contains("Authentication service error"); // the server's words, as sent
      assertThat(e.info().hint()).contains(ErrorMapper.WORKSPACE_KEY_HINT);
      assertThat(e.getMessage()).startsWith("[500 auth_error] Authentication service error - the key was sent as "
          + "X-API-Key: a managed-mode workspace key allows about ten requests a day")
          .contains("(GET /api/v1/conversations)").doesNotContain(API_KEY);
    }
  }

  @Test
  void noHintForABearerCredentialOrAnotherAnswer() {
    answer(500, SPENT);
    assertThat(failure(client()).info().hint()).as("the key went as Bearer").isEmpty();
    try (AtlasClient c = builder().apiKey(API_KEY).apiKeyHeader(ApiKeyHeader.X_API_KEY).build()) {
      answer(401, "{\"error\":\"auth_error\",\"message\":\"Invalid API key\"}");
      assertThat(failure(c).getMessage()).doesNotContain("ten requests");
      answer(500, "{\"error\":\"internal_error\",\"message\":\"boom\"}");
      assertThat(failure(c).getMessage()).doesNotContain("ten requests");
    }
    assertThatThrownBy(() -> client().health()).isInstanceOf(AtlasException.class);
  }
}
