package dev.atlas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlas.client.errors.AtlasAuthenticationException;
import dev.atlas.client.errors.AtlasInvalidRequestException;
import dev.atlas.client.errors.AtlasServerException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Failures that explain themselves: 422 details, a 5xx with a client-side code, the base URL, the audit bound. */
class FailureRulesTest extends WireMockSupport {
  @Test
  void a422NamesEachFieldAndItsProblem() {
    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withStatus(422).withBody("{\"error\":\"validation_error\","
        + "\"message\":\"Invalid request body\",\"details\":[{\"origin\":\"string\",\"code\":\"too_small\",\"minimum\":1,"
        + "\"inclusive\":true,\"path\":[\"question\"],\"message\":\"Too small: expected string to have >=1 characters\"},"
        + "{\"code\":\"invalid_type\",\"path\":[\"options\",\"limit\"],\"message\":\"Expected number\"}]}")));
    assertThatThrownBy(() -> client().query("q")).isInstanceOfSatisfying(AtlasInvalidRequestException.class, e -> {
      assertThat(e.getMessage()).contains("Invalid request body: question: too small (minimum 1); "
          + "options.limit: invalid type");
      assertThat(e.details()).hasSize(2);
    });
  }

  @Test
  void a5xxWithAClientSideCodeIsAServerErrorNotAnAuthenticationError() {
    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withStatus(500).withBody(
        "{\"error\":\"auth_error\",\"message\":\"Authentication service error\",\"requestId\":\"r-1\"}")));
    wm.stubFor(get("/api/health").willReturn(aResponse().withStatus(503).withBody(
        "{\"error\":\"auth_error\",\"message\":\"Authentication service error\",\"retryable\":true}")));
    assertThatThrownBy(() -> client().query("q")).isInstanceOfSatisfying(AtlasServerException.class, e -> {
      assertThat(e.rawCode()).isEqualTo("auth_error");
      assertThat(e.status()).isEqualTo(500);
      assertThat(e.retryable()).as("the code's own flag, as the server sent none").isFalse();
    });
    assertThatThrownBy(() -> client().withOptions(b -> b.maxRetries(1)).health())
        .isInstanceOfSatisfying(AtlasServerException.class, e -> {
          assertThat(e.retryable()).as("the server's flag wins").isTrue();
          assertThat(e.attempts()).isEqualTo(2);
        });
    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withStatus(401).withBody(
        "{\"error\":\"auth_error\",\"message\":\"API key required\"}")));
    assertThatThrownBy(() -> client().query("q")).isInstanceOf(AtlasAuthenticationException.class);
  }

  @Test
  void aBaseUrlEndingInApiV1Works() {
    wm.stubFor(post("/atlas/api/v1/query").willReturn(okJson(ListenerTest.ANSWER)));
    wm.stubFor(post("/api/v1/query").willReturn(okJson(ListenerTest.ANSWER)));
    try (AtlasClient a = builderFor(wm.baseUrl() + "/api/v1").apiKey(API_KEY).build();
        AtlasClient b = builderFor(wm.baseUrl() + "/atlas/api/v1/").apiKey(API_KEY).build()) {
      assertThat(a.query("q").getAnswer()).isEqualTo("42");
      assertThat(b.query("q").getAnswer()).isEqualTo("42");
      assertThat(a.baseUrl()).isEqualTo(wm.baseUrl());
    }
    wm.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/query")));
    wm.verify(1, postRequestedFor(urlPathEqualTo("/atlas/api/v1/query")));
  }

  @Test
  void theAuditLogsLastDayIsIncludedWhole() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/admin/audit")).willReturn(okJson(
        "{\"rows\":[],\"total\":0,\"limit\":50,\"offset\":0}")));
    client().admin().audit(ListAuditLogParams.defaults().withFrom(LocalDate.of(2026, 11, 1))
        .withTo(LocalDate.of(2026, 11, 27)));
    wm.verify(getRequestedFor(urlPathEqualTo("/api/v1/admin/audit"))
        .withQueryParam("from", com.github.tomakehurst.wiremock.client.WireMock.equalTo("2026-11-01"))
        .withQueryParam("to", com.github.tomakehurst.wiremock.client.WireMock.equalTo("2026-11-28")));
  }
}
