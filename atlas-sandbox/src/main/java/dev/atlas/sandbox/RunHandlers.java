package dev.atlas.sandbox;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/** The durable-run routes: run status, resume (a new generation from the last recorded step), stop. */
final class RunHandlers {
  private final SandboxState state;
  private final AgentRuns runs;
  private final QueryHandlers queries;

  RunHandlers(SandboxState state, AgentRuns runs, QueryHandlers queries) {
    this.state = state;
    this.runs = runs;
    this.queries = queries;
  }

  /** Registers the operations this class answers. */
  void register(HandlerTable t) {
    t.on("getRunStatus", this::status);
    t.on("resumeRun", this::resume);
    t.on("stopRun", this::stop);
  }

  /** @return the conversation id path parameter: 422 when not a UUID, 404 when unknown */
  private String conversation(Call c) {
    String cid = c.param(1);
    if (!Call.isUuid(cid)) {
      throw Reject.validation("conversationId", "Invalid UUID");
    }
    cid = cid.toLowerCase(Locale.ROOT);
    synchronized (state) {
      state.conversation(cid);
    }
    return cid;
  }

  void status(Call c) throws IOException {
    String cid = conversation(c);
    AgentRuns.Run r = runs.newest(cid);
    JsonObject out = new JsonObject();
    if (r == null) {
      out.addProperty("status", "none");
    } else {
      synchronized (runs) {
        out.addProperty("status", r.status);
      }
      out.addProperty("runId", r.id);
      out.add("parkedReason", JsonNull.INSTANCE);
    }
    c.json(200, out);
  }

  void resume(Call c) throws IOException {
    String cid = conversation(c);
    AgentRuns.Run r = runs.claim(cid);
    var h = c.ex.getResponseHeaders();
    h.set("Content-Type", "text/event-stream");
    h.set("Cache-Control", "no-cache, no-transform");
    h.set("X-Accel-Buffering", "no");
    h.set("x-vercel-ai-ui-message-stream", "v1");
    h.set("x-conversation-id", cid);
    h.set("x-run-id", r.id);
    c.ex.sendResponseHeaders(200, 0);
    OutputStream out = c.ex.getResponseBody();
    JsonObject start = new JsonObject();
    start.addProperty("type", "start");
    start.addProperty("messageId", "msg-" + java.util.UUID.randomUUID().toString().substring(0, 8));
    try {
      AgentRuns.write(out, Wire.GSON.toJson(start));
    } catch (IOException e) {
      runs.release(r);
      throw e;
    }
    int from;
    synchronized (runs) {
      from = r.checkpoint;
    }
    boolean[] released = {false};
    Runnable release = () -> {
      if (!released[0]) {
        released[0] = true;
        runs.release(r);
      }
    };
    try {
      runs.generate(r, from, out, c.ex::close, -1, false, (run, text) -> queries.rememberAnswer(run.conversationId, text,
          null), release);
    } finally {
      release.run();
    }
  }

  void stop(Call c) throws IOException {
    String runId = c.param(1);
    if (!Call.isUuid(runId)) {
      throw Reject.validation("runId", "Invalid UUID");
    }
    if (!runs.stop(runId.toLowerCase(Locale.ROOT))) {
      throw new Reject(404, "not_found", "Run not found or already finished.");
    }
    JsonObject out = new JsonObject();
    out.addProperty("stopped", true);
    c.json(200, out);
  }
}
