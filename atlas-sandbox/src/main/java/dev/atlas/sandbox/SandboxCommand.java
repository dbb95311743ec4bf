package dev.atlas.sandbox;

import java.io.PrintStream;
import java.net.BindException;
import java.time.Duration;

/**
 * The sandbox's command line: parses the options, starts the sandbox, and turns the usual mistakes
 * (a wrong option, a port already in use) into one line on standard error and an exit status,
 * never a stack trace.
 */
final class SandboxCommand {
  static final String USAGE = String.join(System.lineSeparator(),
      "Usage: java -jar atlas-sandbox-<version>-all.jar [options]",
      "",
      "Runs the Atlas sandbox, an Atlas-compatible server with a demo warehouse, on 127.0.0.1",
      "until interrupted (Ctrl+C). The spec is served at /openapi.json and /api/v1/openapi.json.",
      "",
      "Options:",
      "  --port N              the port on 127.0.0.1 (default 3001; 0 for a free one)",
      "  --api-key KEY         the API key to accept, as Bearer or X-API-Key (default sk-sandbox)",
      "  --pacing-ms N         delay between two streamed chat frames (default 0)",
      "  --connection ID:GROUP the demo connection's id and group (default default:default)",
      "  --simple-key-without-organization",
      "                        answer like a simple-key server without an organization: scheduled",
      "                        tasks, audit log and connections 400 bad_request, plugins 403",
      "  --without-actions     answer like a server with the actions feature off: rollback is a",
      "                        plain-text 404",
      "  --help                print this and exit");

  /** Exit status for a wrong command line. */
  static final int USAGE_ERROR = 2;
  /** Exit status when the sandbox cannot start. */
  static final int START_ERROR = 1;

  /** Either a started sandbox, or the exit status to end with (0 after {@code --help}). */
  record Outcome(int exitCode, AtlasSandbox sandbox) {}

  private SandboxCommand() {}

  /**
   * Parses {@code args} and starts the sandbox.
   *
   * @return the started sandbox, or the status to exit with when it was not started
   */
  static Outcome start(String[] args, PrintStream out, PrintStream err) {
    AtlasSandbox.Builder b = AtlasSandbox.builder().port(3001).apiKey("sk-sandbox");
    int port = 3001;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      try {
        switch (option) {
          case "--help", "-h" -> {
            out.println(USAGE);
            return new Outcome(0, null);
          }
          case "--simple-key-without-organization" -> b.simpleKeyWithoutOrganization();
          case "--without-actions" -> b.withoutActions();
          case "--port" -> {
            port = Integer.parseInt(value(args, ++i, option));
            if (port < 0 || port > 65535) {
              throw new IllegalArgumentException("--port must be between 0 and 65535");
            }
            b.port(port);
          }
          case "--api-key" -> b.apiKey(value(args, ++i, option));
          case "--pacing-ms" -> b.pacing(Duration.ofMillis(Long.parseLong(value(args, ++i, option))));
          case "--connection" -> {
            String v = value(args, ++i, option);
            int colon = v.indexOf(':');
            b.connection(colon < 0 ? v : v.substring(0, colon), colon < 0 ? v : v.substring(colon + 1));
          }
          default -> throw new IllegalArgumentException("unknown option " + option);
        }
      } catch (NumberFormatException e) {
        return usageError(err, option + " needs a number");
      } catch (IllegalArgumentException e) {
        return usageError(err, e.getMessage());
      }
    }
    AtlasSandbox sandbox;
    try {
      sandbox = b.start();
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof BindException) {
        err.println("atlas-sandbox: port " + port + " on 127.0.0.1 is already in use; stop what runs there or "
            + "choose another with --port N (--port 0 picks a free one)");
      } else {
        err.println("atlas-sandbox: cannot start: " + (e.getCause() != null ? e.getCause() : e));
      }
      return new Outcome(START_ERROR, null);
    }
    out.println("Atlas sandbox at " + sandbox.baseUrl() + " (API key " + sandbox.apiKey()
        + "); spec at " + sandbox.baseUrl() + "/openapi.json; Ctrl+C stops it");
    return new Outcome(0, sandbox);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static Outcome usageError(PrintStream err, String problem) {
    err.println("atlas-sandbox: " + problem + " (--help lists the options)");
    return new Outcome(USAGE_ERROR, null);
  }
}
