package dev.atlas.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.DashboardFile;
import dev.atlas.client.DashboardView;
import dev.atlas.client.ExportDashboardParams;
import dev.atlas.client.ListDashboardsParams;
import dev.atlas.client.RenderDashboardCardParams;
import dev.atlas.client.RequestOptions;
import dev.atlas.client.ShareDashboardParams;
import dev.atlas.client.UpdateDashboardCardParams;
import dev.atlas.client.UpdateDashboardParams;
import dev.atlas.client.errors.AtlasConflictException;
import dev.atlas.client.errors.AtlasErrorCode;
import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.errors.AtlasInvalidRequestException;
import dev.atlas.client.errors.AtlasNotFoundException;
import dev.atlas.client.errors.AtlasPermissionException;
import dev.atlas.client.errors.AtlasRenderException;
import dev.atlas.client.generated.model.AddDashboardCardRequest;
import dev.atlas.client.generated.model.CardKind;
import dev.atlas.client.generated.model.CreateDashboardRequest;
import dev.atlas.client.generated.model.Dashboard;
import dev.atlas.client.generated.model.DashboardCard;
import dev.atlas.client.generated.model.DashboardParameterInput;
import dev.atlas.client.generated.model.DashboardParameterType;
import dev.atlas.client.generated.model.ExportFormat;
import dev.atlas.client.generated.model.ShareExpiry;
import dev.atlas.client.generated.model.ShareMode;
import dev.atlas.client.retry.RetryPolicy;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every dashboard operation on the sandbox through the real client, every exchange validated against the spec. */
class DashboardSandboxTest extends SpecCheckedSandboxTest {
  static final String ORDERS_BY_REGION = "SELECT COUNT(*) AS orders FROM orders o JOIN customers c ON c.id = o.customer_id"
      + " WHERE c.region = :region";

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    startSandbox(AtlasSandbox.builder());
  }

  static String create(String title) {
    return atlas.dashboards().create(new CreateDashboardRequest().title(title).addParametersItem(new DashboardParameterInput()
        .key("region").type(DashboardParameterType.TEXT)._default("north").label("Region")), RequestOptions.defaults()).getId();
  }

  static String addCard(String id) {
    return atlas.dashboards().cards().add(id, new AddDashboardCardRequest().title("Orders in region").sql(ORDERS_BY_REGION))
        .getId();
  }

  @Test
  void editsLandInTheDraftUntilPublishWhileScheduleAndParametersApplyAtOnce() {
    String id = create("Regional orders");
    assertThat(atlas.dashboards().list(ListDashboardsParams.defaults().withLimit(100)).items())
        .anySatisfy(d -> assertThat(d.getId()).isEqualTo(id));
    String cardId = addCard(id);
    assertThat(atlas.dashboards().get(id).getCards()).as("published: unchanged until publish").isEmpty();
    assertThat(atlas.dashboards().get(id, DashboardView.DRAFT, RequestOptions.defaults()).getCards()).hasSize(1);
    Dashboard draftView = atlas.dashboards().update(id, UpdateDashboardParams.defaults().withTitle("Orders by region"))
        .orElseThrow();
    assertThat(draftView.getTitle()).isEqualTo("Orders by region");
    assertThat(atlas.dashboards().get(id).getTitle()).isEqualTo("Regional orders");
    Dashboard published = atlas.dashboards().update(id, UpdateDashboardParams.defaults().withRefreshSchedule("0 7 * * *"))
        .orElseThrow();
    assertThat(published.getRefreshSchedule()).isEqualTo("0 7 * * *");
    assertThat(published.getNextRefreshAt().toInstant()).isPresent();
    var status = atlas.dashboards().drafts().status(id);
    assertThat(status.getHasDraft()).isTrue();
    assertThat(status.getStaleBaseline()).isTrue();
    assertThat(status.getPublishedBaselineAt().raw()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00");
    assertThatThrownBy(() -> atlas.dashboards().drafts().publish(id)).isInstanceOfSatisfying(AtlasConflictException.class,
        e -> assertThat(e.code()).isEqualTo(AtlasErrorCode.STALE_BASELINE));
    assertThat(atlas.dashboards().drafts().rebase(id).getOk()).isTrue();
    var publish = atlas.dashboards().drafts().publish(id);
    assertThat(publish.getOpsApplied()).isEqualTo(2);
    assertThat(publish.getRefreshingCardIds()).containsExactly(cardId);
    Dashboard live = atlas.dashboards().get(id);
    assertThat(live.getTitle()).isEqualTo("Orders by region");
    assertThat(live.getCards().get(0).getCachedRows().get(0).get("orders")).isInstanceOf(String.class);
    assertThat(atlas.dashboards().drafts().status(id).getHasDraft()).isFalse();
    assertThatThrownBy(() -> atlas.dashboards().drafts().publish(id)).isInstanceOf(AtlasNotFoundException.class);
    assertThat(atlas.dashboards().update(id, UpdateDashboardParams.defaults().clearRefreshSchedule()).orElseThrow()
        .getRefreshSchedule()).isNull();
    atlas.dashboards().delete(id);
    assertThatThrownBy(() -> atlas.dashboards().get(id)).isInstanceOf(AtlasNotFoundException.class);
  }

  @Test
  void cardsChangeUndoRefreshRenderAndPreview() throws Exception {
    String id = create("Cards");
    String cardId = addCard(id);
    DashboardCard text = atlas.dashboards().cards().add(id, new AddDashboardCardRequest().title("Note").kind(CardKind.TEXT)
        .content("**Weekly**"));
    assertThat(text.getSql()).isEmpty();
    assertThat(text.getChartConfig()).isNull();
    assertThat(atlas.dashboards().cards().update(id, cardId, UpdateDashboardCardParams.defaults().withSql("SELECT 1 AS one"))
        .orElseThrow().getSql()).isEqualTo("SELECT 1 AS one");
    atlas.dashboards().drafts().undoSqlChange(id, cardId, ORDERS_BY_REGION);
    DashboardCard card = atlas.dashboards().drafts().getOrFork(id).getView().getCards().get(0);
    assertThat(card.getSql()).isEqualTo(ORDERS_BY_REGION);
    atlas.dashboards().cards().remove(id, text.getId());
    atlas.dashboards().drafts().undoCardRemoval(id, text);
    assertThat(atlas.dashboards().drafts().getOrFork(id).getView().getCards()).hasSize(2);
    DashboardCard refreshed = atlas.dashboards().cards().refresh(id, cardId, DashboardView.DRAFT, RequestOptions.defaults())
        .orElseThrow();
    assertThat(refreshed.getCachedColumns()).containsExactly("orders");
    assertThat(refreshed.getCachedAt().toInstant()).isPresent();
    var north = atlas.dashboards().cards().render(id, cardId, RenderDashboardCardParams.defaults().withView(DashboardView.DRAFT));
    var south = atlas.dashboards().cards().render(id, cardId, RenderDashboardCardParams.defaults()
        .withView(DashboardView.DRAFT).withParameter("region", "south"));
    assertThat(north.getRows().get(0).get("orders")).isNotEqualTo(south.getRows().get(0).get("orders"));
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    DashboardFile f = atlas.dashboards().cards().renderCsv(id, cardId, RenderDashboardCardParams.defaults()
        .withView(DashboardView.DRAFT), csv, RequestOptions.defaults());
    assertThat(csv.toString(StandardCharsets.UTF_8)).startsWith("orders\n");
    assertThat(f.fileName()).hasValueSatisfying(n -> assertThat(n).startsWith("cards-").endsWith(".csv"));
    assertThatThrownBy(() -> atlas.dashboards().cards().renderCsv(id, text.getId(), RenderDashboardCardParams.defaults()
        .withView(DashboardView.DRAFT), new ByteArrayOutputStream(), RequestOptions.defaults()))
        .isInstanceOfSatisfying(AtlasInvalidRequestException.class, e -> assertThat(e.rawCode()).isEqualTo("not_exportable"));
    assertThat(atlas.dashboards().cards().preview("SELECT COUNT(*) AS n FROM orders").getRows().get(0).get("n"))
        .isEqualTo("2000");
    assertThatThrownBy(() -> atlas.dashboards().cards().preview("DELETE FROM orders"))
        .isInstanceOfSatisfying(AtlasInvalidRequestException.class, e -> assertThat(e.rawCode()).isEqualTo("invalid_sql"));
    atlas.dashboards().drafts().publish(id);
    assertThat(atlas.dashboards().cards().refresh(id, cardId).hasBody()).isTrue();
    var all = atlas.dashboards().refresh(id);
    assertThat(all.getTotal()).isEqualTo(2);
    assertThat(all.getRefreshed()).isEqualTo(2);
    assertThat(atlas.dashboards().suggestCards(id).getSuggestions()).hasSize(2);
    assertThat(atlas.dashboards().sessions().list(id).getSessions()).isEmpty();
    assertThatThrownBy(() -> atlas.dashboards().sessions().get(id, cardId)).isInstanceOf(AtlasNotFoundException.class);
    atlas.dashboards().drafts().getOrFork(id);
    atlas.dashboards().drafts().discard(id);
    assertThat(atlas.dashboards().drafts().status(id).getHasDraft()).isFalse();
  }

  @Test
  void theServersRefusalsAreTyped() {
    assertThatThrownBy(() -> atlas.dashboards().create(" ".trim()))
        .isInstanceOfSatisfying(AtlasInvalidRequestException.class, e -> assertThat(e.status()).isEqualTo(422));
    String id = create("Refusals");
    addCard(id);
    atlas.dashboards().drafts().publish(id);
    assertThatThrownBy(() -> atlas.dashboards().update(id, UpdateDashboardParams.defaults().withRefreshSchedule("daily")))
        .isInstanceOfSatisfying(AtlasInvalidRequestException.class, e -> assertThat(e.rawCode()).isEqualTo("invalid_request"));
    assertThatThrownBy(() -> atlas.dashboards().update(id, UpdateDashboardParams.defaults().withParameters(List.of())))
        .isInstanceOfSatisfying(AtlasInvalidRequestException.class, e -> assertThat(e.rawCode()).isEqualTo("invalid_parameters"));
    assertThatThrownBy(() -> atlas.dashboards().cards().add(id, new AddDashboardCardRequest().title("t").kind(CardKind.TEXT)
        .content("x").sql("SELECT 1"))).isInstanceOfSatisfying(AtlasInvalidRequestException.class,
            e -> assertThat(e.status()).isEqualTo(422));
    assertThatThrownBy(() -> atlas.dashboards().suggestCards(create("Empty"))).isInstanceOf(AtlasInvalidRequestException.class);
    try (AtlasSandbox simpleKey = AtlasSandbox.builder().simpleKeyWithoutOrganization().start();
         AtlasClient c = AtlasClient.builder().baseUrl(simpleKey.baseUrl()).apiKey(simpleKey.apiKey()).build()) {
      assertThatThrownBy(() -> c.dashboards().list()).isInstanceOfSatisfying(AtlasInvalidRequestException.class,
          e -> assertThat(e.serverMessage()).hasValueSatisfying(m -> assertThat(m).startsWith("No active organization")));
    }
  }

  @Test
  void sharingMakesATokenWhosePublicViewOmitsSqlUntilUnshared() {
    String id = create("Shared");
    addCard(id);
    atlas.dashboards().drafts().publish(id);
    var share = atlas.dashboards().sharing().share(id);
    assertThat(share.getToken()).matches("[A-Za-z0-9_-]{20,64}");
    assertThat(share.getShareMode()).isEqualTo(ShareMode.PUBLIC);
    assertThat(share.getExpiresAt()).isNull();
    assertThat(atlas.dashboards().sharing().share(id).getToken()).as("kept unless rotated").isEqualTo(share.getToken());
    try (AtlasClient anonymous = AtlasClient.builder().baseUrl(sandbox.baseUrl()).withoutCredentials()
        .retryPolicy(RetryPolicy.none()).addNetworkInterceptor(spec).build()) {
      var view = anonymous.dashboards().sharing().getPublic(share.getToken());
      assertThat(view.getTitle()).isEqualTo("Shared");
      assertThat(view.getCards().get(0).getAdditionalProperties() == null
          || !view.getCards().get(0).getAdditionalProperties().containsKey("sql")).isTrue();
      assertThat(view.getParameterSummary().get(0).getDisplayValue()).isEqualTo("north");
      var org = atlas.dashboards().sharing().share(id, ShareDashboardParams.defaults().withShareMode(ShareMode.ORG)
          .withExpiresIn(ShareExpiry._1H).withRotate(true));
      assertThat(org.getRotated()).isTrue();
      assertThat(org.getExpiresAt().toInstant()).isPresent();
      assertThatThrownBy(() -> anonymous.dashboards().sharing().getPublic(org.getToken()))
          .isInstanceOfSatisfying(AtlasPermissionException.class, e -> assertThat(e.rawCode()).isEqualTo("auth_required"));
      assertThat(atlas.dashboards().sharing().getPublic(org.getToken()).getShareMode()).isEqualTo(ShareMode.ORG);
      assertThat(atlas.dashboards().sharing().status(id).getShared()).isTrue();
      sandbox.advanceClock(Duration.ofHours(2));
      assertThatThrownBy(() -> atlas.dashboards().sharing().getPublic(org.getToken()))
          .isInstanceOfSatisfying(AtlasException.class, e -> assertThat(e.status()).isEqualTo(410));
      atlas.dashboards().sharing().unshare(id);
      assertThat(atlas.dashboards().sharing().status(id).getShared()).isFalse();
      assertThatThrownBy(() -> anonymous.dashboards().sharing().getPublic(org.getToken()))
          .isInstanceOf(AtlasNotFoundException.class);
    }
  }

  @Test
  void screenshotsAndExportsAreValidPngAndPdfFiles() throws Exception {
    String id = create("Files");
    Path png = dir.resolve("files.png");
    DashboardFile shot = atlas.dashboards().files().screenshot(id, png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(64);
    assertThat(shot.size()).isEqualTo(Files.size(png));
    Path pdf = dir.resolve("files.pdf");
    DashboardFile export = atlas.dashboards().files().export(id, ExportFormat.PDF, pdf);
    String text = Files.readString(pdf, StandardCharsets.US_ASCII);
    assertThat(text).startsWith("%PDF-1.4").contains("(Files) Tj").endsWith("%%EOF\n");
    assertThat(export.fileName()).contains("files.pdf");
    assertThat(export.partial()).isFalse();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    atlas.dashboards().files().export(id, ExportFormat.PNG, ExportDashboardParams.defaults(), out, RequestOptions.defaults());
    assertThat(ImageIO.read(new java.io.ByteArrayInputStream(out.toByteArray())).getHeight()).isEqualTo(40);
    try (AtlasSandbox noBrowser = AtlasSandbox.builder().withoutBrowser().start();
         AtlasClient c = AtlasClient.builder().baseUrl(noBrowser.baseUrl()).apiKey(noBrowser.apiKey())
             .retryPolicy(RetryPolicy.none()).addNetworkInterceptor(spec).build()) {
      String other = c.dashboards().create("No browser").getId();
      assertThatThrownBy(() -> c.dashboards().files().export(other, ExportFormat.PNG, dir.resolve("x.png")))
          .isInstanceOfSatisfying(AtlasRenderException.class, e -> {
            assertThat(e.rawCode()).isEqualTo("render_failed");
            assertThat(e.serverMessage()).hasValueSatisfying(m -> assertThat(m).contains("Executable doesn't exist"));
          });
      assertThat(dir.resolve("x.png")).doesNotExist();
    }
  }
}
