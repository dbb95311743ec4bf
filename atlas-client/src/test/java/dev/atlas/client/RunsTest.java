package dev.atlas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.atlas.client.errors.AtlasConflictException;
import dev.atlas.client.errors.AtlasErrorCode;
import dev.atlas.client.errors.AtlasNotFoundException;
import dev.atlas.client.generated.model.AgentRunStatus;
import dev.atlas.client.generated.model.RunStatusResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Run status, resume and stop ({@code atlas.runs()}) on WireMock, and the stop a cancelled stream sends. */
class RunsTest extends WireMockSupport {
  static final String CONV = "6f1c2a4e-8b7d-4c1e-9a3f-2d5e7b9c1a40";
  static final String RUN = "5b1d7e3a-9c2f-4a6e-8d4b-2f7a9c1e3b50";
  static final String STOP_PATH = "/api/v1/chat/runs/" + RUN + "/stop";
  static final String SSE = "data: {\"type\":\"start\",\"messageId\":\"m2\"}\n\n"
      + "data: {\"type\":\"text-delta\",\"id\":\"t1\",\"delta\":\"The rest \"}\n\n"
      + "data: {\"type\":\"text-delta\",\"id\":\"t1\",\"delta\":\"of it.\"}\n\n"
      + "data: {\"type\":\"finish\",\"finishReason\":\"stop\"}\n\ndata: [DONE]\n\n";

