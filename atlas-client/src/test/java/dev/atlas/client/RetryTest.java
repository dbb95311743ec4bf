package dev.atlas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.atlas.client.errors.AtlasConnectionException;
import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.errors.AtlasRateLimitException;
import dev.atlas.client.errors.AtlasServerException;
import dev.atlas.client.retry.RetryPolicy;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The retry policy over real HTTP, with a sleeper that records instead of sleeping. */
class RetryTest extends WireMockSupport {
  static final String OK_QUERY = "{\"answer\":\"ok\",\"sql\":[],\"data\":[],\"steps\":1,\"usage\":{\"totalTokens\":1}}";
  static final String OK_PROMPTS = "{\"prompts\":[],\"total\":0}";

  /** A client without jitter, so computed backoffs are exact. */
  AtlasClient exact() {
    return builder().apiKey(API_KEY).retryPolicy(RetryPolicy.builder().jitter(false).build()).build();
  }

  /** Answers with each response in turn, then keeps answering with the last. */
  static void sequence(ResponseDefinitionBuilder... responses) {
    String state = Scenario.STARTED;
    for (int i = 0; i < responses.length; i++) {
      String next = i == responses.length - 1 ? state : "step-" + (i + 1);
      wm.stubFor(any(anyUrl()).inScenario("seq").whenScenarioStateIs(state).willReturn(responses[i])
          .willSetStateTo(next));
      state = next;
    }
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  static ResponseDefinitionBuilder error(int status, String code) {
    return json(status, "{\"error\":\"" + code + "\",\"message\":\"m\"}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Retry-After seconds        | 7                             |                                 | 7000",
      "Retry-After HTTP-date      | Sun, 22 Nov 2026 08:00:30 GMT |                                 | 30000",
      "body retryAfterSeconds     |                               | ,\"retryAfterSeconds\":2.5      | 2500",
      "server delay above the cap | 600                           |                                 | 60000",
      "huge body delay, capped    |                               | ,\"retryAfterSeconds\":1e300    | 60000"})
  void a429IsRetriedAfterTheDelayTheServerAskedFor(String name, String header, String bodyExtra, long waitMillis) {
    var limited = json(429, "{\"error\":\"rate_limited\",\"message\":\"slow down\"" + (bodyExtra == null ? "" : bodyExtra)
        + "}");
    if (header != null) {
      limited.withHeader("Retry-After", header);
    }
    sequence(limited, json(200, OK_QUERY));
    Clock clock = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);
    try (AtlasClient c = builder().apiKey(API_KEY).clock(clock).build()) {
      assertThat(c.query("q").getAnswer()).isEqualTo("ok");
    }
    assertThat(received()).hasSize(2);
    assertThat(SLEPT).containsExactly(Duration.ofMillis(waitMillis));
  }

  @Test
  void a5xxOnAGetIsRetriedWithExponentialBackoff() {
    sequence(error(503, "provider_unreachable"), error(500, "internal_error"), json(200, OK_PROMPTS));
    try (AtlasClient c = exact()) {
      assertThat(c.starterPrompts().getTotal()).isZero();
    }
    assertThat(received()).hasSize(3);
    assertThat(SLEPT).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @Test
  void jitterTakesOffAtMostHalf() {
    wm.stubFor(any(anyUrl()).willReturn(error(500, "internal_error")));
    try (AtlasClient c = builder().apiKey(API_KEY).maxRetries(4).build()) {
      assertThatThrownBy(c::starterPrompts).isInstanceOf(AtlasServerException.class);
    }
    assertThat(SLEPT).hasSize(4);
    long[] base = {500, 1000, 2000, 4000};
    for (int i = 0; i < 4; i++) {
      assertThat(SLEPT.get(i).toMillis()).isBetween(base[i] / 2, base[i]);
    }
  }

  @Test
  void a5xxOnAQueryIsNotRetried() {
    sequence(error(500, "internal_error"), json(200, OK_QUERY));
    assertThatThrownBy(() -> client().query("q")).isInstanceOfSatisfying(AtlasServerException.class, e -> {
      assertThat(e.retryable()).isTrue();
      assertThat(e.attempts()).isEqualTo(1);
    });
    assertThat(received()).hasSize(1);
    assertThat(SLEPT).isEmpty();
  }

  @Test
  void aQueryCanOptInToFullRetries() {
    sequence(error(502, "provider_error"), json(200, OK_QUERY));
    var opts = RequestOptions.builder().retryUnsafe(true).build();
    assertThat(client().query("q", QueryParams.defaults(), opts).getAnswer()).isEqualTo("ok");
    assertThat(received()).hasSize(2);
  }

  @Test
  void readOnlyPostsAreRetriedLikeGets() {
    sequence(error(503, "provider_unreachable"), json(200, "{\"valid\":true,\"errors\":[],\"tables\":[\"users\"]}"));
    assertThat(client().validateSql("SELECT 1").getValid()).isTrue();
    assertThat(received()).hasSize(2);
  }

  @Test
  void aFailureToConnectIsRetriedEvenForAQuery() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    try (AtlasClient c = builderFor("http://127.0.0.1:" + port).apiKey(API_KEY).build()) {
      assertThatThrownBy(() -> c.query("q")).isInstanceOfSatisfying(AtlasConnectionException.class, e -> {
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(e.getSuppressed()).hasSize(2).allMatch(s -> s instanceof AtlasConnectionException);
        assertThat(e.getMessage()).contains("after 3 attempts");
      });
    }
    assertThat(SLEPT).hasSize(2);
  }

