package dev.atlas.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atlas.client.spec.OpenApiSpec;
import dev.atlas.sandbox.AtlasSandbox;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The drift report's command against the sandbox (no drift) and against a fixture made to differ
 * from a small SDK spec in each way the report knows: operations only on the server (two tags),
 * one only in the SDK, a request field, a response field each way, a field's type, a parameter;
 * and a path parameter named differently, which is no drift.
 */
class DriftReportTest {
  static final String FIXTURES = "src/test/resources/fixtures/";

  record Ran(int status, String out, String err) {}

  static Ran run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = DriftReport.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Ran(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theSandboxHasNoDrift() {
    try (AtlasSandbox sandbox = AtlasSandbox.start()) {
      Ran r = run("--url", sandbox.baseUrl(), "--fail-on-drift");
      int count = OpenApiSpec.operations().size();
      assertThat(r.status()).as(r.out() + r.err()).isZero();
      assertThat(r.out()).isEqualTo("Drift report\n"
          + "  SDK:    Atlas API 1.0.0, " + count + " operations (openapi/openapi.json)\n"
          + "  Server: Atlas API 1.0.0, " + count + " operations (" + sandbox.baseUrl() + "/api/v1/openapi.json)\n"
          + "No drift: the SDK covers every operation the server publishes, with the same fields.\n");
    }
  }

  @Test
  void eachKindOfDifferenceIsReported() {
    Ran r = run("--spec", FIXTURES + "server-differs.json", "--ours", FIXTURES + "sdk-small.json");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("""
        Drift report
          SDK:    SDK fixture 1.0.0, 4 operations (openapi/openapi.json)
          Server: Atlas API 1.2.0, 6 operations (src/test/resources/fixtures/server-differs.json)

        On the server, not in the SDK: 3 operation(s) (reach them with atlas.routes())
          Admin (1)
            GET    /api/v1/admin/users  listUsers
          Dashboards (2)
            GET    /api/v1/dashboards  listDashboards
            POST   /api/v1/dashboards  createDashboard

        In the SDK, not on the server: 1 operation(s)
          DELETE /api/v1/scheduled-tasks/{id}  deleteScheduledTask [Scheduled Tasks]

        Fields that differ, in 2 operation(s) both have
          GET /api/v1/conversations (listConversations)
            response field only on the server: conversations[].surface
            response field only in the SDK: conversations[].createdAt
            parameter only on the server: query:starred
          POST /api/v1/execute-sql (executeSql)
            request field only on the server: params, params[]
            response field type differs: rowCount (SDK integer, server number)
        """);
  }

  @Test
  void briefGivesCountsAndFailOnDriftFails() {
    Ran r = run("--spec", FIXTURES + "server-differs.json", "--ours", FIXTURES + "sdk-small.json", "--brief",
        "--fail-on-drift");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).contains("  Admin (1)\n  Dashboards (2)\n\nIn the SDK").doesNotContain("listUsers", "surface")
        .contains("Fields that differ, in 2 operation(s) both have\n");
  }

  @Test
  void theSdksOwnSpecAgainstItselfHasNoDriftAndBadInputIsStatus2() {
    Ran same = run("--spec", "../openapi/openapi.json");
    assertThat(same.status()).isZero();
    assertThat(same.out()).contains("No drift");
    assertThat(run().status()).isEqualTo(2);
    assertThat(run("--spec", FIXTURES + "nope.json").err()).startsWith("Could not read a spec: ");
    assertThat(run("--bogus").status()).isEqualTo(2);
    assertThat(run("--help").out()).contains("--url <base URL>");
    assertThat(Path.of(FIXTURES + "sdk-small.json")).exists();
  }

  @Test
  void aServerWithoutASpecIsNamed() {
    try (AtlasSandbox sandbox = AtlasSandbox.start()) {
      Ran r = run("--url", sandbox.baseUrl() + "/nowhere");
      assertThat(r.status()).isEqualTo(2);
      assertThat(r.err()).contains("no spec at " + sandbox.baseUrl() + "/nowhere (/api/v1/openapi.json -> 404");
    }
  }
}
