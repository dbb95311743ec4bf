package dev.atlas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.google.gson.JsonParser;
import dev.atlas.client.batch.BatchOptions;
import dev.atlas.client.batch.BatchOutcome;
import dev.atlas.client.batch.BatchProgress;
import dev.atlas.client.errors.AtlasInvalidRequestException;
import dev.atlas.client.errors.AtlasRateLimitException;
import dev.atlas.client.generated.model.QueryResponse;
import dev.atlas.client.retry.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Asynchronous calls and batches over real HTTP. */
class AsyncAndBatchTest extends WireMockSupport {
  static final String OK_QUERY = "{\"answer\":\"%s\",\"sql\":[],\"data\":[],\"steps\":1,\"usage\":{\"totalTokens\":1}}";

  @Test
  void anAsyncCallCompletesWithTheParsedResult() throws Exception {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody(String.format(OK_QUERY, "hi"))));
    assertThat(client().queryAsync("q").get(10, TimeUnit.SECONDS).getAnswer()).isEqualTo("hi");
    assertThat(onlyRequest().getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
  }

  @Test
  void anAsyncFailureIsTheTypedExceptionItself() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"validation_error\",\"message\":\"empty\"}")));
    CompletableFuture<QueryResponse> f = client().queryAsync("q");
    assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(AtlasInvalidRequestException.class);
    assertThatThrownBy(f::join).isInstanceOf(CompletionException.class).cause()
        .isInstanceOf(AtlasInvalidRequestException.class);
  }

  @Test
  void asyncCallsRetryOnTimers() throws Exception {
    RetryTest.sequence(RetryTest.error(503, "provider_unreachable"), RetryTest.json(200, RetryTest.OK_PROMPTS));
    assertThat(client().starterPromptsAsync(null, RequestOptions.defaults()).get(10, TimeUnit.SECONDS).getTotal()).isZero();
    assertThat(received()).hasSize(2);
    assertThat(SLEPT).hasSize(1);
  }

  @Test
  void cancellingTheFutureCancelsTheCall() throws Exception {
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (RawHttpServer server = new RawHttpServer(x -> {
      arrived.countDown();
      release.await(30, TimeUnit.SECONDS);
      x.json(200, String.format(OK_QUERY, "late"));
    })) {
      OkHttpClient http = new OkHttpClient();
      try (AtlasClient c = builderFor(server.baseUrl()).apiKey(API_KEY).httpClient(http).build()) {
        CompletableFuture<QueryResponse> f = c.queryAsync("q");
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(http.dispatcher().runningCallsCount()).isEqualTo(1);
        f.cancel(true);
        for (int i = 0; i < 1000 && http.dispatcher().runningCallsCount() > 0; i++) {
          Thread.sleep(10);
        }
        assertThat(http.dispatcher().runningCallsCount()).as("the HTTP call was cancelled").isZero();
        assertThatThrownBy(f::join).isInstanceOf(CancellationException.class);
      }
    } finally {
      release.countDown();
    }
  }

  @Test
  void aBatchKeepsInputOrderOneOutcomePerItemAndTheConcurrencyBound() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    try (RawHttpServer server = new RawHttpServer(x -> {
      int now = inFlight.incrementAndGet();
      peak.accumulateAndGet(now, Math::max);
      Thread.sleep(50);
      String question = JsonParser.parseString(x.body()).getAsJsonObject().get("question").getAsString();
      // the request ends before its response is written: the client cannot have started the next one
      inFlight.decrementAndGet();
      if (question.equals("q-13")) {
        x.json(422, "{\"error\":\"validation_error\",\"message\":\"bad question\"}");
      } else {
        x.json(200, String.format(OK_QUERY, "answer to " + question));
      }
    }); AtlasClient c = builderFor(server.baseUrl()).apiKey(API_KEY).build()) {
      List<String> questions = IntStream.range(0, 60).mapToObj(i -> "q-" + i).toList();
      List<BatchProgress> progress = new CopyOnWriteArrayList<>();
      List<BatchOutcome<String, QueryResponse>> outcomes = c.queryBatch(questions,
          BatchOptions.defaults().withConcurrency(8).withProgress(progress::add)).get(60, TimeUnit.SECONDS);
      assertThat(outcomes).hasSize(60);
      for (int i = 0; i < 60; i++) {
        BatchOutcome<String, QueryResponse> o = outcomes.get(i);
        assertThat(o.index()).isEqualTo(i);
        assertThat(o.input()).isEqualTo("q-" + i);
        if (i == 13) {
          assertThat(o).isInstanceOfSatisfying(BatchOutcome.Failure.class,
              f -> assertThat(f.error()).isInstanceOf(AtlasInvalidRequestException.class));
        } else {
          assertThat(((BatchOutcome.Success<String, QueryResponse>) o).value().getAnswer()).isEqualTo("answer to q-" + i);
        }
      }
      assertThat(peak.get()).as("peak of in-flight requests at the server").isLessThanOrEqualTo(8).isGreaterThan(1);
      assertThat(progress).hasSize(60);
      assertThat(progress.get(59)).isEqualTo(new BatchProgress(60, 59, 1, 60));
    }
  }

  /** Holds every requested delay until the test releases it. */
  static final class ManualSleeper implements Sleeper {
    final List<Duration> asked = new CopyOnWriteArrayList<>();
    final List<CompletableFuture<Void>> pending = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration delay) {
      throw new AssertionError("a batch never blocks a thread to wait");
    }

    @Override
    public CompletableFuture<Void> after(Duration delay) {
      asked.add(delay);
      CompletableFuture<Void> f = new CompletableFuture<>();
      pending.add(f);
      return f;
    }

    void releaseAll() {
      pending.forEach(f -> f.complete(null));
    }
  }

  @Test
  void aRateLimitPausesTheWholeBatchForTheDelayTheServerAskedFor() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    try (RawHttpServer server = new RawHttpServer(x -> {
      if (requests.incrementAndGet() <= 4) {
        x.json(429, "{\"error\":\"rate_limited\",\"message\":\"slow down\",\"retryAfterSeconds\":3}", "Retry-After: 3");
      } else {
        x.json(200, String.format(OK_QUERY, "ok"));
      }
    })) {
      ManualSleeper sleeper = new ManualSleeper();
      try (AtlasClient c = AtlasClient.builder().baseUrl(server.baseUrl()).apiKey(API_KEY).sleeper(sleeper).build()) {
        CompletableFuture<List<BatchOutcome<String, QueryResponse>>> run = c.queryBatch(
            IntStream.range(0, 10).mapToObj(i -> "q-" + i).toList(), BatchOptions.defaults().withConcurrency(4));
        for (int i = 0; i < 1000 && sleeper.asked.size() < 4; i++) {
          Thread.sleep(10);
        }
        assertThat(sleeper.asked).as("each limited item asked for the server's delay")
            .containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3));
        assertThat(requests).as("nothing new started while paused").hasValue(4);
        assertThat(run).isNotDone();
        sleeper.releaseAll();
        List<BatchOutcome<String, QueryResponse>> outcomes = run.get(30, TimeUnit.SECONDS);
        assertThat(outcomes).allMatch(BatchOutcome::isSuccess);
        assertThat(requests).hasValue(14);
      }
    }
  }

  @Test
  void aBatchWhoseItemsCallADerivedClientWithChangedOptionsStillSharesTheBackOff() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    try (RawHttpServer server = new RawHttpServer(x -> {
      if (requests.incrementAndGet() <= 3) {
        x.json(429, "{\"error\":\"rate_limited\",\"message\":\"slow down\",\"retryAfterSeconds\":2}", "Retry-After: 2");
      } else {
        x.json(200, String.format(OK_QUERY, "ok"));
      }
    })) {
      ManualSleeper sleeper = new ManualSleeper();
      try (AtlasClient c = AtlasClient.builder().baseUrl(server.baseUrl()).apiKey(API_KEY).sleeper(sleeper).build()) {
        AtlasClient derived = c.withOptions(b -> b.readTimeout(Duration.ofSeconds(30)));
        CompletableFuture<List<BatchOutcome<String, QueryResponse>>> run = c.batch(
            IntStream.range(0, 8).mapToObj(i -> "q-" + i).toList(),
            (q, o) -> derived.queryAsync(q, QueryParams.defaults(),
                RequestOptions.builder().from(o).header("X-Item", q).build()),
            BatchOptions.defaults().withConcurrency(3));
        for (int i = 0; i < 1000 && sleeper.asked.size() < 3; i++) {
          Thread.sleep(10);
        }
        assertThat(sleeper.asked).as("each limited item waits through the batch").hasSize(3);
        assertThat(requests).as("nothing new started while paused").hasValue(3);
        assertThat(run).isNotDone();
        sleeper.releaseAll();
        assertThat(run.get(30, TimeUnit.SECONDS)).allMatch(BatchOutcome::isSuccess);
        assertThat(requests).hasValue(11);
      }
    }
  }

  @Test
  void aBatchItemThatStaysRateLimitedFailsWithItsAttempts() throws Exception {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"rate_limited\",\"message\":\"no\"}")));
    List<BatchOutcome<String, QueryResponse>> outcomes = client().queryBatch(List.of("a", "b"),
        BatchOptions.defaults().withConcurrency(1)).get(10, TimeUnit.SECONDS);
    assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(BatchOutcome.Failure.class, f -> {
      assertThat(f.error()).isInstanceOf(AtlasRateLimitException.class);
      assertThat(((AtlasRateLimitException) f.error()).attempts()).isEqualTo(3);
    }));
    assertThat(received()).hasSize(6);
  }

  @Test
  void cancellingABatchCancelsItsCallsAndStartsNoMore() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch twoArrived = new CountDownLatch(2);
    try (RawHttpServer server = new RawHttpServer(x -> {
      requests.incrementAndGet();
      twoArrived.countDown();
      release.await(30, TimeUnit.SECONDS);
      x.json(200, String.format(OK_QUERY, "late"));
    }); AtlasClient c = builderFor(server.baseUrl()).apiKey(API_KEY).build()) {
      var run = c.queryBatch(IntStream.range(0, 20).mapToObj(i -> "q-" + i).toList(),
          BatchOptions.defaults().withConcurrency(2));
      assertThat(twoArrived.await(10, TimeUnit.SECONDS)).isTrue();
      run.cancel(true);
      release.countDown();
      assertThatThrownBy(run::join).isInstanceOf(CancellationException.class);
      Thread.sleep(100);
      assertThat(requests).hasValue(2);
    } finally {
      release.countDown();
    }
  }

  @Test
  void batchedGetsAreRetriedAfterADroppedConnectionAsTheSameCallAlone() throws Exception {
    List<String> ids = IntStream.range(0, 12).mapToObj(i -> String.format("00000000-0000-4000-8000-%012d", i)).toList();
    for (String id : ids) {
      String path = "/api/v1/conversations/" + id;
      wm.stubFor(any(urlEqualTo(path)).inScenario(id).whenScenarioStateIs(Scenario.STARTED)
          .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("reset"));
      wm.stubFor(any(urlEqualTo(path)).inScenario(id).whenScenarioStateIs("reset")
          .willReturn(aResponse().withHeader("Content-Type", "application/json")
              .withBody(OperationsTest.responseBody("getConversation"))));
    }
    var outcomes = client().batch(ids, (id, o) -> client().conversations().getAsync(id, o),
        BatchOptions.defaults().withConcurrency(4)).get(30, TimeUnit.SECONDS);
    assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(BatchOutcome.Success.class));
    assertThat(received()).hasSize(24);
    assertThat(SLEPT).hasSize(12);
  }
}
