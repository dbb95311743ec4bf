package dev.atlas.examples;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.batch.BatchOptions;
import dev.atlas.client.batch.BatchOutcome;
import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.generated.model.QueryResponse;
import java.util.List;

/**
 * Ask many questions at once with bounded concurrency; outcomes come back in input order. The step
 * passes when every question was answered (or refused for the server's configuration).
 */
public final class BatchExample {
  private BatchExample() {}

  /**
   * Runs the example.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    Examples.runAlone("BatchExample", BatchExample::run);
  }

  static void run(AtlasClient atlas) {
    Examples.heading("Batch");
    List<String> questions = List.of("What was last month's revenue?", "How many active customers?",
        "What is the average order value?", "Top 5 products by units sold", "How many orders are there?",
        "Revenue by region");
    List<BatchOutcome<String, QueryResponse>> outcomes = atlas.queryBatch(questions, BatchOptions.defaults()
        .withConcurrency(3).withProgress(p -> System.out.printf("  progress %d/%d%n", p.completed(), p.total())))
        .join();
    try (Cleanup cleanup = new Cleanup(atlas)) {
      for (BatchOutcome<String, QueryResponse> o : outcomes) {
        if (o instanceof BatchOutcome.Success<String, QueryResponse> s) {
          cleanup.conversation(s.value().getConversationId());
          System.out.println(o.index() + ". " + o.input() + " -> " + s.value().getAnswer());
          Outcomes.passPart();
        } else if (o instanceof BatchOutcome.Failure<String, QueryResponse> f) {
          // each question is a part: one that failed fails the step, one the server refused is skipped
          String part = "question " + o.index();
          if (f.error() instanceof AtlasException e && Outcomes.isRefusal(e)) {
            Outcomes.skipPart(part, Outcomes.reason(e));
          } else {
            Outcomes.failPart(part, f.error() instanceof AtlasException e ? Outcomes.reason(e) : f.error().toString());
          }
        }
      }
    }
  }
}
