package dev.atlas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlas.client.errors.AtlasNotFoundException;
import dev.atlas.client.generated.model.Conversation;
import dev.atlas.client.generated.model.QueryResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link AtlasClient#withRawResponse}: the HTTP answer of any operation, with its result. */
class RawResponseTest extends WireMockSupport {
  @Test
  void aQuerysRawResponseHasStatusHeadersRequestIdBodyAndResult() {
    wm.stubFor(post("/api/v1/query").willReturn(okJson(ListenerTest.ANSWER).withHeader("X-Request-Id", "req-1")
        .withHeader("X-Extra", "a")));
    RawResponse<QueryResponse> r = client().withRawResponse(a -> a.query("q"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.requestId()).contains("req-1");
    assertThat(r.header("x-extra")).contains("a");
    assertThat(r.header("X-EXTRA")).contains("a");
    assertThat(r.headers()).containsKey("Content-Type");
    assertThat(r.bodyText()).contains(ListenerTest.ANSWER);
    assertThat(r.result().getAnswer()).isEqualTo("42");
    assertThat(r.attempts()).isEqualTo(1);
    assertThat(r.toString()).contains("status 200");
  }

  @Test
  void aLargeBodyIsKeptWholeToo() {
    String big = "x".repeat(400_000);
    wm.stubFor(post("/api/v1/query").willReturn(okJson("{\"answer\":\"" + big + "\",\"sql\":[],\"data\":[],\"steps\":1,"
        + "\"usage\":{\"totalTokens\":3}}")));
    RawResponse<QueryResponse> r = client().withRawResponse(a -> a.query("q"));
    assertThat(r.bodyText()).get().asString().hasSizeGreaterThan(400_000);
    assertThat(r.result().getAnswer()).hasSize(400_000);
  }

  @Test
  void aPagedListAndAStreamHaveRawResponsesToo() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations")).willReturn(okJson(
        "{\"conversations\":[],\"total\":0}").withHeader("X-Request-Id", "list-1")));
    RawResponse<Page<Conversation>> list = client().withRawResponse(a -> a.conversations().list());
    assertThat(list.requestId()).contains("list-1");
    assertThat(list.result().items()).isEmpty();

    wm.stubFor(post("/api/v1/chat").willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
        .withHeader("x-run-id", "run-5").withBody(ListenerTest.SSE)));
    RawResponse<AtlasStream> stream = client().withRawResponse(a -> a.streamQuery("q"));
    try (AtlasStream s = stream.result()) {
      assertThat(stream.header("x-run-id")).contains("run-5");
      assertThat(stream.bodyText()).isEmpty();
      assertThat(s.stream().count()).isEqualTo(3);
    }
  }

  @Test
  void anAsyncCallsRawResponseCompletesWithIt() throws Exception {
    wm.stubFor(post("/api/v1/query").willReturn(okJson(ListenerTest.ANSWER).withHeader("X-Request-Id", "async-1")));
    RawResponse<QueryResponse> r = client().withRawResponseAsync(a -> a.queryAsync("q")).get(10, TimeUnit.SECONDS);
    assertThat(r.requestId()).contains("async-1");
    assertThat(r.result().getAnswer()).isEqualTo("42");
  }

  @Test
  void theCaptureIsAValueOfTheGivenClientAndFollowsItIntoAnotherThread() throws Exception {
    wm.stubFor(post("/api/v1/query").willReturn(okJson(ListenerTest.ANSWER).withHeader("X-Request-Id", "elsewhere")));
    RawResponse<QueryResponse> r = client().withRawResponseAsync(a -> java.util.concurrent.CompletableFuture
        .supplyAsync(() -> a.query("q"))).get(10, TimeUnit.SECONDS);
    assertThat(r.requestId()).contains("elsewhere");
    assertThatThrownBy(() -> client().withRawResponse(a -> client().query("q")))
        .as("a call on another client is not captured").isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aFailureIsThrownAsUsualAndAFunctionWithoutACallIsRefused() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations/c-1")).willReturn(aResponse().withStatus(404)
        .withBody("{\"error\":\"not_found\",\"message\":\"nope\",\"requestId\":\"r-9\"}")));
    assertThatThrownBy(() -> client().withRawResponse(a -> a.conversations().get("c-1")))
        .isInstanceOfSatisfying(AtlasNotFoundException.class, e -> assertThat(e.requestId()).contains("r-9"));
    assertThatThrownBy(() -> client().withRawResponse(a -> "no call")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("made no Atlas call");
  }

  @Test
  void theHealthChecks503ReportKeepsItsBodyToo() {
    com.google.gson.JsonObject report = SpecExamples.successExample("getHealth").getAsJsonObject();
    report.addProperty("status", "error");
    wm.stubFor(get("/api/health").willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
        .withBody(report.toString())));
    RawResponse<dev.atlas.client.generated.model.HealthResponse> raw = client().withRawResponse(a -> a.health());
    assertThat(raw.status()).isEqualTo(503);
    assertThat(raw.bodyText()).contains(report.toString());
    assertThat(raw.result().getStatus().getValue()).isEqualTo("error");
  }

  @Test
  void aNestedRawResponseLeavesTheOuterOneItsOwnCall() {
    wm.stubFor(post("/api/v1/query").willReturn(okJson(ListenerTest.ANSWER).withHeader("X-Request-Id", "outer")));
    wm.stubFor(post("/api/v1/validate-sql").willReturn(okJson("{\"valid\":true,\"errors\":[],\"tables\":[]}")
        .withHeader("X-Request-Id", "inner")));
    RawResponse<QueryResponse> outer = client().withRawResponse(a -> {
      RawResponse<?> inner = a.withRawResponse(b -> b.validateSql("SELECT 1"));
      assertThat(inner.requestId()).contains("inner");
      return a.query("q");
    });
    assertThat(outer.requestId()).contains("outer");
  }

  @Test
  void aCallAfterTheFunctionChangesNothingInItsRawResponse() {
    wm.stubFor(post("/api/v1/query").willReturn(okJson(ListenerTest.ANSWER).withHeader("X-Request-Id", "inside")));
    wm.stubFor(post("/api/v1/validate-sql").willReturn(okJson("{\"valid\":true,\"errors\":[],\"tables\":[]}")
        .withHeader("X-Request-Id", "after")));
    RawResponse<QueryResponse> raw = client().withRawResponse(a -> a.query("q"));
    client().validateSql("SELECT 1");
    assertThat(raw.requestId()).contains("inside");
    assertThat(raw.bodyText()).contains(ListenerTest.ANSWER);
  }
}
