package dev.atlas.client;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import okhttp3.Call;
import okhttp3.Response;

/**
 * The raw response of {@code POST /api/v1/chat}, for callers who forward the bytes (e.g. to a
 * browser using the AI SDK's {@code useChat}). Close it when done; {@link #close()} may be called
 * from any thread and cancels the call.
 */
public final class ChatResponse implements AutoCloseable {
  private final Call call;
  private final Response response;
  private final int maxEventBytes;
  private final CallTrace trace;
  private volatile boolean eventsRead;
  private volatile Runs runs;

  private ChatResponse(Call call, Response response, int maxEventBytes, CallTrace trace) {
    this.call = call;
    this.response = response;
    this.maxEventBytes = maxEventBytes;
    this.trace = trace;
  }

  /**
   * Wraps an open response. Used by the client.
   *
   * @param call the call, cancelled by {@link #close()}
   * @param response the 2xx response
   * @param maxEventBytes the largest frame {@link #events()} accepts
   * @param trace the call's record, told of the stream's events and end
   * @return the raw response
   */
  static ChatResponse of(Call call, Response response, int maxEventBytes, CallTrace trace) {
    return new ChatResponse(call, response, maxEventBytes, trace);
  }

  ChatResponse stopWith(Runs runs) {
    this.runs = runs;
    return this;
  }

  /**
   * Asks the server to stop the agent's run ({@code x-run-id}), as closing a stream early does: the
   * run goes on without its connection otherwise. Does not close this response: the body then ends
   * with an {@code abort} frame. Best effort and asynchronous; a failure (the run finished already)
   * is logged, not thrown.
   *
   * @return completes when the server answered or the attempt failed; never exceptionally
   */
  public java.util.concurrent.CompletableFuture<Void> stopRun() {
    String runId = response.header("x-run-id");
    Runs r = runs;
    if (runId == null || r == null) {
      return java.util.concurrent.CompletableFuture.completedFuture(null);
    }
    return r.stopQuietly(runId);
  }

  /** @return the HTTP status (2xx) */
  public int status() {
    return response.code();
  }

  /** @return the content type, normally {@code text/event-stream} */
  public Optional<String> contentType() {
    return Optional.ofNullable(response.header("Content-Type"));
  }

  /** @return every response header, names in case-insensitive order */
  public Map<String, List<String>> headers() {
    Map<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String name : response.headers().names()) {
      out.put(name, response.headers(name));
    }
    return out;
  }

  /** @return the conversation id header ({@code x-conversation-id}), if sent */
  public Optional<String> conversationId() {
    return Optional.ofNullable(response.header("x-conversation-id"));
  }

  /** @return the run id header ({@code x-run-id}), if sent */
  public Optional<String> runId() {
    return Optional.ofNullable(response.header("x-run-id"));
  }

  /**
   * The body's bytes as they arrive. Read either this or {@link #events()}, not both.
   *
   * @return the body stream
   */
  public InputStream body() {
    return response.body().byteStream();
  }

  /**
   * The body as typed events, exactly as {@code streamQuery} yields them. Read either this or
   * {@link #body()}, not both.
   *
   * @return the events; closing them cancels this call
   */
  public AtlasStream events() {
    eventsRead = true;
    return AtlasStream.of(call, response, maxEventBytes, trace);
  }

  /** Cancels the call and releases the connection; idempotent. */
  @Override
  public void close() {
    // a stream read through events() has reported its end already unless it is cut short here
    trace.streamEnded(eventsRead ? CallOutcome.CANCELLED : CallOutcome.SUCCESS, null);
    call.cancel();
    response.close();
  }
}
