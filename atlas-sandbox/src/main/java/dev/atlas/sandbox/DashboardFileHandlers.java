package dev.atlas.sandbox;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Screenshot and export: a small valid PNG (a 64 x 40 image in the dashboard's colour) or a
 * one-page PDF naming the dashboard, with the server's headers. A sandbox built
 * {@code withoutBrowser()} answers as a server without a headless browser was recorded to: 500
 * {@code render_failed} with the server's message.
 */
final class DashboardFileHandlers {
  private final DashboardStore store;
  private final boolean browser;

  DashboardFileHandlers(DashboardStore store, boolean browser) {
    this.store = store;
    this.browser = browser;
  }

  /** Registers the operations this class answers. */
  void register(HandlerTable t) {
    t.on("getDashboardScreenshot", this::screenshot);
    t.on("exportDashboard", this::export);
  }

  void screenshot(Call c) throws IOException {
    String id = c.uuidParam(1);
    String title = title(id);
    checkBrowser();
    c.ex.getResponseHeaders().set("X-Atlas-Screenshot-Cached", "0");
    c.ex.getResponseHeaders().set("X-Atlas-Screenshot-Duration-Ms", "420");
    send(c, "image/png", png(title), null);
  }

  void export(Call c) throws IOException {
    String id = c.uuidParam(1);
    JsonObject body = c.body();
    String format = body == null || !body.has("format") ? "pdf" : Wire.optText(body, "format");
    if (!"pdf".equals(format) && !"png".equals(format)) {
      throw Reject.validation("format", "Invalid option: expected one of \"png\"|\"pdf\"");
    }
    String title = title(id);
    checkBrowser();
    String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    c.ex.getResponseHeaders().set("X-Atlas-Export-Partial", "0");
    c.ex.getResponseHeaders().set("X-Atlas-Export-Duration-Ms", "1250");
    send(c, format.equals("png") ? "image/png" : "application/pdf", format.equals("png") ? png(title) : pdf(title),
        slug + "." + format);
  }

  private String title(String id) {
    synchronized (store.state) {
      return store.dashboard(id).get("title").getAsString();
    }
  }

  private void checkBrowser() {
    if (!browser) {
      throw new Reject(500, "render_failed", "Failed to render the dashboard: Executable doesn't exist at "
          + "/root/.cache/ms-playwright/chromium_headless_shell-1187/chrome-linux/headless_shell");
    }
  }

  private static void send(Call c, String type, byte[] bytes, String fileName) throws IOException {
    c.ex.getResponseHeaders().set("Content-Type", type);
    if (fileName != null) {
      c.ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }
    c.ex.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = c.ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** @return a valid 64 x 40 RGB PNG of one colour derived from the title */
  static byte[] png(String title) {
    int w = 64;
    int h = 40;
    int rgb = title.hashCode() & 0xFFFFFF;
    byte[] raw = new byte[h * (1 + w * 3)];
    for (int y = 0, i = 0; y < h; y++) {
      raw[i++] = 0; // filter: none
      for (int x = 0; x < w; x++) {
        raw[i++] = (byte) (rgb >> 16);
        raw[i++] = (byte) (rgb >> 8);
        raw[i++] = (byte) rgb;
      }
    }
    Deflater deflater = new Deflater();
    deflater.setInput(raw);
    deflater.finish();
    ByteArrayOutputStream z = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    while (!deflater.finished()) {
      z.write(buf, 0, deflater.deflate(buf));
    }
    deflater.end();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    byte[] ihdr = {0, 0, 0, (byte) w, 0, 0, 0, (byte) h, 8, 2, 0, 0, 0};
    chunk(out, "IHDR", ihdr);
    chunk(out, "IDAT", z.toByteArray());
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    int n = data.length;
    out.writeBytes(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
    out.writeBytes(t);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    long v = crc.getValue();
    out.writeBytes(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
  }

  /** @return a valid one-page PDF 1.4 with the title as its text, cross-reference table included */
  static byte[] pdf(String title) {
    String text = title.replaceAll("[^A-Za-z0-9 .,:-]", " ");
    String stream = "BT /F1 18 Tf 72 720 Td (" + text + ") Tj ET";
    String[] objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
    StringBuilder sb = new StringBuilder("%PDF-1.4\n");
    int[] offsets = new int[objects.length];
    for (int i = 0; i < objects.length; i++) {
      offsets[i] = sb.length();
      sb.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
    }
    int xref = sb.length();
    sb.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
    for (int o : offsets) {
      sb.append(String.format(Locale.ROOT, "%010d 00000 n \n", o));
    }
    sb.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
        .append("\n%%EOF\n");
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
