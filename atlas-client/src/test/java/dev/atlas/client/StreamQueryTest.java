package dev.atlas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.atlas.client.errors.AtlasConnectionException;
import dev.atlas.client.errors.AtlasErrorCode;
import dev.atlas.client.errors.AtlasInvalidResponseException;
import dev.atlas.client.errors.AtlasRateLimitException;
import dev.atlas.client.errors.AtlasTimeoutException;
import dev.atlas.client.generated.model.AnswerStyle;
import dev.atlas.client.generated.model.ChatMessage;
import dev.atlas.client.generated.model.ChatMessagePart;
import dev.atlas.client.generated.model.ChatRole;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** streamQuery and chat over real HTTP: typed events, headers, errors, faults, cancellation. */
class StreamQueryTest extends WireMockSupport {
  static final String CONV = "6f1c2a4e-8b7d-4c1e-9a3f-2d5e7b9c1a40";

  /** A realistic Atlas run: explore, then executeSQL with rows, then the answer. */
  static final String RUN = String.join("", frames(
      "{\"type\":\"data-context-warning\",\"data\":{\"severity\":\"warning\",\"code\":\"stale_semantic_layer\","
          + "\"title\":\"Semantic layer is 3 days old\",\"requestId\":\"r-1\"},\"transient\":true}",
      "{\"type\":\"start\",\"messageId\":\"msg-1\"}",
      "{\"type\":\"start-step\"}",
      "{\"type\":\"tool-input-start\",\"toolCallId\":\"c1\",\"toolName\":\"explore\"}",
      "{\"type\":\"tool-input-delta\",\"toolCallId\":\"c1\",\"inputTextDelta\":\"{\\\"command\\\":\"}",
      "{\"type\":\"tool-input-available\",\"toolCallId\":\"c1\",\"toolName\":\"explore\",\"input\":{\"command\":\"ls\"}}",
      "{\"type\":\"tool-output-available\",\"toolCallId\":\"c1\",\"output\":\"orders.yml\\ncustomers.yml\"}",
      "{\"type\":\"finish-step\"}",
      "{\"type\":\"start-step\"}",
      "{\"type\":\"tool-input-available\",\"toolCallId\":\"c2\",\"toolName\":\"executeSQL\","
          + "\"input\":{\"sql\":\"SELECT COUNT(*) AS order_count FROM orders\",\"explanation\":\"count\"}}",
      "{\"type\":\"tool-output-available\",\"toolCallId\":\"c2\",\"output\":{\"success\":true,\"explanation\":\"count\","
          + "\"row_count\":1,\"truncated\":false,\"cached\":false,\"executionMs\":12,"
          + "\"columns\":[\"order_count\",\"big\"],\"rows\":[{\"order_count\":\"11621\",\"big\":9007199254740993}]}}",
      "{\"type\":\"finish-step\"}",
      "{\"type\":\"start-step\"}",
      "{\"type\":\"text-start\",\"id\":\"t1\"}",
      "{\"type\":\"text-delta\",\"id\":\"t1\",\"delta\":\"There are \"}",
      "{\"type\":\"text-delta\",\"id\":\"t1\",\"delta\":\"\"}",
      "{\"type\":\"text-delta\",\"id\":\"t1\",\"delta\":\"11,621 orders.\"}",
      "{\"type\":\"text-end\",\"id\":\"t1\"}",
      "{\"type\":\"finish-step\"}",
      "{\"type\":\"finish\",\"finishReason\":\"stop\"}",
      "[DONE]"));

  static List<String> frames(String... data) {
    List<String> out = new ArrayList<>();
    for (String d : data) {
      out.add("data: " + d + "\n\n");
    }
    return out;
  }

