package dev.atlas.examples;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.AtlasStream;
import dev.atlas.client.StreamEvent;

/** Stream an answer and print the text as it arrives, tool calls and result tables. */
public final class StreamingExample {
  private StreamingExample() {}

  /**
   * Runs the example.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    Examples.runAlone("StreamingExample", StreamingExample::run);
  }

  static void run(AtlasClient atlas) {
    Examples.heading("Streaming");
    try (Cleanup cleanup = new Cleanup(atlas); AtlasStream stream = atlas.streamQuery("How many active customers?")) {
      stream.conversationId().map(cleanup::conversation).ifPresent(id -> System.out.println("(conversation " + id + ")"));
      for (StreamEvent event : stream) {
        if (event instanceof StreamEvent.Text t) {
          System.out.print(t.content());
          System.out.flush();
        } else if (event instanceof StreamEvent.ToolCall call) {
          System.out.println("[calling " + call.name() + "]");
        } else if (event instanceof StreamEvent.Result result) {
          System.out.println();
          Tables.print(result.columns(), result.rows());
        } else if (event instanceof StreamEvent.Error error) {
          System.out.println("\n[error " + error.rawCode() + "] " + error.message());
        } else if (event instanceof StreamEvent.Finish finish) {
          System.out.println("\n(done: " + finish.reason() + ")");
        }
      }
    }
  }
}
