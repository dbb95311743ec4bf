package dev.atlas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static dev.atlas.client.DashboardFixtures.C;
import static dev.atlas.client.DashboardFixtures.D;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.atlas.client.errors.AtlasInvalidResponseException;
import dev.atlas.client.errors.AtlasRenderException;
import dev.atlas.client.errors.AtlasServerException;
import dev.atlas.client.generated.model.ExportFormat;
import dev.atlas.client.generated.model.ShareExpiry;
import dev.atlas.client.generated.model.ShareMode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sharing, the public view, screenshots, exports and CSV on WireMock: wire, typed results, typed failures. */
class DashboardFilesTest extends WireMockSupport {
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0, 'I', 'E', 'N', 'D'};

  @TempDir
  Path dir;

  private static void answer(int status, String body) {
    wm.stubFor(any(anyUrl()).willReturn(body == null ? aResponse().withStatus(status)
        : aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
  }

  private static void file(String type, byte[] bytes, String... headers) {
    var r = aResponse().withStatus(200).withHeader("Content-Type", type).withBody(bytes);
    for (int i = 0; i < headers.length; i += 2) {
      r = r.withHeader(headers[i], headers[i + 1]);
    }
    wm.stubFor(any(anyUrl()).willReturn(r));
  }

  private static LoggedRequest last() {
    List<LoggedRequest> all = received();
    return all.get(all.size() - 1);
  }

  private static String wire(LoggedRequest r) {
    return r.getMethod().getName() + " " + r.getUrl() + (r.getBodyAsString().isEmpty() ? "" : " " + r.getBodyAsString());
  }

  @Test
  void shareUnshareStatusAndThePublicView() throws Exception {
    answer(200, "{\"token\":\"Zx8Qw1Lm4Np7Rt2Vb5Yc9Hd\",\"expiresAt\":null,\"shareMode\":\"public\",\"rotated\":false}");
    assertThat(client().dashboards().sharing().share(D).getToken()).isEqualTo("Zx8Qw1Lm4Np7Rt2Vb5Yc9Hd");
    assertThat(wire(last())).isEqualTo("POST /api/v1/dashboards/" + D + "/share");
    answer(200, "{\"token\":\"Ab8Qw1Lm4Np7Rt2Vb5Yc9Hd\",\"expiresAt\":\"2026-12-13T05:02:49.668Z\",\"shareMode\":\"org\",\"rotated\":true}");
    var shared = client().dashboards().sharing().share(D, ShareDashboardParams.defaults().withExpiresIn(ShareExpiry._7D)
        .withShareMode(ShareMode.ORG).withRotate(true));
    assertThat(shared.getRotated()).isTrue();
    assertThat(shared.getExpiresAt().toInstant()).isPresent();
    assertThat(wire(last())).isEqualTo("POST /api/v1/dashboards/" + D
        + "/share {\"expiresIn\":\"7d\",\"shareMode\":\"org\",\"rotate\":true}");
    answer(200, "{\"shared\":false,\"token\":null,\"expiresAt\":null,\"shareMode\":\"public\"}");
    assertThat(client().dashboards().sharing().statusAsync(D, RequestOptions.defaults()).get(10, TimeUnit.SECONDS)
        .getShared()).isFalse();
    assertThat(wire(last())).isEqualTo("GET /api/v1/dashboards/" + D + "/share");
    answer(204, null);
    client().dashboards().sharing().unshare(D);
    assertThat(wire(last())).isEqualTo("DELETE /api/v1/dashboards/" + D + "/share");
    answer(200, "{\"title\":\"Revenue\",\"description\":null,\"shareMode\":\"public\",\"cards\":[{\"id\":\"" + C
        + "\",\"position\":0,\"title\":\"Orders\",\"kind\":\"chart\",\"chartConfig\":null,\"content\":null,\"annotations\":[],"
        + "\"cachedColumns\":[\"n\"],\"cachedRows\":[{\"n\":\"25000\"}],\"cachedAt\":null,\"layout\":null}],"
        + "\"parameterSummary\":[{\"label\":\"Min\",\"displayValue\":\"0\"}],\"dataAsOf\":\"2026-12-06T05:02:49.668Z\","
        + "\"createdAt\":\"" + DashboardFixtures.JS + "\",\"updatedAt\":\"" + DashboardFixtures.JS + "\",\"lastRefreshAt\":null}");
    var pub = client().dashboards().sharing().getPublic("Zx8Qw1Lm4Np7Rt2Vb5Yc9Hd");
    assertThat(pub.getCards().get(0).getCachedRows().get(0)).containsEntry("n", "25000");
    assertThat(pub.getParameterSummary().get(0).getDisplayValue()).isEqualTo("0");
    assertThat(wire(last())).isEqualTo("GET /api/public/dashboards/Zx8Qw1Lm4Np7Rt2Vb5Yc9Hd");
  }

  @Test
  void anExportIsStreamedToAFileWithItsHeadersAndTheAskedContentType() throws Exception {
    file("image/png", PNG, "Content-Disposition", "attachment; filename=\"revenue.png\"", "X-Atlas-Export-Partial", "1",
        "X-Atlas-Export-Duration-Ms", "1250");
    Path target = dir.resolve("revenue.png");
    DashboardFile f = client().dashboards().files().export(D, ExportFormat.PNG, ExportDashboardParams.defaults()
        .withParameter("region", "north"), target, RequestOptions.defaults());
    assertThat(Files.readAllBytes(target)).isEqualTo(PNG);
    assertThat(f.size()).isEqualTo(PNG.length);
    assertThat(f.contentType()).isEqualTo("image/png");
    assertThat(f.fileName()).contains("revenue.png");
    assertThat(f.partial()).isTrue();
    assertThat(f.serverDuration()).hasValueSatisfying(d -> assertThat(d.toMillis()).isEqualTo(1250));
    assertThat(wire(last())).isEqualTo("POST /api/v1/dashboards/" + D
        + "/export {\"format\":\"png\",\"parameters\":{\"region\":\"north\"}}");
    assertThat(last().getHeader("Accept")).isEqualTo("image/png");
    assertThat(Files.list(dir)).containsExactly(target); // no temporary file left behind
  }

  @Test
  void aPdfExportAndAScreenshotGoToStreamsAndTheAsyncFormsToFiles() throws Exception {
    byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    file("application/pdf", pdf);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    client().dashboards().files().export(D, ExportFormat.PDF, ExportDashboardParams.defaults(), out, RequestOptions.defaults());
    assertThat(out.toByteArray()).isEqualTo(pdf);
    assertThat(wire(last())).isEqualTo("POST /api/v1/dashboards/" + D + "/export {\"format\":\"pdf\"}");
    assertThat(client().dashboards().files().exportAsync(D, ExportFormat.PDF, ExportDashboardParams.defaults(),
        dir.resolve("a.pdf"), RequestOptions.defaults()).get(10, TimeUnit.SECONDS).size()).isEqualTo(pdf.length);
    file("image/png", PNG, "X-Atlas-Screenshot-Cached", "1");
    ByteArrayOutputStream shot = new ByteArrayOutputStream();
    client().dashboards().files().screenshot(D, shot, RequestOptions.defaults());
    assertThat(shot.toByteArray()).isEqualTo(PNG);
    assertThat(wire(last())).isEqualTo("GET /api/v1/dashboards/" + D + "/screenshot");
    assertThat(client().dashboards().files().screenshotAsync(D, dir.resolve("s.png"), RequestOptions.defaults())
        .get(10, TimeUnit.SECONDS).contentType()).isEqualTo("image/png");
  }

  @Test
  void aServerWithoutABrowserIsATypedRenderErrorWithItsMessage() {
    answer(500, "{\"error\":\"render_failed\",\"message\":\"Executable doesn't exist at /ms-playwright/chromium\",\"requestId\":\"r-1\"}");
    Path target = dir.resolve("x.png");
    assertThatThrownBy(() -> client().dashboards().files().screenshot(D, target))
        .isInstanceOfSatisfying(AtlasRenderException.class, e -> {
          assertThat(e.serverMessage()).contains("Executable doesn't exist at /ms-playwright/chromium");
          assertThat(e.status()).isEqualTo(500);
        });
    assertThat(target).doesNotExist();
    answer(503, "{\"error\":\"browser_unavailable\",\"message\":\"No headless browser\",\"requestId\":\"r-2\"}");
    assertThatThrownBy(() -> client().dashboards().files().export(D, ExportFormat.PDF, target))
        .isInstanceOf(AtlasRenderException.class).isInstanceOf(AtlasServerException.class)
        .hasMessageContaining("No headless browser");
  }

  @Test
  void anotherContentTypeThanAskedOrTooManyBytesIsAnInvalidResponseAndLeavesNoFile() throws Exception {
    file("application/pdf", "%PDF".getBytes(StandardCharsets.US_ASCII));
    Path target = dir.resolve("x.png");
    assertThatThrownBy(() -> client().dashboards().files().export(D, ExportFormat.PNG, target))
        .isInstanceOf(AtlasInvalidResponseException.class).hasMessageContaining("expected image/png as asked, got application/pdf");
    file("image/png", new byte[5000]);
    assertThatThrownBy(() -> client().dashboards().files().export(D, ExportFormat.PNG,
        ExportDashboardParams.defaults().withMaxBytes(4096), target, RequestOptions.defaults()))
        .isInstanceOf(AtlasInvalidResponseException.class).hasMessageContaining("larger than the bound of 4096 bytes");
    assertThat(Files.list(dir)).isEmpty();
    assertThatThrownBy(() -> ExportDashboardParams.defaults().withMaxBytes(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCardRendersToCsvAsItArrives() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/csv; charset=utf-8")
        .withHeader("X-Atlas-Truncated", "0").withHeader("Content-Disposition", "attachment; filename=\"orders-20261206-050832.csv\"")
        .withBody("orders\n1894\n")));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DashboardFile f = client().dashboards().cards().renderCsv(D, C, RenderDashboardCardParams.defaults()
        .withView(DashboardView.DRAFT), out, RequestOptions.defaults());
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("orders\n1894\n");
    assertThat(f.partial()).isFalse();
    assertThat(f.fileName()).contains("orders-20261206-050832.csv");
    assertThat(wire(last())).isEqualTo("POST /api/v1/dashboards/" + D + "/cards/" + C + "/render?format=csv&view=draft");
    assertThat(last().getHeader("Accept")).isEqualTo("text/csv");
  }
}