  void stubStream(String body) {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
        .withHeader("x-conversation-id", CONV).withHeader("x-run-id", "run-9").withBody(body)));
  }

  static List<StreamEvent> drain(AtlasStream stream) {
    List<StreamEvent> out = new ArrayList<>();
    stream.forEach(out::add);
    return out;
  }

  @Test
  void streamsARealisticRunAsTypedEvents() {
    stubStream(RUN);
    List<StreamEvent> events;
    try (AtlasStream stream = client().streamQuery("How many orders?")) {
      assertThat(stream.conversationId()).contains(CONV);
      assertThat(stream.runId()).contains("run-9");
      events = drain(stream);
    }
    assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly(
        "Warning", "Start", "StepStart", "ToolInputStart", "ToolInputDelta", "ToolCall", "ToolResult", "StepFinish",
        "StepStart", "ToolCall", "ToolResult", "Result", "StepFinish", "StepStart", "PartBoundary", "Text", "Text",
        "PartBoundary", "StepFinish", "Finish");
    assertThat(events.get(0)).isEqualTo(new StreamEvent.Warning("warning", "stale_semantic_layer",
        "Semantic layer is 3 days old", java.util.Optional.empty(), java.util.Optional.of("r-1")));
    StreamEvent.ToolCall sql = (StreamEvent.ToolCall) events.get(9);
    assertThat(sql.name()).isEqualTo("executeSQL");
    assertThat(sql.args().getAsJsonObject().get("sql").getAsString()).startsWith("SELECT COUNT(*)");
    StreamEvent.ToolResult result = (StreamEvent.ToolResult) events.get(10);
    assertThat(result.name()).isEqualTo("executeSQL");
    assertThat(result.result().getAsJsonObject().get("executionMs").getAsInt()).isEqualTo(12);
    StreamEvent.Result rows = (StreamEvent.Result) events.get(11);
    assertThat(rows.columns()).containsExactly("order_count", "big");
    assertThat(rows.rows().get(0).get("order_count")).isEqualTo("11621");
    assertThat(rows.rows().get(0).get("big").toString()).isEqualTo("9007199254740993");
    assertThat(events.stream().filter(e -> e instanceof StreamEvent.Text).map(e -> ((StreamEvent.Text) e).content())
        .collect(Collectors.joining())).isEqualTo("There are 11,621 orders.");
    assertThat(events.get(events.size() - 1)).isEqualTo(new StreamEvent.Finish("stop"));
  }

  @Test
  void sendsTheQuestionAsOneUserMessageWithTheOptions() {
    stubStream(String.join("", frames("{\"type\":\"finish\"}", "[DONE]")));
    try (AtlasStream stream = client().streamQuery("Revenue by region", StreamQueryParams.defaults()
        .withConversationId(CONV).withConnectionId("warehouse").withAnswerStyle(AnswerStyle.EXECUTIVE))) {
      drain(stream);
    }
    LoggedRequest r = onlyRequest();
    assertThat(r.getMethod().getName()).isEqualTo("POST");
    assertThat(r.getUrl()).isEqualTo("/api/v1/chat");
    assertThat(r.getHeader("Accept")).isEqualTo("text/event-stream");
    assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
    JsonObject body = JsonParser.parseString(r.getBodyAsString()).getAsJsonObject();
    assertThat(body.get("conversationId").getAsString()).isEqualTo(CONV);
    assertThat(body.get("connectionId").getAsString()).isEqualTo("warehouse");
    assertThat(body.get("answerStyle").getAsString()).isEqualTo("executive");
    assertThat(body.has("routingMode")).isFalse();
    JsonObject message = body.getAsJsonArray("messages").get(0).getAsJsonObject();
    assertThat(body.getAsJsonArray("messages")).hasSize(1);
    assertThat(message.get("role").getAsString()).isEqualTo("user");
    assertThat(message.get("id").getAsString()).isNotBlank();
    assertThat(message.getAsJsonArray("parts").get(0).getAsJsonObject().get("text").getAsString())
        .isEqualTo("Revenue by region");
  }

  @Test
  void everyFrameKindIsTyped() {
    stubStream(String.join("", frames(
        "{\"type\":\"reasoning-start\",\"id\":\"r1\"}",
        "{\"type\":\"reasoning-delta\",\"id\":\"r1\",\"delta\":\"thinking\"}",
        "{\"type\":\"text-delta\",\"textDelta\":\"legacy\"}",
        "{\"type\":\"tool-input-error\",\"toolCallId\":\"c3\",\"toolName\":\"executeSQL\",\"input\":{},\"errorText\":\"bad\"}",
        "{\"type\":\"tool-output-error\",\"toolCallId\":\"c3\",\"errorText\":\"timeout\"}",
        "{\"type\":\"file\",\"url\":\"https://x/y.png\",\"mediaType\":\"image/png\"}",
        "{\"type\":\"data-python-progress\",\"data\":{\"pct\":50},\"id\":\"p1\"}",
        "{\"type\":\"quantum-entanglement\",\"spin\":\"up\"}",
        "{not json",
        "{\"type\":\"error\",\"errorText\":\"{\\\"error\\\":\\\"provider_rate_limit\\\",\\\"message\\\":\\\"Provider busy\\\","
            + "\\\"retryable\\\":true,\\\"retryAfterSeconds\\\":7,\\\"requestId\\\":\\\"req-5\\\"}\"}",
        "{\"type\":\"error\",\"errorText\":\"Something broke\"}",
        "{\"type\":\"abort\",\"reason\":\"user stop\"}",
        "{\"type\":\"finish\",\"finishReason\":\"a-new-reason\"}")));
    List<StreamEvent> events;
    try (AtlasStream stream = client().streamQuery("q")) {
      events = drain(stream);
    }
    assertThat(events.get(0)).isEqualTo(new StreamEvent.PartBoundary("reasoning-start", "r1"));
    assertThat(events.get(1)).isEqualTo(new StreamEvent.Reasoning("thinking", "r1"));
    assertThat(events.get(2)).isEqualTo(new StreamEvent.Text("legacy", null));
    assertThat(events.get(3)).isInstanceOfSatisfying(StreamEvent.ToolError.class,
        e -> assertThat(e.errorText()).isEqualTo("bad"));
    assertThat(events.get(4)).isEqualTo(new StreamEvent.ToolError("c3", "executeSQL", "timeout", null));
    assertThat(events.get(5)).isEqualTo(new StreamEvent.File("https://x/y.png", "image/png"));
    assertThat(events.get(6)).isInstanceOfSatisfying(StreamEvent.Data.class, d -> {
      assertThat(d.type()).isEqualTo("data-python-progress");
      assertThat(d.data().getAsJsonObject().get("pct").getAsInt()).isEqualTo(50);
      assertThat(d.id()).contains("p1");
    });
    assertThat(events.get(7)).isEqualTo(new StreamEvent.Unknown("quantum-entanglement",
        "{\"type\":\"quantum-entanglement\",\"spin\":\"up\"}"));
    assertThat(events.get(8)).isInstanceOfSatisfying(StreamEvent.ParseError.class,
        e -> assertThat(e.raw()).isEqualTo("{not json"));
    assertThat(events.get(9)).isInstanceOfSatisfying(StreamEvent.Error.class, e -> {
      assertThat(e.code()).isEqualTo(AtlasErrorCode.PROVIDER_RATE_LIMIT);
      assertThat(e.message()).isEqualTo("Provider busy");
      assertThat(e.retryable()).isTrue();
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
      assertThat(e.requestId()).contains("req-5");
      assertThat(e.toException()).isInstanceOf(dev.atlas.client.errors.AtlasServerException.class);
    });
    assertThat(events.get(10)).isInstanceOfSatisfying(StreamEvent.Error.class, e -> {
      assertThat(e.message()).isEqualTo("Something broke");
      assertThat(e.code()).isEqualTo(AtlasErrorCode.UNKNOWN_ERROR);
      assertThat(e.retryable()).isFalse();
    });
    assertThat(events.get(11)).isEqualTo(new StreamEvent.Abort(java.util.Optional.of("user stop")));
    assertThat(events.get(12)).isEqualTo(new StreamEvent.Finish("a-new-reason"));
    assertThat(events).hasSize(13);
  }

  @Test
  void aStreamWithoutDoneEndsNormally() {
    stubStream(String.join("", frames("{\"type\":\"text-delta\",\"delta\":\"hi\"}")));
    try (AtlasStream stream = client().streamQuery("q")) {
      assertThat(drain(stream)).containsExactly(new StreamEvent.Text("hi", null));
      assertThat(stream.isCancelled()).isFalse();
    }
  }

  @Test
  void framesAfterDoneAreNotRead() {
    stubStream(String.join("", frames("{\"type\":\"finish\"}", "[DONE]", "{\"type\":\"text-delta\",\"delta\":\"late\"}")));
    try (AtlasStream stream = client().streamQuery("q")) {
      assertThat(drain(stream)).containsExactly(new StreamEvent.Finish(null));
    }
  }

  @Test
  void trickledChunksAreReassembled() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
        .withBody(RUN).withChunkedDribbleDelay(RUN.length() / 7, 300)));
    try (AtlasStream stream = client().streamQuery("q")) {
      assertThat(drain(stream)).hasSize(20);
    }
  }

  @Test
  void aBodySplitAtEveryByteGivesTheSameEvents() throws IOException {
    List<StreamEvent> whole;
    try (AtlasStream s = AtlasStream.fromBody(new ByteArrayInputStream(RUN.getBytes(StandardCharsets.UTF_8)))) {
      whole = drain(s);
    }
    InputStream oneByteAtATime = new ByteArrayInputStream(RUN.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1));
      }
    };
    try (AtlasStream s = AtlasStream.fromBody(oneByteAtATime)) {
      assertThat(drain(s)).isEqualTo(whole).hasSize(20);
    }
  }

  @Test
  void anErrorBeforeTheStreamIsTheFacadesTypedError() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
        .withHeader("Retry-After", "3")
        .withBody("{\"error\":\"rate_limited\",\"message\":\"Too many\",\"retryable\":true,\"requestId\":\"x\"}")));
    assertThatThrownBy(() -> client().streamQuery("q")).isInstanceOfSatisfying(AtlasRateLimitException.class, e -> {
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
      assertThat(e.path()).contains("/api/v1/chat");
      assertThat(e.attempts()).isEqualTo(3);
    });
    // a 429 means the question did not run: retried before the stream starts, waiting as asked
    assertThat(received()).hasSize(3);
    assertThat(SLEPT).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
  }

  @Test
  void a200ThatIsNotAnEventStreamIsAnInvalidResponse() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><title>Login</title></html>")));
    assertThatThrownBy(() -> client().streamQuery("q")).isInstanceOfSatisfying(AtlasInvalidResponseException.class,
        e -> assertThat(e.getMessage()).contains("text/html").contains("text/event-stream"));
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE",
      "MALFORMED_RESPONSE_CHUNK"})
  void faultsAtTheStartAreTypedErrors(Fault fault) {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withFault(fault)));
    Throwable thrown = null;
    try (AtlasStream stream = client().streamQuery("q")) {
      drain(stream); // MALFORMED_RESPONSE_CHUNK sends a valid head, then a broken chunk
    } catch (RuntimeException e) {
      thrown = e;
    }
    assertThat(thrown).isNotNull();
    if (thrown instanceof AtlasConnectionException e) {
      assertThat(e.retryable()).as("the question may have started to run").isFalse();
      assertThat(e.requestMayHaveReachedServer()).isTrue();
      assertThat(e.status()).isZero();
    } else {
      // these faults come with a head that has no event-stream content type
      assertThat(thrown).isInstanceOf(AtlasInvalidResponseException.class);
      assertThat(fault).isIn(Fault.RANDOM_DATA_THEN_CLOSE, Fault.MALFORMED_RESPONSE_CHUNK);
    }
  }

  @Test
  void aMidStreamResetKeepsEveryDeliveredEventAndThenThrows() throws Exception {
    try (RawHttpServer server = new RawHttpServer(x -> {
      x.startEventStream();
      x.chunk("data: {\"type\":\"text-delta\",\"delta\":\"one \"}\n\n");
      x.chunk("data: {\"type\":\"text-delta\",\"delta\":\"two\"}\n\ndata: {\"type\":\"text-del");
      x.reset();
    }); AtlasClient c = builderFor(server.baseUrl()).apiKey(API_KEY).build();
        AtlasStream stream = c.streamQuery("q")) {
      List<StreamEvent> seen = new ArrayList<>();
      assertThatThrownBy(() -> stream.forEach(seen::add)).isInstanceOfSatisfying(AtlasConnectionException.class, e -> {
        assertThat(e.getMessage()).contains("Stream interrupted:");
        assertThat(e.code()).isEqualTo(AtlasErrorCode.NETWORK_ERROR);
        assertThat(e.retryable()).as("the question has run in part").isFalse();
      });
      assertThat(seen).containsExactly(new StreamEvent.Text("one ", null), new StreamEvent.Text("two", null));
    }
  }

  @Test
  void garbageMidStreamKeepsDeliveredEvents() throws Exception {
    try (RawHttpServer server = new RawHttpServer(x -> {
      x.startEventStream();
      x.chunk("data: {\"type\":\"text-delta\",\"delta\":\"ok\"}\n\n");
      x.out.write("zz-not-a-chunk-size\r\n\u0001\u0002garbage".getBytes(StandardCharsets.ISO_8859_1));
      x.out.flush();
      x.socket.close();
    }); AtlasClient c = builderFor(server.baseUrl()).apiKey(API_KEY).build();
        AtlasStream stream = c.streamQuery("q")) {
      List<StreamEvent> seen = new ArrayList<>();
      assertThatThrownBy(() -> stream.forEach(seen::add)).isInstanceOf(AtlasConnectionException.class)
          .hasMessageContaining("Stream interrupted:");
      assertThat(seen).containsExactly(new StreamEvent.Text("ok", null));
    }
  }

  @Test
  void aStallLongerThanTheReadTimeoutEndsTheStream() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (RawHttpServer server = new RawHttpServer(x -> {
      x.startEventStream();
      x.chunk("data: {\"type\":\"text-delta\",\"delta\":\"a\"}\n\n");
      release.await(30, TimeUnit.SECONDS);
    }); AtlasClient c = builderFor(server.baseUrl()).apiKey(API_KEY)
        .readTimeout(Duration.ofMillis(300)).build(); AtlasStream stream = c.streamQuery("q")) {
      List<StreamEvent> seen = new ArrayList<>();
      assertThatThrownBy(() -> stream.forEach(seen::add)).isInstanceOf(AtlasTimeoutException.class)
          .hasMessageContaining("Stream interrupted:");
      assertThat(seen).hasSize(1);
    } finally {
      release.countDown();
    }
  }

  @Test
  void eachEventArrivesBeforeTheNextFrameIsWritten() throws Exception {
    int frames = 25;
    CountDownLatch[] seen = new CountDownLatch[frames];
    for (int i = 0; i < frames; i++) {
      seen[i] = new CountDownLatch(1);
    }
    AtomicReference<String> serverProblem = new AtomicReference<>();
    try (RawHttpServer server = new RawHttpServer(x -> {
      x.startEventStream();
      for (int i = 0; i < frames; i++) {
        // alternate line endings, including a CR as the last byte written
        String end = i % 3 == 0 ? "\n\n" : i % 3 == 1 ? "\r\n\r\n" : "\r\r";
        x.chunk("data: {\"type\":\"text-delta\",\"delta\":\"" + i + "\"}" + end);
        if (!seen[i].await(20, TimeUnit.SECONDS)) {
          serverProblem.set("the client did not see frame " + i + " before the next was written");
          return;
        }
      }
      x.chunk("data: [DONE]\n\n");
      x.end();
    }); AtlasClient c = builderFor(server.baseUrl()).apiKey(API_KEY).build();
        AtlasStream stream = c.streamQuery("q")) {
      int i = 0;
      for (StreamEvent e : stream) {
        assertThat(e).isEqualTo(new StreamEvent.Text(String.valueOf(i), null));
        seen[i++].countDown();
      }
      assertThat(i).isEqualTo(frames);
    }
    assertThat(serverProblem.get()).isNull();
  }

  @Test
  void closeFromAnotherThreadEndsABlockedIteration() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (RawHttpServer server = new RawHttpServer(x -> {
      x.startEventStream();
      x.chunk("data: {\"type\":\"text-delta\",\"delta\":\"first\"}\n\n");
      release.await(30, TimeUnit.SECONDS);
    }); AtlasClient c = builderFor(server.baseUrl()).apiKey(API_KEY).build()) {
      AtlasStream stream = c.streamQuery("q");
      List<StreamEvent> seen = new ArrayList<>();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      CountDownLatch gotFirst = new CountDownLatch(1);
      Thread reader = new Thread(() -> {
        try {
          for (StreamEvent e : stream) {
            seen.add(e);
            gotFirst.countDown();
          }
        } catch (Throwable t) {
          failure.set(t);
        }
      });
      reader.start();
      assertThat(gotFirst.await(20, TimeUnit.SECONDS)).isTrue();
      stream.close();
      stream.close();
      reader.join(20_000);
      assertThat(reader.isAlive()).as("the reader is unblocked").isFalse();
      assertThat(failure.get()).isNull();
      assertThat(seen).containsExactly(new StreamEvent.Text("first", null));
      assertThat(stream.isCancelled()).isTrue();
    } finally {
      release.countDown();
    }
  }

  @Test
  void breakingOutOfALoopLeaksNoConnection() {
    stubStream(RUN);
    okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
    AtlasClient c = builder().apiKey(API_KEY).httpClient(http).build();
    for (int i = 0; i < 20; i++) {
      // detached: this test counts connections; the stop a closed stream sends is RunsTest's
      try (AtlasStream stream = c.streamQuery("q", StreamQueryParams.defaults().withDetached(true))) {
        for (StreamEvent e : stream) {
          if (e instanceof StreamEvent.ToolCall) {
            break;
          }
        }
      }
    }
    assertThat(http.connectionPool().connectionCount() - http.connectionPool().idleConnectionCount())
        .as("connections still in use").isZero();
    assertThat(http.connectionPool().connectionCount()).as("connections kept").isLessThanOrEqualTo(1);
    c.close();
    assertThat(received()).hasSize(20);
  }

  @Test
  void aFrameOverTheMaximumIsAnInvalidResponse() {
    stubStream("data: {\"type\":\"text-delta\",\"delta\":\"ok\"}\n\ndata: {\"type\":\"text-delta\",\"delta\":\""
        + "x".repeat(5000) + "\"}\n\n");
    try (AtlasStream stream = client().streamQuery("q", StreamQueryParams.defaults().withMaxEventBytes(1024))) {
      List<StreamEvent> seen = new ArrayList<>();
      assertThatThrownBy(() -> stream.forEach(seen::add)).isInstanceOf(AtlasInvalidResponseException.class)
          .hasMessageContaining("1024");
      assertThat(seen).hasSize(1);
    }
  }

  @Test
  void theEventsAreAJavaStreamThatClosesTheHttpCall() {
    stubStream(RUN);
    String text;
    try (var events = client().streamQuery("q").stream()) {
      text = events.filter(e -> e instanceof StreamEvent.Text).map(e -> ((StreamEvent.Text) e).content())
          .collect(Collectors.joining());
    }
    assertThat(text).isEqualTo("There are 11,621 orders.");
  }

  @Test
  void chatReturnsTheRawResponseAndItsEvents() throws IOException {
    stubStream(RUN);
    ChatMessage m = new ChatMessage().id("msg-1").role(ChatRole.USER)
        .addPartsItem(new ChatMessagePart().type("text").text("How many orders?"));
    try (ChatResponse raw = client().chat(List.of(m))) {
      assertThat(raw.status()).isEqualTo(200);
      assertThat(raw.contentType()).contains("text/event-stream");
      assertThat(raw.conversationId()).contains(CONV);
      assertThat(raw.headers()).containsKey("X-RUN-ID");
      assertThat(new String(raw.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(RUN);
    }
    try (ChatResponse raw = client().chat(List.of(m)); AtlasStream events = raw.events()) {
      assertThat(drain(events)).hasSize(20);
    }
    JsonObject sent = JsonParser.parseString(received().get(0).getBodyAsString()).getAsJsonObject();
    assertThat(sent.getAsJsonArray("messages").get(0).getAsJsonObject().get("id").getAsString()).isEqualTo("msg-1");
  }

  @Test
  void anIteratorIsHandedOutOnce() {
    stubStream(RUN);
    try (AtlasStream stream = client().streamQuery("q")) {
      stream.iterator();
      assertThatThrownBy(stream::iterator).isInstanceOf(IllegalStateException.class);
    }
  }
}
