package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.generated.api.DashboardsApi;
import dev.atlas.client.generated.model.ExportDashboardRequest;
import dev.atlas.client.generated.model.ExportFormat;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Screenshots (PNG) and exports (PNG or PDF) of dashboards, from {@code atlas.dashboards().files()};
 * thread-safe. The bytes are written to a {@link Path} or an {@link OutputStream} as they arrive,
 * never held whole in memory; the content type must be the one asked for and the size stays under
 * a bound ({@link ExportDashboardParams#maxBytes()}), else the call fails with
 * {@link dev.atlas.client.errors.AtlasInvalidResponseException}. A file written to a path appears
 * only once complete.
 *
 * <p>The server renders with a headless browser. Without one it answers 503
 * {@code browser_unavailable} or, as observed, 500 {@code render_failed}: both are
 * {@link dev.atlas.client.errors.AtlasRenderException}, carrying the server's message.
 */
public final class DashboardFiles {
  private final ClientContext ctx;
  private final DashboardsApi api;

  DashboardFiles(ClientContext ctx, DashboardsApi api) {
    this.ctx = ctx;
    this.api = api;
  }

  /**
   * Writes a PNG screenshot of the published dashboard to a file.
   *
   * @param dashboardId the dashboard id
   * @param target the file (replaced when complete)
   * @return what was written
   * @throws dev.atlas.client.errors.AtlasRenderException when the server cannot render
   * @throws AtlasException on other failures
   */
  public DashboardFile screenshot(String dashboardId, Path target) {
    return screenshot(dashboardId, target, RequestOptions.defaults());
  }

  /**
   * Writes a PNG screenshot to a file, with per-call settings.
   *
   * @param dashboardId the dashboard id
   * @param target the file
   * @param requestOptions timeout and headers
   * @return what was written
   * @throws AtlasException on failure
   */
  public DashboardFile screenshot(String dashboardId, Path target, RequestOptions requestOptions) {
    return FileDownload.toPath(ctx, screenshotOp(dashboardId), requestOptions, "image/png",
        ExportDashboardParams.DEFAULT_MAX_BYTES, target);
  }

  /**
   * Writes a PNG screenshot to a stream as it arrives.
   *
   * @param dashboardId the dashboard id
   * @param out where the bytes go (not closed)
   * @param requestOptions timeout and headers
   * @return what was written
   * @throws AtlasException on failure
   */
  public DashboardFile screenshot(String dashboardId, OutputStream out, RequestOptions requestOptions) {
    return FileDownload.toStream(ctx, screenshotOp(dashboardId), requestOptions, "image/png",
        ExportDashboardParams.DEFAULT_MAX_BYTES, out);
  }

  /**
   * Writes a PNG screenshot to a file without blocking the caller (on the client's stream threads).
   *
   * @param dashboardId the dashboard id
   * @param target the file
   * @param requestOptions timeout and headers
   * @return what was written
   */
  public CompletableFuture<DashboardFile> screenshotAsync(String dashboardId, Path target,
      RequestOptions requestOptions) {
    screenshotOp(dashboardId);
    return CompletableFuture.supplyAsync(() -> screenshot(dashboardId, target, requestOptions), ctx.streamExecutor());
  }

  private Operation<Void> screenshotOp(String id) {
    PathIds.check("dashboardId", id);
    return FileDownload.accepting(Operation.of("getDashboardScreenshot", () -> api.getDashboardScreenshotCall(id, null),
        Void.class).about(id), "image/png");
  }

  /**
   * Exports the dashboard with its default parameter values to a file.
   *
   * @param dashboardId the dashboard id
   * @param format PNG or PDF
   * @param target the file (replaced when complete)
   * @return what was written
   * @throws dev.atlas.client.errors.AtlasRenderException when the server cannot render
   * @throws AtlasException on other failures
   */
  public DashboardFile export(String dashboardId, ExportFormat format, Path target) {
    return export(dashboardId, format, ExportDashboardParams.defaults(), target, RequestOptions.defaults());
  }

  /**
   * Exports the dashboard to a file with parameter values and a size bound.
   *
   * @param dashboardId the dashboard id
   * @param format PNG or PDF
   * @param params parameter values and the size bound
   * @param target the file
   * @param requestOptions timeout and headers
   * @return what was written
   * @throws AtlasException on failure
   */
  public DashboardFile export(String dashboardId, ExportFormat format, ExportDashboardParams params, Path target,
      RequestOptions requestOptions) {
    return FileDownload.toPath(ctx, exportOp(dashboardId, format, params), requestOptions, contentType(format),
        params.maxBytes(), target);
  }

  /**
   * Exports the dashboard to a stream as the bytes arrive.
   *
   * @param dashboardId the dashboard id
   * @param format PNG or PDF
   * @param params parameter values and the size bound
   * @param out where the bytes go (not closed)
   * @param requestOptions timeout and headers
   * @return what was written
   * @throws AtlasException on failure
   */
  public DashboardFile export(String dashboardId, ExportFormat format, ExportDashboardParams params, OutputStream out,
      RequestOptions requestOptions) {
    return FileDownload.toStream(ctx, exportOp(dashboardId, format, params), requestOptions, contentType(format),
        params.maxBytes(), out);
  }

  /**
   * Exports the dashboard to a file without blocking the caller (on the client's stream threads).
   *
   * @param dashboardId the dashboard id
   * @param format PNG or PDF
   * @param params parameter values and the size bound
   * @param target the file
   * @param requestOptions timeout and headers
   * @return what was written
   */
  public CompletableFuture<DashboardFile> exportAsync(String dashboardId, ExportFormat format,
      ExportDashboardParams params, Path target, RequestOptions requestOptions) {
    exportOp(dashboardId, format, params);
    return CompletableFuture.supplyAsync(() -> export(dashboardId, format, params, target, requestOptions),
        ctx.streamExecutor());
  }

  private Operation<Void> exportOp(String id, ExportFormat format, ExportDashboardParams params) {
    PathIds.check("dashboardId", id);
    Objects.requireNonNull(params, "params");
    ExportDashboardRequest body = new ExportDashboardRequest().format(Objects.requireNonNull(format, "format"));
    if (!params.parameters().isEmpty()) {
      body.parameters(new LinkedHashMap<>(params.parameters()));
    }
    return FileDownload.accepting(Operation.of("exportDashboard", () -> api.exportDashboardCall(id, body, null),
        Void.class).about(id), contentType(format));
  }

  private static String contentType(ExportFormat format) {
    if (format == ExportFormat.PNG) {
      return "image/png";
    }
    if (format == ExportFormat.PDF) {
      return "application/pdf";
    }
    throw new IllegalArgumentException("format must be PNG or PDF, got " + format);
  }

  @Override
  public String toString() {
    return "DashboardFiles";
  }
}
