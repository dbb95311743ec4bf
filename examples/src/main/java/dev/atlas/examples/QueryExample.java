package dev.atlas.examples;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.generated.model.QueryResponse;
import dev.atlas.client.generated.model.QueryResultSet;

/** Ask a question and print the answer, the SQL and the rows as a table. */
public final class QueryExample {
  private QueryExample() {}

  /**
   * Runs the example.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    Examples.runAlone("QueryExample", QueryExample::run);
  }

  static void run(AtlasClient atlas) {
    Examples.heading("Query");
    try (Cleanup cleanup = new Cleanup(atlas)) {
      QueryResponse result = atlas.query("What was last month's revenue?");
      cleanup.conversation(result.getConversationId()); // the question started a conversation
      System.out.println("Answer: " + result.getAnswer());
      result.getSql().forEach(sql -> System.out.println("SQL:    " + sql));
      for (QueryResultSet set : result.getData()) {
        Tables.print(set.getColumns(), set.getRows());
      }
      System.out.println("Steps: " + result.getSteps() + ", tokens: " + result.getUsage().getTotalTokens());
    }
  }
}
