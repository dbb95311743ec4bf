package dev.atlas.client;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.atlas.client.errors.AtlasConnectionException;
import dev.atlas.client.errors.AtlasErrorCode;
import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.errors.ErrorInfo;
import dev.atlas.client.generated.api.ConversationsApi;
import dev.atlas.client.generated.model.ConversationWithMessages;
import dev.atlas.client.generated.model.Message;
import dev.atlas.client.generated.model.MessageRole;
import dev.atlas.client.generated.model.RunStatusResponse;
import dev.atlas.client.retry.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Follows the run of a stream the network cut ({@link StreamRecovery}): reads the run's status, or
 * the conversation where the server keeps no run record, waiting between reads as the retry policy
 * backs off, until the run is done (its saved answer), failed (its typed failure), still running
 * past the caller's bound (resumed), or the wait is spent (the original error).
 */
final class RunFollower implements AtlasStream.Recovery {
  /** The least a wait between two reads counts for, so a jittered zero never loops forever. */
  private static final Duration MIN_WAIT = Duration.ofMillis(100);
  private static final Gson GSON = new Gson();

  private final ClientContext ctx;
  private final Runs runs;
  private final StreamRecovery settings;
  private final String question;
  private final ResumeRunParams resumeParams;

  /**
   * @param question the question the stream asked, to find its answer where the server keeps no run
   *     record; null when unknown (then only a run record can recover the stream)
   */
  RunFollower(ClientContext ctx, Runs runs, StreamRecovery settings, String question, ResumeRunParams resumeParams) {
    this.ctx = ctx;
    this.runs = runs;
    this.settings = settings;
    this.question = question;
    this.resumeParams = resumeParams;
  }

  /** Makes a stream stop its run when closed early and, when recovery is on, follow its run when cut. */
  static AtlasStream attach(ClientContext ctx, Runs runs, AtlasStream stream, StreamQueryParams options,
      String question) {
    stream.stopRunOnClose(runs, options.detached());
    StreamRecovery recovery = options.recovery() != null ? options.recovery() : ctx.settings().streamRecovery();
    if (recovery != null && recovery.isEnabled()) {
      ResumeRunParams resume = ResumeRunParams.defaults().withMaxEventBytes(options.maxEventBytes())
          .withDetached(options.detached());
      stream.recoverWith(new RunFollower(ctx, runs, recovery, question, resume));
    }
    return stream;
  }

  /** The same for a resumed run's stream, which also releases the client's claim on the run when it ends. */
  static AtlasStream attachResumed(ClientContext ctx, Runs runs, AtlasStream stream, ResumeRunParams params,
      String runId) {
    stream.stopRunOnClose(runs, params.detached());
    stream.onEnd(() -> runs.releaseResume(runId));
    StreamRecovery recovery = ctx.settings().streamRecovery();
    if (recovery != null && recovery.isEnabled()) {
      stream.recoverWith(new RunFollower(ctx, runs, recovery, null, params));
    }
    return stream;
  }

  @Override
  public AtlasStream.Continuation recover(AtlasConnectionException cut, AtlasStream stream) {
    String cid = stream.conversationId().orElse(null);
    String runId = stream.runId().orElse(null);
    if (cid == null) {
      throw cut;
    }
    RetryPolicy policy = ctx.retries().policy();
    RequestOptions once = RequestOptions.builder().maxRetries(0).build();
    Duration waited = Duration.ZERO;
    int failures = 0;
    for (int poll = 1; ; poll++) {
      try {
        RunStatusResponse st = ctx.send(runs.statusOp(cid), once);
        failures = 0;
        String status = statusText(st);
        boolean ours = runId == null || st.getRunId() == null || runId.equals(st.getRunId());
        if ("done".equals(status) || ("running".equals(status) && !ours)) {
          Optional<StreamEvent.Recovered> saved = saved(cid, runId, once);
          if (saved.isPresent()) {
            return new AtlasStream.Continuation(List.of(saved.get()), null);
          }
          if ("done".equals(status)) {
            throw cut; // stopped, or nothing saved: nothing to recover
          }
        } else if ("failed".equals(status) && ours) {
          throw runFailed(cut, cid, runId);
        } else if ("running".equals(status) && resumeDue(waited) && !runs.isResuming(runId)) {
          AtlasStream.Continuation c = resume(cid);
          if (c != null) {
            return c;
          }
        } else if ("none".equals(status) && question == null) {
          throw cut; // no run record, and no question to find the answer by
        } else if ("none".equals(status)) {
          Optional<StreamEvent.Recovered> saved = saved(cid, runId, once);
          if (saved.isPresent()) {
            return new AtlasStream.Continuation(List.of(saved.get()), null);
          }
        }
      } catch (AtlasException e) {
        if (e == cut || e.code() == AtlasErrorCode.RUN_FAILED) {
          throw e;
        }
        if (++failures > policy.maxRetries() || !(e.retryable() || e.status() == 0)) {
          cut.addSuppressed(e);
          throw cut;
        }
      }
      if (waited.compareTo(settings.maxWait()) >= 0) {
        throw cut;
      }
      Duration d = policy.delay(poll, Optional.empty(), Math::random);
      if (d.compareTo(MIN_WAIT) < 0) {
        d = MIN_WAIT;
      }
      try {
        ctx.retries().sleeper().sleep(d);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw cut;
      }
      waited = waited.plus(d);
    }
  }

