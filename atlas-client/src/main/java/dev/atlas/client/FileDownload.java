package dev.atlas.client;

import dev.atlas.client.errors.AtlasErrorCode;
import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.errors.AtlasInvalidResponseException;
import dev.atlas.client.errors.ErrorInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Copies a file response (PNG, PDF, CSV) to the caller's sink as it arrives, in 64 KiB pieces:
 * the content type is checked against the one asked for, the size against a bound, and a file
 * written to a path appears only when complete (it is written next to it first, then moved).
 */
final class FileDownload {
  private static final Pattern FILENAME = Pattern.compile("filename=\"?([^\";]+)\"?");

  private FileDownload() {}

  /** @return a copy of the operation's request asking for exactly that content type */
  static <T> Operation<T> accepting(Operation<T> op, String contentType) {
    return op.rewrite(r -> r.newBuilder().header("Accept", contentType).build());
  }

  /**
   * @param ctx the client
   * @param op the operation (its request asks for {@code contentType})
   * @param options per-call options
   * @param contentType the content type asked for
   * @param maxBytes the largest body accepted
   * @param out where the bytes go (not closed)
   * @return what was written
   */
  static DashboardFile toStream(ClientContext ctx, Operation<?> op, RequestOptions options, String contentType,
      long maxBytes, OutputStream out) {
    Objects.requireNonNull(out, "out");
    Transport.Opened opened = ctx.openBody(op, options);
    Response response = opened.response();
    Request request = response.request();
    try (response) {
      String sent = baseType(response.header("Content-Type"));
      if (!contentType.equals(sent)) {
        throw invalid(response, "expected " + contentType + " as asked, got " + (sent == null ? "no content type" : sent));
      }
      long declared = response.body().contentLength();
      if (declared > maxBytes) {
        throw tooLarge(response, maxBytes, declared + " bytes announced");
      }
      long written = 0;
      byte[] buffer = new byte[64 << 10];
      InputStream in = response.body().byteStream();
      while (true) {
        int n;
        try {
          n = in.read(buffer);
        } catch (IOException e) {
          throw ErrorMapper.streamInterrupted(e, request.method(), request.url().encodedPath());
        }
        if (n < 0) {
          break;
        }
        written += n;
        if (written > maxBytes) {
          throw tooLarge(response, maxBytes, "more arrived");
        }
        try {
          out.write(buffer, 0, n);
        } catch (IOException e) {
          throw new UncheckedIOException("Could not write the " + contentType + " file", e);
        }
      }
      boolean partial = "1".equals(response.header("X-Atlas-Export-Partial")) || "1".equals(response.header("X-Atlas-Truncated"));
      Duration took = millis(response.header("X-Atlas-Export-Duration-Ms"));
      if (took == null) {
        took = millis(response.header("X-Atlas-Screenshot-Duration-Ms"));
      }
      opened.trace().streamEnded(CallOutcome.SUCCESS, null);
      return new DashboardFile(sent, written, fileName(response.header("Content-Disposition")), partial, took);
    } catch (AtlasException e) {
      opened.trace().streamEnded(CallOutcome.of(e), e);
      throw e;
    } catch (RuntimeException e) {
      opened.trace().streamEnded(CallOutcome.CANCELLED, null);
      throw e;
    }
  }

  /**
   * Writes to a sibling temporary file and moves it into place when complete; on failure the
   * target is untouched and the temporary file removed.
   */
  static DashboardFile toPath(ClientContext ctx, Operation<?> op, RequestOptions options, String contentType,
      long maxBytes, Path target) {
    Objects.requireNonNull(target, "target");
    Path abs = target.toAbsolutePath();
    Path tmp;
    try {
      tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".part");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create a file next to " + target, e);
    }
    boolean done = false;
    try {
      DashboardFile file;
      try (OutputStream out = Files.newOutputStream(tmp)) {
        file = toStream(ctx, op, options, contentType, maxBytes, out);
      }
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      done = true;
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + target, e);
    } finally {
      if (!done) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort
        }
      }
    }
  }

  private static AtlasException tooLarge(Response response, long maxBytes, String what) {
    return invalid(response, "the file is larger than the bound of " + maxBytes + " bytes (" + what + ")");
  }

  private static AtlasException invalid(Response response, String problem) {
    Request r = response.request();
    ErrorInfo info = ErrorInfo.builder(AtlasErrorCode.INVALID_RESPONSE).status(response.code())
        .request(r.method(), r.url().encodedPath())
        .description("HTTP " + response.code() + ": " + problem).build();
    return new AtlasInvalidResponseException(info, null);
  }

  static String baseType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return null;
    }
    int semi = contentType.indexOf(';');
    return (semi >= 0 ? contentType.substring(0, semi) : contentType).trim().toLowerCase(Locale.ROOT);
  }

  private static String fileName(String disposition) {
    if (disposition == null) {
      return null;
    }
    Matcher m = FILENAME.matcher(disposition);
    return m.find() ? m.group(1) : null;
  }

  private static Duration millis(String header) {
    try {
      return header == null ? null : Duration.ofMillis(Long.parseLong(header.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
