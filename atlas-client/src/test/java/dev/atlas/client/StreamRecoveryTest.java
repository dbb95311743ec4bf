package dev.atlas.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.atlas.client.errors.AtlasConnectionException;
import dev.atlas.client.errors.AtlasErrorCode;
import dev.atlas.client.errors.AtlasServerException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A stream whose connection is reset mid-way (a raw server sends a few frames, then a TCP RST),
 * with {@link StreamRecovery} on: the run is followed through its status and the conversation.
 */
class StreamRecoveryTest extends WireMockSupport {
  static final String CONV = "6f1c2a4e-8b7d-4c1e-9a3f-2d5e7b9c1a40";
  static final String RUN = "5b1d7e3a-9c2f-4a6e-8d4b-2f7a9c1e3b50";
  static final String QUESTION = "What was last month's revenue?";

  /** The conversation as saved: the question and, when given, the answer. */
  static String conversation(String answer) {
    JsonObject c = SpecExamples.successExample("getConversation").getAsJsonObject();
    JsonArray messages = c.getAsJsonArray("messages");
    if (answer != null) {
      JsonObject a = messages.get(0).getAsJsonObject().deepCopy();
      a.addProperty("role", "assistant");
      JsonArray content = new JsonArray();
      JsonObject part = new JsonObject();
      part.addProperty("type", "text");
      part.addProperty("text", answer);
      content.add(part);
      a.add("content", content);
      messages.add(a);
    }
    return c.toString();
  }

  /** A server whose chat stream is reset after two frames; run status answers from {@code statuses}, in turn. */
  static RawHttpServer server(List<String> statuses, String answer, AtomicInteger statusReads) throws Exception {
    return new RawHttpServer(x -> {
      if (x.requestLine.startsWith("POST /api/v1/chat ")) {
        x.startEventStream("x-conversation-id: " + CONV, "x-run-id: " + RUN);
        x.chunk("data: {\"type\":\"start\",\"messageId\":\"m1\"}\n\n");
        x.chunk("data: {\"type\":\"text-delta\",\"id\":\"t1\",\"delta\":\"Last month \"}\n\n");
        x.reset();
      } else if (x.requestLine.contains("/run-status")) {
        int i = statusReads.getAndIncrement();
        String s = statuses.get(Math.min(i, statuses.size() - 1));
        x.json(200, s.equals("none") ? "{\"status\":\"none\"}" : "{\"status\":\"" + s + "\",\"runId\":\"" + RUN
            + "\",\"parkedReason\":null}");
      } else if (x.requestLine.startsWith("GET /api/v1/conversations/" + CONV)) {
        x.json(200, conversation(answer));
      } else {
        x.json(404, "{\"error\":\"not_found\",\"message\":\"no\"}");
      }
    });
  }

  private static List<StreamEvent> read(AtlasClient atlas, List<StreamEvent> events) {
    try (AtlasStream s = atlas.streamQuery(QUESTION, StreamQueryParams.defaults().withDetached(true))) {
      s.forEach(events::add);
    }
    return events;
  }

  @Test
  void aCutStreamFollowsTheRunUntilDoneAndDeliversTheSavedAnswerOnce() throws Exception {
    AtomicInteger reads = new AtomicInteger();
    try (RawHttpServer raw = server(List.of("running", "running", "done"), "Last month's revenue was $1.2M.", reads);
        AtlasClient atlas = builderFor(raw.baseUrl()).apiKey(API_KEY).streamRecovery(StreamRecovery.follow()).build()) {
      List<StreamEvent> events = read(atlas, new ArrayList<>());
      assertThat(events).hasSize(3);
      assertThat(events.get(1)).isEqualTo(new StreamEvent.Text("Last month ", "t1"));
      StreamEvent.Recovered r = (StreamEvent.Recovered) events.get(2);
      assertThat(r.answer()).isEqualTo("Last month's revenue was $1.2M.");
      assertThat(r.runId()).contains(RUN);
      assertThat(r.conversationId()).isEqualTo(CONV);
      assertThat(reads.get()).isEqualTo(3);
      assertThat(SLEPT).hasSize(2);
    }
  }

  @Test
  void aFailedRunIsTheTypedRunFailedWithTheCutAsCause() throws Exception {
    try (RawHttpServer raw = server(List.of("failed"), null, new AtomicInteger());
        AtlasClient atlas = builderFor(raw.baseUrl()).apiKey(API_KEY).build()) {
      List<StreamEvent> events = new ArrayList<>();
      assertThatThrownBy(() -> {
        try (AtlasStream s = atlas.streamQuery(QUESTION, StreamQueryParams.defaults().withDetached(true)
            .withRecovery(StreamRecovery.follow()))) {
          s.forEach(events::add);
        }
      }).isInstanceOfSatisfying(AtlasServerException.class, e -> {
        assertThat(e.code()).isEqualTo(AtlasErrorCode.RUN_FAILED);
        assertThat(e.getCause()).isInstanceOf(AtlasConnectionException.class);
      });
      assertThat(events).hasSize(2);
    }
  }

  @Test
  void withoutRunRecordsTheAnswerIsFoundAfterTheQuestionOrTheOriginalErrorIsThrown() throws Exception {
    try (RawHttpServer raw = server(List.of("none"), "Saved without a run record.", new AtomicInteger());
        AtlasClient atlas = builderFor(raw.baseUrl()).apiKey(API_KEY).streamRecovery(StreamRecovery.follow()).build()) {
      List<StreamEvent> events = read(atlas, new ArrayList<>());
      assertThat(events).last().isInstanceOfSatisfying(StreamEvent.Recovered.class,
          r -> assertThat(r.answer()).isEqualTo("Saved without a run record."));
    }
    SLEPT.clear();
    try (RawHttpServer raw = server(List.of("none"), null, new AtomicInteger());
        AtlasClient atlas = builderFor(raw.baseUrl()).apiKey(API_KEY)
            .streamRecovery(StreamRecovery.follow().withMaxWait(Duration.ofSeconds(3))).build()) {
      List<StreamEvent> events = new ArrayList<>();
      assertThatThrownBy(() -> read(atlas, events)).isInstanceOf(AtlasConnectionException.class)
          .hasMessageContaining("Stream interrupted:");
      assertThat(events).hasSize(2);
      assertThat(SLEPT.stream().reduce(Duration.ZERO, Duration::plus)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }
  }

  @Test
  void recoveryIsOffByDefault() throws Exception {
    AtomicInteger reads = new AtomicInteger();
    try (RawHttpServer raw = server(List.of("done"), "x", reads);
        AtlasClient atlas = builderFor(raw.baseUrl()).apiKey(API_KEY).build()) {
      assertThatThrownBy(() -> read(atlas, new ArrayList<>())).isInstanceOf(AtlasConnectionException.class);
      assertThat(reads.get()).isZero();
    }
  }
}
