package dev.atlas.examples;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.ListAuditLogParams;
import dev.atlas.client.generated.model.AuditLogEntry;

/** Read the audit log: recent failed queries, every page, and the totals. */
public final class AuditLogExample {
  private AuditLogExample() {}

  /**
   * Runs the example.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    Examples.runAlone("AuditLogExample", AuditLogExample::run);
  }

  static void run(AtlasClient atlas) {
    Examples.heading("Audit log");
    try (Cleanup cleanup = new Cleanup(atlas)) {
      // leaves a failed query in the log (the log entry stays; the conversation is deleted)
      cleanup.conversation(atlas.query("SELECT no_such_column FROM orders").getConversationId());
    }
    for (AuditLogEntry e : atlas.admin().audit(ListAuditLogParams.defaults().withSuccess(false).withLimit(20)).items()) {
      System.out.println("FAILED " + e.getTimestamp() + " | " + e.getSql() + " | " + e.getError());
    }
    long all = atlas.admin().audit(ListAuditLogParams.defaults().withLimit(200)).autoPager().stream().count();
    var stats = atlas.admin().auditStats();
    System.out.println(all + " entries; " + stats.getTotalQueries() + " queries, error rate " + stats.getErrorRate() + " %");
  }
}
