package dev.atlas.examples;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.AtlasStream;
import dev.atlas.client.RequestOptions;
import dev.atlas.client.StreamEvent;
import dev.atlas.client.StreamQueryParams;
import dev.atlas.client.StreamRecovery;
import dev.atlas.client.generated.model.RunStatusResponse;
import dev.atlas.sandbox.Fault;
import java.time.Duration;
import java.util.Iterator;

/**
 * Agent runs that outlive their connection: a stream's run status, closing a stream stops its run,
 * and (on the sandbox, which can cut a stream) a cut stream that recovers the saved answer.
 */
public final class RunsExample {
  private RunsExample() {}

  /**
   * Runs the example against the configured server or the sandbox.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    Examples.runAlone("RunsExample", RunsExample::run);
  }

  static void run(AtlasClient atlas) {
    Examples.heading("Agent runs");
    try (Cleanup cleanup = new Cleanup(atlas)) {
      run(atlas, cleanup);
    }
  }

  private static void run(AtlasClient atlas, Cleanup cleanup) {
    String cid;
    try (AtlasStream stream = atlas.streamQuery("How many orders are there?")) {
      Iterator<StreamEvent> it = stream.iterator();
      it.next();
      cid = stream.conversationId().map(cleanup::conversation).orElse(null);
      System.out.println("Run " + stream.runId().orElse("(no x-run-id)") + ": closing after the first event");
    } // closing early also asks the server to stop the run (detach() would keep it going)
    if (cid == null) {
      throw Outcomes.skipStep("the server sent no x-conversation-id header");
    }
    Outcomes.refusable("run status after cancel", () -> atlas.runs().status(cid)).ifPresent(st ->
        System.out.println("Status after close: " + describe(st)));

    if (Examples.sandbox().isEmpty()) {
      Outcomes.skipPart("recover a cut stream", "only the sandbox can cut a stream on purpose");
      return;
    }
    RequestOptions cut = RequestOptions.builder().header(Fault.HEADER, Fault.DROP_STREAM.wireName()).build();
    StreamQueryParams recovering = StreamQueryParams.defaults()
        .withRecovery(StreamRecovery.follow().withMaxWait(Duration.ofSeconds(30)));
    int before = 0;
    try (AtlasStream stream = atlas.streamQuery("How many orders are there?", recovering, cut)) {
      stream.conversationId().ifPresent(cleanup::conversation);
      for (StreamEvent e : stream) {
        if (e instanceof StreamEvent.Recovered r) {
          System.out.println("Cut after " + before + " events; recovered the saved answer: " + r.answer());
          Outcomes.passPart();
          return;
        }
        before++;
      }
    }
    Outcomes.failPart("recover a cut stream", "the stream ended without a Recovered event");
  }

  private static String describe(RunStatusResponse st) {
    return st.getStatus().getValue() + (st.getRunId() != null ? " (run " + st.getRunId() + ")" : "");
  }
}