  private boolean resumeDue(Duration waited) {
    return settings.resumeAfter().map(b -> waited.compareTo(b) >= 0).orElse(false);
  }

  /** @return the resumed stream after a Resumed event, or null when another resume holds the run */
  private AtlasStream.Continuation resume(String cid) {
    try {
      AtlasStream next = runs.resume(cid, resumeParams, RequestOptions.builder().maxRetries(0).build());
      String rid = next.runId().orElse("");
      return new AtlasStream.Continuation(List.of(new StreamEvent.Resumed(cid, rid)), next);
    } catch (IllegalStateException e) {
      return null; // this client resumes the run already
    } catch (AtlasException e) {
      if (e.code() == AtlasErrorCode.RESUME_IN_PROGRESS || e.code() == AtlasErrorCode.NOTHING_TO_RESUME) {
        return null; // someone resumes it, or it ended meanwhile: follow on
      }
      throw e;
    }
  }

  /** @return the answer saved for the question (or the newest answer when the question is unknown) */
  private Optional<StreamEvent.Recovered> saved(String cid, String runId, RequestOptions once) {
    ConversationsApi api = new ConversationsApi(ctx.apiClient());
    ConversationWithMessages c = ctx.send(Operation.of("getConversation", () -> api.getConversationCall(cid, null),
        ConversationWithMessages.class).about(cid), once);
    List<Message> messages = c.getMessages() == null ? List.of() : c.getMessages();
    int from = 0;
    if (question != null) {
      from = -1;
      for (int i = messages.size() - 1; i >= 0; i--) {
        Message m = messages.get(i);
        if (m.getRole() == MessageRole.USER && question.equals(text(GSON.toJsonTree(m.getContent())))) {
          from = i + 1;
          break;
        }
      }
      if (from < 0) {
        return Optional.empty();
      }
    }
    for (int i = messages.size() - 1; i >= from; i--) {
      Message m = messages.get(i);
      if (m.getRole() == MessageRole.ASSISTANT) {
        JsonElement content = GSON.toJsonTree(m.getContent());
        return Optional.of(new StreamEvent.Recovered(cid, Optional.ofNullable(runId), text(content), content));
      }
    }
    return Optional.empty();
  }

  /** @return the text parts of a stored message's content joined, or the content itself when it is text */
  static String text(JsonElement content) {
    if (content == null || content.isJsonNull()) {
      return "";
    }
    if (content.isJsonPrimitive()) {
      return content.getAsString();
    }
    StringBuilder sb = new StringBuilder();
    JsonArray parts = content.isJsonArray() ? content.getAsJsonArray() : new JsonArray();
    for (JsonElement p : parts) {
      if (p.isJsonObject()) {
        JsonObject o = p.getAsJsonObject();
        if (o.has("type") && "text".equals(o.get("type").getAsString()) && o.has("text")) {
          sb.append(o.get("text").getAsString());
        }
      } else if (p.isJsonPrimitive()) {
        sb.append(p.getAsString());
      }
    }
    return sb.toString();
  }

  private static String statusText(RunStatusResponse st) {
    if (st.getStatus() == null) {
      return "";
    }
    return st.getStatus().getValue();
  }

  private static AtlasException runFailed(AtlasConnectionException cut, String cid, String runId) {
    return ErrorMapper.create(ErrorInfo.builder(AtlasErrorCode.RUN_FAILED).retryable(false).resourceId(runId)
        .description("The stream was cut and its agent run " + runId + " failed on the server (conversation " + cid
            + "); the conversation holds what it saved")
        .build(), cut);
  }
}
