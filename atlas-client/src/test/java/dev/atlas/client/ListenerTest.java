package dev.atlas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.errors.AtlasNotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What an {@link AtlasListener} hears, over real HTTP. */
class ListenerTest extends WireMockSupport {
  static final String ANSWER = "{\"answer\":\"42\",\"sql\":[],\"data\":[],\"steps\":1,\"usage\":{\"totalTokens\":3}}";
  static final String SSE = "data: {\"type\":\"start\"}\n\ndata: {\"type\":\"text-delta\",\"id\":\"t\",\"delta\":\"hi\"}\n\n"
      + "data: {\"type\":\"finish\"}\n\ndata: [DONE]\n\n";

  /** Records every notification as a line, in order. */
  static final class Recorder implements AtlasListener {
    final List<String> heard = new CopyOnWriteArrayList<>();
    final List<CallResult> results = new CopyOnWriteArrayList<>();
    final List<StreamResult> streams = new CopyOnWriteArrayList<>();
    final List<CallInfo> calls = new CopyOnWriteArrayList<>();

    @Override
    public void callStarted(CallInfo call) {
      calls.add(call);
      heard.add("start " + call.operation() + " " + call.method() + " " + call.path() + (call.isStream() ? " stream" : ""));
    }

    @Override
    public void retrying(CallInfo call, int attempt, AtlasException failure, Duration delay) {
      heard.add("retry " + call.operation() + " after attempt " + attempt + " (" + failure.status() + ")");
    }

    @Override
    public void callEnded(CallInfo call, CallResult result) {
      results.add(result);
      heard.add("end " + call.operation() + " " + result.outcome() + " " + result.status().orElse(0) + " x"
          + result.attempts());
    }

    @Override
    public void streamFirstEvent(CallInfo call, Duration sinceStart) {
      heard.add("first event " + call.operation());
    }

    @Override
    public void streamEnded(CallInfo call, StreamResult result) {
      streams.add(result);
      heard.add("stream end " + call.operation() + " " + result.outcome() + " " + result.events());
    }
  }

  @Test
  void aCallIsHeardFromStartToEndWithItsOperationStatusAndRequestId() {
    wm.stubFor(post("/api/v1/query").willReturn(okJson(ANSWER).withHeader("X-Request-Id", "req-7")));
    Recorder r = new Recorder();
    try (AtlasClient c = builder().apiKey(API_KEY).addListener(r).build()) {
      c.query("q");
    }
    assertThat(r.heard).containsExactly("start query POST /api/v1/query", "end query SUCCESS 200 x1");
    assertThat(r.results.get(0).requestId()).contains("req-7");
    assertThat(r.results.get(0).error()).isEmpty();
    assertThat(r.results.get(0).duration()).isPositive();
  }

