package dev.atlas.examples;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.AtlasStream;
import dev.atlas.client.StreamEvent;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Cancel a stream: from another thread after a deadline, and by breaking out of the loop. */
public final class StreamCancellationExample {
  private StreamCancellationExample() {}

  /**
   * Runs the example.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    Examples.runAlone("StreamCancellationExample", StreamCancellationExample::run);
  }

  static void run(AtlasClient atlas) {
    Examples.heading("Stream cancellation");
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try (Cleanup cleanup = new Cleanup(atlas); AtlasStream stream = atlas.streamQuery("Summarise every table in detail")) {
      stream.conversationId().ifPresent(cleanup::conversation);
      // close() is safe from any thread, even while this thread is blocked reading
      timer.schedule(stream::close, 10, TimeUnit.SECONDS);
      int events = 0;
      for (StreamEvent event : stream) {
        events++;
        if (event instanceof StreamEvent.Text) {
          System.out.println("first text arrived after " + events + " events: stopping here");
          break; // try-with-resources closes the stream and releases the connection
        }
      }
      System.out.println("cancelled by the deadline: " + stream.isCancelled());
    } finally {
      timer.shutdownNow();
    }
  }
}
