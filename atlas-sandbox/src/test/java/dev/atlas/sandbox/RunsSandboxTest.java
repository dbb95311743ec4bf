package dev.atlas.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.AtlasStream;
import dev.atlas.client.RequestOptions;
import dev.atlas.client.StreamEvent;
import dev.atlas.client.StreamQueryParams;
import dev.atlas.client.StreamRecovery;
import dev.atlas.client.errors.AtlasConflictException;
import dev.atlas.client.errors.AtlasConnectionException;
import dev.atlas.client.errors.AtlasErrorCode;
import dev.atlas.client.errors.AtlasNotFoundException;
import dev.atlas.client.generated.model.AgentRunStatus;
import dev.atlas.client.generated.model.Message;
import dev.atlas.client.generated.model.MessageRole;
import dev.atlas.client.retry.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Durable runs on the sandbox: status, resume, stop, and streams that stop or recover their run. */
@org.junit.jupiter.api.Timeout(value = 60, unit = java.util.concurrent.TimeUnit.SECONDS,
    threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
class RunsSandboxTest extends SandboxesPerTest {
  static final String QUESTION = "How many orders are there?";

  /** A client that follows cut streams, backing off 50 to 200 ms, for at most 20 s of waiting. */
  private AtlasClient client(AtlasSandbox s, StreamRecovery recovery) {
    AtlasClient c = AtlasClient.builder().baseUrl(s.baseUrl()).apiKey(s.apiKey()).addNetworkInterceptor(spec)
        .retryPolicy(RetryPolicy.builder().maxRetries(2).initialBackoff(Duration.ofMillis(50))
            .maxBackoff(Duration.ofMillis(200)).build())
        .streamRecovery(recovery).build();
    return closeAfter(c);
  }

  private static RequestOptions fault(Fault f) {
    return RequestOptions.builder().header(Fault.HEADER, f.wireName()).build();
  }

  private static List<Message> answers(AtlasClient atlas, String cid) {
    return atlas.conversations().get(cid).getMessages().stream().filter(m -> m.getRole() == MessageRole.ASSISTANT)
        .toList();
  }

  /** Waits (bounded) until the run's status is the one expected. */
  private static AgentRunStatus awaitStatus(AtlasClient atlas, String cid, AgentRunStatus expected) throws Exception {
    AgentRunStatus s = atlas.runs().status(cid).getStatus();
    for (int i = 0; i < 500 && s != expected; i++) {
      Thread.sleep(20);
      s = atlas.runs().status(cid).getStatus();
    }
    return s;
  }

  @Test
  void statusIsDoneAfterAStreamAndNoneWithoutDurability() {
    AtlasSandbox s = start(AtlasSandbox.builder());
    AtlasClient atlas = client(s, StreamRecovery.off());
    String cid;
    String runId;
    try (AtlasStream stream = atlas.streamQuery(QUESTION)) {
      stream.forEach(e -> { });
      cid = stream.conversationId().orElseThrow();
      runId = stream.runId().orElseThrow();
    }
    var st = atlas.runs().status(cid);
    assertThat(st.getStatus()).isEqualTo(AgentRunStatus.DONE);
    assertThat(st.getRunId()).isEqualTo(runId);
    assertThatThrownBy(() -> atlas.runs().resume(cid)).isInstanceOfSatisfying(AtlasNotFoundException.class,
        e -> assertThat(e.code()).isEqualTo(AtlasErrorCode.NOTHING_TO_RESUME));
    assertThatThrownBy(() -> atlas.runs().stop(runId)).isInstanceOf(AtlasNotFoundException.class);
    assertThatThrownBy(() -> atlas.runs().status(UUID.randomUUID().toString()))
        .isInstanceOf(AtlasNotFoundException.class);

    AtlasSandbox off = start(AtlasSandbox.builder().withoutDurability());
    AtlasClient b = client(off, StreamRecovery.off());
    try (AtlasStream stream = b.streamQuery(QUESTION)) {
      stream.forEach(e -> { });
      assertThat(b.runs().status(stream.conversationId().orElseThrow()).getStatus()).isEqualTo(AgentRunStatus.NONE);
    }
  }

  @Test
  void aCrashLeavesTheRunRunningAndResumeStreamsOnlyTheContinuationOnce() throws Exception {
    AtlasSandbox s = start(AtlasSandbox.builder().pacing(Duration.ofMillis(30)));
    AtlasClient atlas = client(s, StreamRecovery.off());
    List<StreamEvent> before = new ArrayList<>();
    String cid;
    String runId;
    try (AtlasStream stream = atlas.streamQuery(QUESTION, StreamQueryParams.defaults(),
        fault(Fault.CRASH_MID_STREAM))) {
      assertThatThrownBy(() -> stream.forEach(before::add)).isInstanceOf(AtlasConnectionException.class);
      cid = stream.conversationId().orElseThrow();
      runId = stream.runId().orElseThrow();
    }
    assertThat(atlas.runs().status(cid).getStatus()).isEqualTo(AgentRunStatus.RUNNING);
    AtlasStream resumed = atlas.runs().resume(cid);
    assertThat(resumed.runId()).contains(runId);
    Iterator<StreamEvent> it = resumed.iterator();
    assertThat(it.next()).isInstanceOf(StreamEvent.Start.class);
    assertThatThrownBy(() -> atlas.runs().resume(cid, dev.atlas.client.ResumeRunParams.defaults(),
        RequestOptions.builder().maxRetries(0).build()))
        .isInstanceOfSatisfying(AtlasConflictException.class,
            e -> assertThat(e.code()).isEqualTo(AtlasErrorCode.RESUME_IN_PROGRESS));
    assertThat(atlas.runs().stop(runId).getStopped()).isTrue();
    List<StreamEvent> rest = new ArrayList<>();
    it.forEachRemaining(rest::add);
    resumed.close();
    assertThat(rest).last().isInstanceOf(StreamEvent.Abort.class);
    assertThat(rest).noneMatch(e -> e instanceof StreamEvent.Finish);
    assertThat(atlas.runs().status(cid).getStatus()).isEqualTo(AgentRunStatus.DONE);
    assertThatThrownBy(() -> atlas.runs().resume(cid)).isInstanceOf(AtlasNotFoundException.class);
  }

  @Test
  void closingAStreamStopsItsRunAndADetachedOneGoesOnAndSavesItsAnswer() throws Exception {
    AtlasSandbox s = start(AtlasSandbox.builder().pacing(Duration.ofMillis(30)));
    AtlasClient atlas = client(s, StreamRecovery.off());
    String cid;
    try (AtlasStream stream = atlas.streamQuery(QUESTION)) {
      stream.iterator().next();
      cid = stream.conversationId().orElseThrow();
    }
    for (int i = 0; i < 500 && s.servedOperations().getOrDefault("stopRun", 0) == 0; i++) {
      Thread.sleep(20);
    }
    assertThat(s.servedOperations()).containsEntry("stopRun", 1);
    Thread.sleep(900); // what is left of the run's frames at 30 ms each: a stopped run saves no answer
    assertThat(answers(atlas, cid)).isEmpty();

    String detachedCid;
    try (AtlasStream stream = atlas.streamQuery(QUESTION, StreamQueryParams.defaults().withDetached(true))) {
      stream.iterator().next();
      detachedCid = stream.conversationId().orElseThrow();
    }
    assertThat(awaitStatus(atlas, detachedCid, AgentRunStatus.DONE)).isEqualTo(AgentRunStatus.DONE);
    assertThat(answers(atlas, detachedCid)).hasSize(1);
    assertThat(s.servedOperations()).containsEntry("stopRun", 1);
  }

  @Test
  void aDroppedStreamRecoversTheSavedAnswerOnceAndMakesNoSecondOne() {
    AtlasSandbox s = start(AtlasSandbox.builder().pacing(Duration.ofMillis(10)));
    AtlasClient atlas = client(s, StreamRecovery.follow().withMaxWait(Duration.ofSeconds(20)));
    List<StreamEvent> events = new ArrayList<>();
    String cid;
    try (AtlasStream stream = atlas.streamQuery(QUESTION, StreamQueryParams.defaults(), fault(Fault.DROP_STREAM))) {
      stream.forEach(events::add);
      cid = stream.conversationId().orElseThrow();
    }
    assertThat(events).hasSize(4);
    assertThat(events.subList(0, 3)).noneMatch(e -> e instanceof StreamEvent.Recovered);
    StreamEvent.Recovered r = (StreamEvent.Recovered) events.get(3);
    List<Message> saved = answers(atlas, cid);
    assertThat(saved).hasSize(1);
    assertThat(r.answer()).isEqualTo("The number of orders is 2000.");
    assertThat(r.content()).as("the message the server saved").isEqualTo(new com.google.gson.Gson().toJsonTree(
        saved.get(0).getContent()));
    assertThat(r.conversationId()).isEqualTo(cid);
    assertThat(s.servedOperations()).doesNotContainKey("resumeRun");
  }

  @Test
  void aRunLeftRunningByACrashIsResumedWithExactlyOneResumedEvent() {
    AtlasSandbox s = start(AtlasSandbox.builder());
    AtlasClient atlas = client(s, StreamRecovery.follow().withResumeAfter(Duration.ZERO));
    List<StreamEvent> events = new ArrayList<>();
    String cid;
    try (AtlasStream stream = atlas.streamQuery(QUESTION, StreamQueryParams.defaults(),
        fault(Fault.CRASH_MID_STREAM))) {
      stream.forEach(events::add);
      cid = stream.conversationId().orElseThrow();
    }
    List<StreamEvent> resumed = events.stream().filter(e -> e instanceof StreamEvent.Resumed).toList();
    assertThat(resumed).hasSize(1);
    int at = events.indexOf(resumed.get(0));
    assertThat(events.get(at + 1)).isInstanceOf(StreamEvent.Start.class);
    assertThat(events).last().isEqualTo(new StreamEvent.Finish("stop"));
    String continuation = events.subList(at, events.size()).stream().filter(e -> e instanceof StreamEvent.Text)
        .map(e -> ((StreamEvent.Text) e).content()).reduce("", String::concat);
    List<Message> saved = answers(atlas, cid);
    assertThat(saved).hasSize(1);
    assertThat(atlas.conversations().get(cid).getMessages().get(1).getContent().toString()).contains(continuation);
    assertThat(s.servedOperations()).containsEntry("resumeRun", 1);
  }

  @Test
  void whenNothingCanBeRecoveredTheOriginalErrorIsThrownAfterTheDeliveredEvents() {
    AtlasSandbox s = start(AtlasSandbox.builder().withoutDurability());
    AtlasClient atlas = client(s, StreamRecovery.follow().withMaxWait(Duration.ofMillis(500)));
    List<StreamEvent> events = new ArrayList<>();
    try (AtlasStream stream = atlas.streamQuery(QUESTION, StreamQueryParams.defaults(),
        fault(Fault.CRASH_MID_STREAM))) {
      assertThatThrownBy(() -> stream.forEach(events::add)).isInstanceOf(AtlasConnectionException.class)
          .hasMessageContaining("Stream interrupted:");
    }
    assertThat(events).isNotEmpty().noneMatch(e -> e instanceof StreamEvent.Recovered || e instanceof StreamEvent.Resumed);
    assertThat(s.servedOperations()).containsKey("getRunStatus").doesNotContainKey("resumeRun");
  }

  @Test
  void streamsCutAtRandomPointsCompleteRecoverOrFailTypedAndNeverResumeTwice() {
    AtlasSandbox s = start(AtlasSandbox.builder());
    AtlasClient atlas = client(s, StreamRecovery.follow().withResumeAfter(Duration.ofMillis(200))
        .withMaxWait(Duration.ofSeconds(5)));
    java.util.Random random = new java.util.Random(25);
    int recovered = 0;
    for (int i = 0; i < 12; i++) {
      Fault f = switch (random.nextInt(3)) {
        case 0 -> Fault.DROP_STREAM;
        case 1 -> Fault.CRASH_MID_STREAM;
        default -> null;
      };
      List<StreamEvent> events = new ArrayList<>();
      RequestOptions o = f == null ? RequestOptions.defaults() : fault(f);
      try (AtlasStream stream = atlas.streamQuery(QUESTION, StreamQueryParams.defaults(), o)) {
        stream.forEach(events::add);
      } catch (AtlasConnectionException e) {
        assertThat(e.getMessage()).contains("Stream interrupted:");
      }
      assertThat(events.stream().filter(e -> e instanceof StreamEvent.Resumed).count()).isLessThanOrEqualTo(1);
      if (events.stream().anyMatch(e -> e instanceof StreamEvent.Recovered || e instanceof StreamEvent.Resumed)) {
        recovered++;
      }
    }
    assertThat(recovered).isPositive();
  }
}