  @Test
  void eachRetryIsHeardAndTheEndCountsTheAttempts() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations")).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503).withBody("{\"error\":\"internal_error\",\"message\":\"x\",\"retryable\":true}"))
        .willSetStateTo("ok"));
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations")).inScenario("s").whenScenarioStateIs("ok")
        .willReturn(okJson("{\"conversations\":[],\"total\":0}")));
    Recorder r = new Recorder();
    try (AtlasClient c = builder().apiKey(API_KEY).addListener(r).build()) {
      c.conversations().list();
    }
    assertThat(r.heard).containsExactly("start listConversations GET /api/v1/conversations",
        "retry listConversations after attempt 1 (503)", "end listConversations SUCCESS 200 x2");
  }

  @Test
  void aFailureIsHeardWithItsOutcomeAndError() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations/c-9")).willReturn(aResponse().withStatus(404)
        .withBody("{\"error\":\"not_found\",\"message\":\"Conversation not found\",\"requestId\":\"r-404\"}")));
    Recorder r = new Recorder();
    try (AtlasClient c = builder().apiKey(API_KEY).addListener(r).build()) {
      assertThatThrownBy(() -> c.conversations().get("c-9")).isInstanceOf(AtlasNotFoundException.class);
    }
    assertThat(r.heard).containsExactly("start getConversation GET /api/v1/conversations/c-9",
        "end getConversation CLIENT_ERROR 404 x1");
    CallResult end = r.results.get(0);
    assertThat(end.error()).get().isInstanceOf(AtlasNotFoundException.class);
    assertThat(end.requestId()).contains("r-404");
  }

  @Test
  void aStreamIsHeardOpeningThenAtItsFirstEventAndAtItsEnd() {
    wm.stubFor(post("/api/v1/chat").willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(SSE)));
    Recorder r = new Recorder();
    try (AtlasClient c = builder().apiKey(API_KEY).addListener(r).build(); AtlasStream s = c.streamQuery("q")) {
      assertThat(r.heard).containsExactly("start chat POST /api/v1/chat stream", "end chat SUCCESS 200 x1");
      s.forEach(e -> { });
    }
    assertThat(r.heard).containsExactly("start chat POST /api/v1/chat stream", "end chat SUCCESS 200 x1",
        "first event chat", "stream end chat SUCCESS 3");
    assertThat(r.streams.get(0).duration()).isGreaterThanOrEqualTo(r.results.get(0).duration());
  }

  @Test
  void aStreamAnsweredWithoutAnEventStreamIsHeardAsAnInvalidResponse() {
    wm.stubFor(post("/api/v1/chat").willReturn(okJson("{\"not\":\"a stream\"}")));
    Recorder r = new Recorder();
    try (AtlasClient c = builder().apiKey(API_KEY).addListener(r).build()) {
      assertThatThrownBy(() -> c.streamQuery("q"))
          .isInstanceOf(dev.atlas.client.errors.AtlasInvalidResponseException.class);
    }
    assertThat(r.heard).containsExactly("start chat POST /api/v1/chat stream", "end chat INVALID_RESPONSE 200 x1",
        "stream end chat INVALID_RESPONSE 0");
    assertThat(r.results.get(0).error()).isPresent();
    assertThat(r.streams.get(0).error()).isPresent();
  }

  @Test
  void aStreamClosedEarlyIsHeardAsCancelledOnce() {
    wm.stubFor(post("/api/v1/chat").willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(SSE)));
    Recorder r = new Recorder();
    try (AtlasClient c = builder().apiKey(API_KEY).addListener(r).build()) {
      AtlasStream s = c.streamQuery("q");
      s.iterator().next();
      s.close();
      s.close();
    }
    assertThat(r.heard).endsWith("first event chat", "stream end chat CANCELLED 1");
  }

  @Test
  void anAsyncCallIsHeardAndACancelledOneEndsAsCancelled() throws Exception {
    wm.stubFor(post("/api/v1/query").willReturn(okJson(ANSWER)));
    wm.stubFor(get("/api/health").willReturn(okJson("{\"conversations\":[],\"total\":0}").withFixedDelay(5_000)));
    Recorder r = new Recorder();
    try (AtlasClient c = builder().apiKey(API_KEY).addListener(r).build()) {
      c.queryAsync("q").get(10, TimeUnit.SECONDS);
      CompletableFuture<?> slow = c.healthAsync(null);
      slow.cancel(true);
      assertThatThrownBy(slow::join).isInstanceOf(CancellationException.class);
    }
    assertThat(r.heard).containsExactly("start query POST /api/v1/query", "end query SUCCESS 200 x1",
        "start getHealth GET /api/health", "end getHealth CANCELLED 0 x1");
  }

  @Test
  void aListenerThatThrowsNeverFailsTheCallAndOthersStillHear() {
    wm.stubFor(post("/api/v1/query").willReturn(okJson(ANSWER)));
    Recorder r = new Recorder();
    AtlasListener broken = new AtlasListener() {
      @Override
      public void callStarted(CallInfo call) {
        throw new IllegalStateException("boom");
      }

      @Override
      public void callEnded(CallInfo call, CallResult result) {
        throw new IllegalStateException("boom");
      }
    };
    try (AtlasClient c = builder().apiKey(API_KEY).addListener(broken).addListener(r).build()) {
      assertThat(c.query("q").getAnswer()).isEqualTo("42");
    }
    assertThat(r.heard).containsExactly("start query POST /api/v1/query", "end query SUCCESS 200 x1");
  }

  @Test
  void eachCallHasItsOwnInfoSoItCanKeyAMap() {
    wm.stubFor(post("/api/v1/query").willReturn(okJson(ANSWER)));
    Recorder r = new Recorder();
    try (AtlasClient c = builder().apiKey(API_KEY).addListener(r).build()) {
      c.query("a");
      c.query("b");
    }
    assertThat(r.calls).hasSize(2);
    assertThat(r.calls.get(0)).isNotSameAs(r.calls.get(1)).isNotEqualTo(r.calls.get(1));
  }
}
