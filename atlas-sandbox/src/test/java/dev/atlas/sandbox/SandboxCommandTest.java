package dev.atlas.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The standalone sandbox's command line: help, options, and the mistakes a new user makes. */
class SandboxCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private SandboxCommand.Outcome run(String... args) {
    return SandboxCommand.start(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpPrintsTheUsageAndStartsNothing() {
    SandboxCommand.Outcome o = run("--help");
    assertThat(o.exitCode()).isZero();
    assertThat(o.sandbox()).isNull();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: java -jar atlas-sandbox-")
        .contains("--port N", "--api-key KEY", "--simple-key-without-organization", "--without-actions");
    assertThat(stderr()).isEmpty();
  }

  @Test
  void aPortInUseIsOneLineAndAFailureStatus() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      SandboxCommand.Outcome o = run("--port", String.valueOf(taken.getLocalPort()));
      assertThat(o.exitCode()).isEqualTo(SandboxCommand.START_ERROR);
      assertThat(o.sandbox()).isNull();
      assertThat(stderr().strip()).doesNotContain("\n").doesNotContain("Exception")
          .contains("port " + taken.getLocalPort()).contains("already in use");
    }
  }

  @Test
  void aWrongOptionIsOneLineAndTheUsageStatus() {
    for (String[] args : new String[][] {{"--prot", "3001"}, {"--port"}, {"--port", "many"}, {"--port", "70000"}}) {
      err.reset();
      SandboxCommand.Outcome o = run(args);
      assertThat(o.exitCode()).as(String.join(" ", args)).isEqualTo(SandboxCommand.USAGE_ERROR);
      assertThat(stderr().strip()).as(String.join(" ", args)).doesNotContain("\n").contains("--help");
    }
  }

  @Test
  void startsWithTheGivenKeyAndConnection() throws Exception {
    SandboxCommand.Outcome o = run("--port", "0", "--api-key", "sk-cli", "--connection", "warehouse:analytics");
    try (AtlasSandbox sandbox = o.sandbox()) {
      assertThat(sandbox).isNotNull();
      assertThat(out.toString(StandardCharsets.UTF_8)).contains(sandbox.baseUrl());
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(sandbox.baseUrl() + "/api/v1/admin/connections")).header("X-API-Key", "sk-cli").build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("\"id\":\"warehouse\"").contains("\"groupId\":\"analytics\"");
    }
  }
}