  @Test
  void aResetAfterTheRequestWasSentIsNotRetriedForAQuery() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThatThrownBy(() -> client().query("q")).isInstanceOfSatisfying(AtlasConnectionException.class,
        e -> assertThat(e.attempts()).isEqualTo(1));
    assertThat(received()).as("OkHttp's own silent retry is off too").hasSize(1);
  }

  @Test
  void aResetOnAGetIsRetriedAndOkHttpDoesNotAddItsOwnRetries() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThatThrownBy(() -> client().conversations().list()).isInstanceOfSatisfying(AtlasConnectionException.class,
        e -> assertThat(e.attempts()).isEqualTo(3));
    assertThat(received()).hasSize(3);
  }

  @Test
  void exhaustedRetriesLeaveTheLastErrorWithTheAttemptCount() {
    sequence(error(503, "provider_unreachable"), error(502, "provider_error"), error(504, "provider_timeout"));
    assertThatThrownBy(() -> client().admin().overview()).isInstanceOfSatisfying(AtlasServerException.class, e -> {
      assertThat(e.rawCode()).isEqualTo("provider_timeout");
      assertThat(e.status()).isEqualTo(504);
      assertThat(e.attempts()).isEqualTo(3);
      assertThat(e.getSuppressed()).extracting(t -> ((AtlasException) t).rawCode())
          .containsExactly("provider_unreachable", "provider_error");
    });
  }

  @Test
  void nonRetryableErrorsAreNotRetried() {
    wm.stubFor(any(anyUrl()).willReturn(error(429, "plan_limit_exceeded")));
    assertThatThrownBy(() -> client().conversations().list()).isInstanceOfSatisfying(AtlasRateLimitException.class,
        e -> assertThat(e.attempts()).isEqualTo(1));
    assertThat(received()).hasSize(1);
  }

  @Test
  void maxRetriesIsConfigurablePerClientAndPerCall() {
    wm.stubFor(any(anyUrl()).willReturn(error(503, "provider_unreachable")));
    try (AtlasClient c = builder().apiKey(API_KEY).maxRetries(5).build()) {
      assertThatThrownBy(c::starterPrompts).isInstanceOfSatisfying(AtlasServerException.class,
          e -> assertThat(e.attempts()).isEqualTo(6));
      assertThatThrownBy(() -> c.starterPrompts(null, RequestOptions.builder().maxRetries(0).build()))
          .isInstanceOfSatisfying(AtlasServerException.class, e -> assertThat(e.attempts()).isEqualTo(1));
    }
    try (AtlasClient none = builder().apiKey(API_KEY).retryPolicy(RetryPolicy.none()).build()) {
      assertThatThrownBy(none::starterPrompts).isInstanceOfSatisfying(AtlasServerException.class,
          e -> assertThat(e.attempts()).isEqualTo(1));
    }
    assertThat(received()).hasSize(6 + 1 + 1);
  }

  @Test
  void anInterruptStopsRetrying() {
    wm.stubFor(any(anyUrl()).willReturn(error(503, "provider_unreachable")));
    try (AtlasClient c = builder().apiKey(API_KEY).sleeper(d -> {
      throw new InterruptedException();
    }).build()) {
      assertThatThrownBy(c::starterPrompts).isInstanceOfSatisfying(AtlasServerException.class,
          e -> assertThat(e.attempts()).isEqualTo(1));
      assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
    }
  }

  @Test
  void theRetriedRequestIsTheSameRequest() {
    sequence(error(503, "provider_unreachable"), json(200, "{\"id\":\"6f1c2a4e-8b7d-4c1e-9a3f-2d5e7b9c1a40\","
        + "\"starred\":true}"));
    client().conversations().star("6f1c2a4e-8b7d-4c1e-9a3f-2d5e7b9c1a40");
    List<String> bodies = received().stream().map(r -> r.getBodyAsString()).toList();
    assertThat(bodies).containsExactly("{\"starred\":true}", "{\"starred\":true}");
    Consumer<Integer> sameAuth = i -> assertThat(received().get(i).getHeader("Authorization"))
        .isEqualTo("Bearer " + API_KEY);
    sameAuth.accept(0);
    sameAuth.accept(1);
  }
}
