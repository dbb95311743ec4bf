package dev.atlas.examples;

import dev.atlas.client.AtlasClient;

/**
 * Shared setup of the examples: a client for {@code ATLAS_BASE_URL} and {@code ATLAS_API_KEY} when
 * set, otherwise for a {@link RecordedAtlas} started in-process.
 */
public final class Examples {
  private static RecordedAtlas recorded;

  private Examples() {}

  /**
   * Connects to the configured Atlas, or to the recorded stand-in when none is configured.
   *
   * @return a client; close it when done
   */
  public static synchronized AtlasClient connect() {
    String url = System.getenv("ATLAS_BASE_URL");
    if (url != null && !url.isBlank()) {
      return AtlasClient.fromEnv();
    }
    if (recorded == null) {
      recorded = RecordedAtlas.start();
      Runtime.getRuntime().addShutdownHook(new Thread(recorded::close));
      System.out.println("(no ATLAS_BASE_URL: using the recorded stand-in server at " + recorded.baseUrl() + ")");
    }
    return AtlasClient.builder().baseUrl(recorded.baseUrl()).apiKey(RecordedAtlas.API_KEY).build();
  }

  /** Stops the recorded stand-in server if one was started. */
  public static synchronized void shutdown() {
    if (recorded != null) {
      recorded.close();
      recorded = null;
    }
  }

  /**
   * Prints a heading.
   *
   * @param title the heading
   */
  public static void heading(String title) {
    System.out.println();
    System.out.println("== " + title + " " + "=".repeat(Math.max(0, 70 - title.length())));
  }
}