  private static void answer(int status, String body) {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody(body)));
  }

  private static void stream(String path) {
    wm.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/event-stream").withHeader("x-conversation-id", CONV)
        .withHeader("x-run-id", RUN).withBody(SSE)));
    wm.stubFor(post(urlPathEqualTo(STOP_PATH)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"stopped\":true}")));
  }

  /** Waits (bounded) for the asynchronous stop a closed stream sends. */
  private static List<LoggedRequest> stopsSent(int expected) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    List<LoggedRequest> stops = wm.findAll(postRequestedFor(urlPathEqualTo(STOP_PATH)));
    while (stops.size() < expected && System.nanoTime() < deadline) {
      Thread.sleep(20);
      stops = wm.findAll(postRequestedFor(urlPathEqualTo(STOP_PATH)));
    }
    return stops;
  }

  @Test
  void statusIsTypedAndAnUnknownStateKeepsItsText() {
    answer(200, "{\"status\":\"running\",\"runId\":\"" + RUN + "\",\"parkedReason\":null}");
    RunStatusResponse r = client().runs().status(CONV);
    assertThat(onlyRequest().getUrl()).isEqualTo("/api/v1/chat/" + CONV + "/run-status");
    assertThat(r.getStatus()).isEqualTo(AgentRunStatus.RUNNING);
    assertThat(r.getRunId()).isEqualTo(RUN);
    wm.resetAll();
    answer(200, "{\"status\":\"hibernating\"}");
    RunStatusResponse later = client().runs().statusAsync(CONV, RequestOptions.defaults()).join();
    assertThat(later.getStatus()).isEqualTo(AgentRunStatus.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(later.getAdditionalProperties()).containsEntry("status", "hibernating");
  }

  @Test
  void resumeStreamsTypedEventsWithTheRunIdFromItsHeaders() {
    stream("/api/v1/chat/" + CONV + "/resume");
    List<StreamEvent> events = new ArrayList<>();
    try (AtlasStream s = client().runs().resume(CONV)) {
      assertThat(s.runId()).contains(RUN);
      assertThat(s.conversationId()).contains(CONV);
      s.forEach(events::add);
    }
    assertThat(events).first().isInstanceOf(StreamEvent.Start.class);
    assertThat(events).contains(new StreamEvent.Text("of it.", "t1"), new StreamEvent.Finish("stop"));
    LoggedRequest req = onlyRequest();
    assertThat(req.getUrl()).isEqualTo("/api/v1/chat/" + CONV + "/resume");
    assertThat(req.getHeader("Accept")).isEqualTo("text/event-stream");
    assertThat(req.getBodyAsString()).isEmpty();
  }

  @Test
  void resumeRefusalsAreTyped() {
    answer(409, "{\"error\":\"resume_in_progress\",\"message\":\"Another resume\",\"retryable\":true,\"requestId\":\"r\"}");
    assertThatThrownBy(() -> client().runs().resume(CONV, ResumeRunParams.defaults(),
        RequestOptions.builder().maxRetries(0).build()))
        .isInstanceOfSatisfying(AtlasConflictException.class, e -> {
          assertThat(e.code()).isEqualTo(AtlasErrorCode.RESUME_IN_PROGRESS);
          assertThat(e.retryable()).isTrue();
        });
    wm.resetAll();
    answer(404, "{\"error\":\"nothing_to_resume\",\"message\":\"No run\",\"retryable\":false,\"requestId\":\"r\"}");
    assertThatThrownBy(() -> client().runs().resume(CONV)).isInstanceOfSatisfying(AtlasNotFoundException.class,
        e -> assertThat(e.code()).isEqualTo(AtlasErrorCode.NOTHING_TO_RESUME));
  }

  @Test
  void stopSendsThePostAndReadsStopped() {
    answer(200, "{\"stopped\":true}");
    assertThat(client().runs().stop(RUN).getStopped()).isTrue();
    LoggedRequest req = onlyRequest();
    assertThat(req.getMethod().getName()).isEqualTo("POST");
    assertThat(req.getUrl()).isEqualTo(STOP_PATH);
    assertThat(client().runs().stopAsync(RUN, RequestOptions.defaults()).join().getStopped()).isTrue();
  }

  @Test
  void closingAStreamBeforeItsEndStopsTheRun() throws Exception {
    stream("/api/v1/chat");
    try (AtlasStream s = client().streamQuery("Revenue by region")) {
      Iterator<StreamEvent> it = s.iterator();
      assertThat(it.next()).isInstanceOf(StreamEvent.Start.class);
    }
    assertThat(stopsSent(1)).hasSize(1);
  }

  @Test
  void aDetachedStreamLeavesTheRunGoingAndAFinishedStreamSendsNothing() throws Exception {
    stream("/api/v1/chat");
    try (AtlasStream s = client().streamQuery("Revenue by region", StreamQueryParams.defaults().withDetached(true))) {
      s.iterator().next();
    }
    try (AtlasStream s = client().streamQuery("Revenue by region")) {
      s.iterator().next();
      s.detach();
    }
    try (AtlasStream s = client().streamQuery("Revenue by region")) {
      s.forEach(e -> { });
    }
    // a stop for a fourth, attached stream proves the earlier ones would have arrived by now
    try (AtlasStream s = client().streamQuery("Revenue by region")) {
      s.iterator().next();
    }
    assertThat(stopsSent(1)).hasSize(1);
    assertThat(wm.findAll(postRequestedFor(urlPathEqualTo("/api/v1/chat")))).hasSize(4);
  }

  @Test
  void aFailedStopIsLoggedNotThrownAndTheRawChatOffersTheSameStop() throws Exception {
    wm.stubFor(post(urlPathEqualTo("/api/v1/chat")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/event-stream").withHeader("x-run-id", RUN).withBody(SSE)));
    wm.stubFor(post(urlPathEqualTo(STOP_PATH)).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"not_found\",\"message\":\"gone\"}")));
    AtlasStream s = client().streamQuery("Revenue by region");
    s.iterator().next();
    s.close(); // the 404 is logged only
    assertThat(stopsSent(1)).hasSize(1);
    try (ChatResponse raw = client().chat(List.of(new dev.atlas.client.generated.model.ChatMessage().id("m1")
        .role(dev.atlas.client.generated.model.ChatRole.USER).addPartsItem(
            new dev.atlas.client.generated.model.ChatMessagePart().type("text").text("Revenue?"))))) {
      raw.stopRun().join();
    }
    assertThat(stopsSent(2)).hasSize(2);
  }
}
