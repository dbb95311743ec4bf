package dev.atlas.drift;

import dev.atlas.client.spec.OpenApiSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The drift report's command: what the SDK covers of a given Atlas server. Compares the SDK's
 * {@code openapi/openapi.json} with the spec a running server publishes ({@code --url}, read from
 * {@code /api/v1/openapi.json}, else {@code /openapi.json}) or a spec file ({@code --spec}).
 *
 * <pre>
 * scripts/drift-report.sh --url https://atlas.example.com
 * scripts/drift-report.sh --spec server-openapi.json --brief
 * </pre>
 *
 * <p>Exit status: 0 when the report was written (drift or not), 1 with {@code --fail-on-drift}
 * when there is drift, 2 for a bad argument or a spec that could not be read.
 */
public final class DriftReport {
  private static final String USAGE = """
      Usage: drift-report (--url <Atlas base URL> | --spec <file>) [options]
        --url <base URL>      a running Atlas: its spec is read from /api/v1/openapi.json (else /openapi.json)
        --spec <file>         a server's spec as a file (OpenAPI 3, JSON)
        --ours <file>         compare with this spec instead of the SDK's own openapi/openapi.json
        --api-key <key>       sent as Bearer if the server wants credentials for its spec (or ATLAS_API_KEY)
        --brief               counts by tag only, not each operation and field
        --fail-on-drift       exit 1 when anything differs (for CI)
      """;

  private DriftReport() {}

  /**
   * Runs the command and exits with its status.
   *
   * @param args the arguments (see the usage)
   */
  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out, System.err));
  }

  /**
   * Runs the command.
   *
   * @param args the arguments
   * @param out where the report goes
   * @param err where errors and the usage go
   * @return the exit status
   */
  static int run(List<String> args, PrintStream out, PrintStream err) {
    String url = null;
    String spec = null;
    String ours = null;
    String apiKey = System.getenv("ATLAS_API_KEY");
    boolean brief = false;
    boolean failOnDrift = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "--url", "--spec", "--ours", "--api-key" -> {
          if (i + 1 >= args.size()) {
            err.println(a + " needs a value\n" + USAGE);
            return 2;
          }
          String v = args.get(++i);
          switch (a) {
            case "--url" -> url = v;
            case "--spec" -> spec = v;
            case "--ours" -> ours = v;
            default -> apiKey = v;
          }
        }
        case "--brief" -> brief = true;
        case "--fail-on-drift" -> failOnDrift = true;
        case "--help", "-h" -> {
          out.print(USAGE);
          return 0;
        }
        default -> {
          err.println("Unknown argument: " + a + "\n" + USAGE);
          return 2;
        }
      }
    }
    if ((url == null) == (spec == null)) {
      err.println("Give one of --url and --spec\n" + USAGE);
      return 2;
    }
    try {
      String serverName = url != null ? url : spec;
      Fetched server = url != null ? fetch(url, apiKey) : new Fetched(Files.readString(Path.of(spec)), spec);
      SpecShape sdk = SpecShape.parse(ours != null ? Files.readString(Path.of(ours)) : OpenApiSpec.json());
      Drift drift = Drift.between(sdk, SpecShape.parse(server.json()));
      out.print(drift.render(server.source() != null ? server.source() : serverName, brief));
      return failOnDrift && !drift.none() ? 1 : 0;
    } catch (IOException | IllegalArgumentException e) {
      err.println("Could not read a spec: " + e.getMessage());
      return 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 2;
    }
  }

  /** A spec's text and where it was read from. */
  record Fetched(String json, String source) {}

  /** @return the server's published spec: {@code /api/v1/openapi.json}, else {@code /openapi.json} */
  static Fetched fetch(String baseUrl, String apiKey) throws IOException, InterruptedException {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    StringBuilder tried = new StringBuilder();
    for (String path : List.of("/api/v1/openapi.json", "/openapi.json")) {
      HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
          .header("Accept", "application/json");
      if (apiKey != null && !apiKey.isBlank()) {
        r.header("Authorization", "Bearer " + apiKey);
      }
      HttpResponse<String> response = http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() == 200) {
        return new Fetched(response.body(), base + path);
      }
      tried.append(tried.length() == 0 ? "" : ", ").append(path).append(" -> ").append(response.statusCode());
    }
    throw new IOException("no spec at " + base + " (" + tried + ")");
  }
}
