package dev.atlas.client;

import dev.atlas.client.generated.api.ChatApi;
import dev.atlas.client.generated.model.RunStatusResponse;
import dev.atlas.client.generated.model.StopRunResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Agent runs that outlive their HTTP connection. A chat turn runs on the server, not in the
 * connection: every turn has a run id ({@code x-run-id}, {@link AtlasStream#runId()}); with
 * durability on (server setting {@code ATLAS_DURABILITY_ENABLED}) the server records the run after
 * each step, so a client can read its state, resume a run nothing generates any more (e.g. after a
 * server restart), or stop it. Obtained from {@code atlas.runs()}; thread-safe.
 *
 * <p>A resume while the original generation is still alive starts a second, parallel one (the
 * conversation then ends with two answers): resume only a run that stays {@code running} with
 * nothing generating it. {@link StreamRecovery} follows a cut stream by these rules for you.
 */
public final class Runs {
  private static final System.Logger LOG = System.getLogger("dev.atlas.client");
  /** The longest a stop sent on close may take; close itself never waits for it. */
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

  private final ClientContext ctx;
  private final ChatApi api;
  /** Runs this client is resuming now: never two resumes of one run at once. */
  private final Set<String> resuming = ConcurrentHashMap.newKeySet();

  Runs(ClientContext ctx) {
    this.ctx = ctx;
    this.api = new ChatApi(ctx.apiClient());
  }

  /**
   * The state of a conversation's newest run: {@code running}, {@code parked} (waits for a SQL
   * approval), {@code done}, {@code failed}, or {@code none} when the server keeps no run record
   * (durability off, or before the first step completed). An unknown state parses to
   * {@code UNKNOWN_DEFAULT_OPEN_API} with its text kept. Reading it changes nothing.
   *
   * @param conversationId the conversation (a UUID)
   * @return the state and, unless {@code none}, the run id
   * @throws dev.atlas.client.errors.AtlasNotFoundException for a conversation the caller cannot see
   */
  public RunStatusResponse status(String conversationId) {
    return status(conversationId, RequestOptions.defaults());
  }

  /**
   * The state of a conversation's newest run, with per-call settings.
   *
   * @param conversationId the conversation
   * @param requestOptions timeout and headers
   * @return the state
   * @throws dev.atlas.client.errors.AtlasException on failure (422 {@code validation_error} for an id not a UUID)
   */
  public RunStatusResponse status(String conversationId, RequestOptions requestOptions) {
    PathIds.check("conversationId", conversationId);
    return ctx.send(statusOp(conversationId), requestOptions);
  }

  /**
   * The state of a conversation's newest run, without blocking.
   *
   * @param conversationId the conversation
   * @param requestOptions timeout and headers
   * @return the state
   */
  public CompletableFuture<RunStatusResponse> statusAsync(String conversationId, RequestOptions requestOptions) {
    PathIds.check("conversationId", conversationId);
    return ctx.sendAsync(statusOp(conversationId), requestOptions);
  }

  /**
   * Resumes the conversation's {@code running} run from its last recorded step: a stream of the same
   * typed events as {@code streamQuery}, holding only the continuation (it starts with a fresh
   * {@link StreamEvent.Start}; nothing sent before the interruption is replayed). Its
   * {@link AtlasStream#runId()} is the interrupted turn's run id. Closing it early stops the run.
   *
   * @param conversationId the conversation (a UUID)
   * @return the open stream
   * @throws dev.atlas.client.errors.AtlasNotFoundException {@code nothing_to_resume} when no run is running
   * @throws dev.atlas.client.errors.AtlasConflictException {@code resume_in_progress} (retryable) while
   *     another resume of the run streams
   */
  public AtlasStream resume(String conversationId) {
    return resume(conversationId, ResumeRunParams.defaults(), RequestOptions.defaults());
  }

  /**
   * Resumes the conversation's running run with options and per-call settings.
   *
   * @param conversationId the conversation
   * @param params frame limit, detach
   * @param requestOptions timeout and headers
   * @return the open stream
   * @throws IllegalStateException when this client is resuming the run already
   * @throws dev.atlas.client.errors.AtlasException on failure
   */
  public AtlasStream resume(String conversationId, ResumeRunParams params, RequestOptions requestOptions) {
    PathIds.check("conversationId", conversationId);
    Objects.requireNonNull(params, "params");
    return new Streaming(ctx, null).resume(conversationId, params, requestOptions, this);
  }

  /**
   * Stops a run this client's credential started, on the server process generating it: the open
   * stream ends with {@link StreamEvent.Abort}, the run becomes {@code done} and cannot be resumed.
   *
   * @param runId the run id ({@code x-run-id}, a UUID)
   * @return {@code stopped: true}
   * @throws dev.atlas.client.errors.AtlasNotFoundException for an unknown, finished or foreign run
   */
  public StopRunResponse stop(String runId) {
    return stop(runId, RequestOptions.defaults());
  }

  /**
   * Stops a run with per-call settings.
   *
   * @param runId the run id
   * @param requestOptions timeout and headers
   * @return {@code stopped: true}
   * @throws dev.atlas.client.errors.AtlasException on failure
   */
  public StopRunResponse stop(String runId, RequestOptions requestOptions) {
    PathIds.check("runId", runId);
    return ctx.send(stopOp(runId), requestOptions);
  }

  /**
   * Stops a run without blocking.
   *
   * @param runId the run id
   * @param requestOptions timeout and headers
   * @return {@code stopped: true}
   */
  public CompletableFuture<StopRunResponse> stopAsync(String runId, RequestOptions requestOptions) {
    PathIds.check("runId", runId);
    return ctx.sendAsync(stopOp(runId), requestOptions);
  }

  /**
   * Best effort: asks the server to stop a run and returns at once; a failure (404 for a run that
   * finished meanwhile, a network error) is logged, never thrown.
   */
  CompletableFuture<Void> stopQuietly(String runId) {
    CompletableFuture<StopRunResponse> f;
    try {
      f = stopAsync(runId, RequestOptions.builder().timeout(STOP_TIMEOUT).maxRetries(0).build());
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    return f.handle((r, e) -> {
      if (e != null) {
        LOG.log(System.Logger.Level.DEBUG, "Stopping run " + runId + " on close failed: " + e.getMessage());
      }
      return null;
    });
  }

  boolean claimResume(String runId) {
    return runId == null || resuming.add(runId);
  }

  void releaseResume(String runId) {
    if (runId != null) {
      resuming.remove(runId);
    }
  }

  boolean isResuming(String runId) {
    return runId != null && resuming.contains(runId);
  }

  Operation<RunStatusResponse> statusOp(String conversationId) {
    return Operation.of("getRunStatus", () -> api.getRunStatusCall(conversationId, null), RunStatusResponse.class)
        .about(conversationId);
  }

  private Operation<StopRunResponse> stopOp(String runId) {
    return Operation.of("stopRun", () -> api.stopRunCall(runId, null), StopRunResponse.class).about(runId);
  }

  Operation<Void> resumeOp(String conversationId) {
    return Operation.of("resumeRun", () -> api.resumeRunCall(conversationId, null), Void.class).about(conversationId)
        .rewrite(r -> r.newBuilder().header("Accept", "text/event-stream").build());
  }
}
