package dev.atlas.examples;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.DashboardFile;
import dev.atlas.client.errors.AtlasRenderException;
import dev.atlas.client.generated.model.AddDashboardCardRequest;
import dev.atlas.client.generated.model.ChartConfig;
import dev.atlas.client.generated.model.ChartType;
import dev.atlas.client.generated.model.DashboardCard;
import dev.atlas.client.generated.model.DashboardSummary;
import dev.atlas.client.generated.model.ExportFormat;
import dev.atlas.client.generated.model.QueryResponse;
import dev.atlas.client.generated.model.ShareDashboardResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Create a dashboard, add a card holding the SQL of the tour's own question, publish the draft,
 * share it and read the shared view, export a PNG to a temporary file, unshare and delete. It
 * changes only the dashboard it created (and deletes it, also when a step fails); what the server
 * refuses (sharing without the permission, an export without a headless browser) is skipped with
 * the server's reason.
 */
public final class DashboardsExample {
  /** The tour's own question (see {@link QueryExample}); its SQL becomes the card. */
  static final String QUESTION = "What was last month's revenue?";

  private DashboardsExample() {}

  /**
   * Runs the example.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    Examples.runAlone("DashboardsExample", DashboardsExample::run);
  }

  /**
   * Runs the example.
   *
   * @param atlas the client
   */
  static void run(AtlasClient atlas) {
    Examples.heading("Dashboards");
    System.out.println(atlas.dashboards().list().total() + " dashboard(s) on the server");
    String sql;
    try (Cleanup cleanup = new Cleanup(atlas)) {
      QueryResponse answer = atlas.query(QUESTION);
      cleanup.conversation(answer.getConversationId());
      if (answer.getSql().isEmpty()) {
        throw Outcomes.skipStep("the server answered \"" + QUESTION + "\" without SQL to put on a card");
      }
      sql = answer.getSql().get(answer.getSql().size() - 1);
    }
    DashboardSummary created = atlas.dashboards().create("Atlas SDK tour " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
    String id = created.getId();
    try {
      System.out.println("Created dashboard " + id + " (" + created.getTitle() + ")");
      DashboardCard card = atlas.dashboards().cards().add(id, new AddDashboardCardRequest().title(QUESTION).sql(sql)
          .chartConfig(new ChartConfig().type(ChartType.KPI).categoryColumn("").addValueColumnsItem("revenue")));
      System.out.println("Added card " + card.getId() + " to my draft; published cards: "
          + atlas.dashboards().get(id).getCards().size());
      var published = atlas.dashboards().drafts().publish(id);
      System.out.println("Published " + published.getOpsApplied() + " edit(s); published cards now: "
          + atlas.dashboards().get(id).getCards().size());
      Optional<ShareDashboardResponse> share = Outcomes.refusable("share", () -> atlas.dashboards().sharing().share(id));
      share.ifPresent(s -> {
        System.out.println("Shared (" + s.getShareMode() + ", expires " + (s.getExpiresAt() == null ? "never"
            : s.getExpiresAt().raw()) + "); token of " + s.getToken().length() + " characters");
        Outcomes.refusable("public view", () -> atlas.dashboards().sharing().getPublic(s.getToken()))
            .ifPresent(v -> System.out.println("Public view: \"" + v.getTitle() + "\", " + v.getCards().size()
                + " card(s), no SQL"));
      });
      exportPng(atlas, id);
      if (share.isPresent()) {
        atlas.dashboards().sharing().unshare(id);
        System.out.println("Unshared: " + !atlas.dashboards().sharing().status(id).getShared());
      }
    } finally {
      atlas.dashboards().delete(id);
      System.out.println("Deleted dashboard " + id);
    }
  }

  /** Exports a PNG to a temporary file and prints its size; a server that cannot render is skipped with its reason. */
  private static void exportPng(AtlasClient atlas, String id) {
    Path file;
    try {
      file = Files.createTempFile("atlas-dashboard-", ".png");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      DashboardFile png = atlas.dashboards().files().export(id, ExportFormat.PNG, file);
      Outcomes.passPart();
      System.out.println("Exported " + png.contentType() + ", " + png.size() + " bytes, to a temporary file");
    } catch (AtlasRenderException e) {
      Outcomes.skipPart("export PNG", "the server cannot render: " + Outcomes.reason(e));
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temporary file
      }
    }
  }
}
