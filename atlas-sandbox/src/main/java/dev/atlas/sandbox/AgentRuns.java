package dev.atlas.sandbox;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Agent runs as a real server keeps them: the generation is not tied to the HTTP connection (a
 * client that leaves does not stop it; it finishes and saves its answer), each completed step is
 * recorded (the run row appears after the first one), a resume continues from the last recorded
 * step in a new generation (a second one if the first is alive), and stop aborts the generation of
 * this process. {@link #restart()} plays a server restart: every generation dies where it is and
 * its row stays {@code running}.
 */
final class AgentRuns {
  /** One agent run: its row and the frames the agent plans to send. */
  static final class Run {
    final String id;
    final String conversationId;
    final List<JsonObject> frames;
    final Agent.Answer answer;
    /** The row's status; null until the first step completed (no row yet). */
    String status;
    /** Frames up to here are recorded: a resume starts after them. */
    int checkpoint;
    boolean leased;
    final List<Generation> live = new ArrayList<>();

    Run(String id, String conversationId, List<JsonObject> frames, Agent.Answer answer) {
      this.id = id;
      this.conversationId = conversationId;
      this.frames = frames;
      this.answer = answer;
    }
  }

  /** One generation of a run's frames, from a point on, into a client's stream while it listens. */
  static final class Generation {
    volatile boolean stopped;
    volatile boolean killed;
    volatile Runnable dropConnection;
  }

  private final Map<String, Run> byId = new HashMap<>();
  private final Map<String, Run> newestByConversation = new HashMap<>();
  private final Set<Generation> alive = ConcurrentHashMap.newKeySet();
  private final Duration pacing;
  volatile boolean durable = true;

  AgentRuns(Duration pacing) {
    this.pacing = pacing;
  }

  synchronized Run start(String runId, String conversationId, List<JsonObject> frames, Agent.Answer answer) {
    Run r = new Run(runId, conversationId, frames, answer);
    byId.put(runId, r);
    newestByConversation.put(conversationId, r);
    return r;
  }

  /** @return the conversation's newest run with a row, or null */
  synchronized Run newest(String conversationId) {
    Run r = newestByConversation.get(conversationId);
    return r == null || r.status == null || !durable ? null : r;
  }

  synchronized Run byId(String runId) {
    return byId.get(runId);
  }

  /** Claims the lease of the conversation's running run for a resume. 404 or 409 as the server answers. */
  synchronized Run claim(String conversationId) {
    Run r = newest(conversationId);
    if (r == null || !"running".equals(r.status)) {
      JsonObject extra = new JsonObject();
      extra.addProperty("retryable", false);
      throw new Reject(404, "nothing_to_resume", "No interrupted run to resume for this conversation.", extra);
    }
    if (r.leased) {
      JsonObject extra = new JsonObject();
      extra.addProperty("retryable", true);
      throw new Reject(409, "resume_in_progress", "Another resume of this run is in progress.", extra);
    }
    r.leased = true;
    return r;
  }

  synchronized void release(Run r) {
    r.leased = false;
  }

  /** Stops the newest live generation of the run. @return whether one was running here */
  synchronized boolean stop(String runId) {
    Run r = byId.get(runId);
    if (r == null || r.live.isEmpty()) {
      return false;
    }
    r.live.get(r.live.size() - 1).stopped = true;
    if (durable) {
      r.status = "done";
    }
    return true;
  }

  /** A server restart: every generation dies where it is, its connection drops, its row stays as it was. */
  void restart() {
    for (Generation g : alive) {
      g.killed = true;
      Runnable drop = g.dropConnection;
      if (drop != null) {
        drop.run();
      }
    }
    synchronized (this) {
      byId.values().forEach(r -> r.leased = false);
    }
  }

  /**
   * Generates a run's frames from {@code from} on, writing them to {@code out} while the client
   * listens, and saves the answer when the last frame is generated.
   *
   * @param out the client's stream, or null
   * @param dropAfter drop the connection after this many frames (the generation goes on), or -1
   * @param crash whether the drop is a crash: the generation dies with the connection
   * @param onDone saves the answer: the run and the text generated
   * @param onClientGone called once when the client's connection is gone
   */
  void generate(Run run, int from, OutputStream out, Runnable drop, int dropAfter, boolean crash,
      BiConsumer<Run, String> onDone, Runnable onClientGone) {
    Generation g = new Generation();
    g.dropConnection = drop;
    alive.add(g);
    synchronized (this) {
      run.live.add(g);
    }
    boolean attached = out != null;
    StringBuilder text = new StringBuilder();
    try {
      int sent = 0;
      for (int i = from; i < run.frames.size(); i++) {
        if (g.killed) {
          return;
        }
        if (g.stopped) {
          if (attached) {
            try {
              JsonObject abort = new JsonObject();
              abort.addProperty("type", "abort");
              abort.addProperty("reason", "The operation was aborted.");
              write(out, Wire.GSON.toJson(abort));
              write(out, "[DONE]");
              out.close();
            } catch (IOException e) {
              // the client left meanwhile
            }
          }
          return;
        }
        JsonObject f = run.frames.get(i);
        if (attached) {
          try {
            write(out, Wire.GSON.toJson(f));
          } catch (IOException e) {
            attached = false;
            onClientGone.run();
          }
        }
        sent++;
        String type = f.get("type").getAsString();
        if (type.equals("text-delta")) {
          text.append(f.get("delta").getAsString());
        }
        if (type.equals("finish-step")) {
          synchronized (this) {
            run.checkpoint = i + 1;
            if (durable && run.status == null) {
              run.status = "running";
            }
          }
        }
        if (attached && dropAfter >= 0 && sent >= dropAfter && (!crash || run.checkpoint > 0)) {
          attached = false;
          drop.run();
          onClientGone.run();
          if (crash) {
            return; // the process died: nothing generates the run any more, its row stays running
          }
        }
        pause();
      }
      synchronized (this) {
        if (durable) {
          run.status = "done";
        }
      }
      onDone.accept(run, text.toString());
      if (attached) {
        try {
          write(out, "[DONE]");
          out.close();
        } catch (IOException e) {
          // the client left at the very end
        }
      }
    } finally {
      alive.remove(g);
      synchronized (this) {
        run.live.remove(g);
      }
    }
  }

  private void pause() {
    if (!pacing.isZero()) {
      try {
        Thread.sleep(pacing.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  static void write(OutputStream out, String data) throws IOException {
    out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
