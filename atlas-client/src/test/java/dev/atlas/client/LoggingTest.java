package dev.atlas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code ATLAS_LOG} / {@code logLevel}: lines a user sees without configuring anything. */
class LoggingTest extends WireMockSupport {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalErr;

  @BeforeEach
  void captureStderr() {
    originalErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(originalErr);
    System.clearProperty("atlas.log");
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void atInfoEachCallAndEachRetryIsOneLineOnStderr() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations")).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503).withBody("{\"error\":\"internal_error\",\"message\":\"down\",\"retryable\":true}"))
        .willSetStateTo("ok"));
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations")).inScenario("s").whenScenarioStateIs("ok")
        .willReturn(okJson("{\"conversations\":[],\"total\":0}").withHeader("X-Request-Id", "rid-1")));
    try (AtlasClient c = builder().apiKey(API_KEY).logLevel(AtlasLogLevel.INFO).build()) {
      c.conversations().list();
    }
    List<String> lines = stderr().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).contains(" atlas INFO GET /api/v1/conversations attempt 1 failed ([503 internal_error] down")
        .contains("retrying in ");
    assertThat(lines.get(1)).matches(".* atlas INFO GET /api/v1/conversations -> 200 in \\d+ ms \\(2 attempts, request id rid-1\\)");
    assertThat(stderr()).doesNotContain(API_KEY).doesNotContain("{\"conversations\"");
  }

  @Test
  void atDebugHeadersAndBodiesAreLoggedWithCredentialsRedacted() {
    wm.stubFor(post("/api/v1/query").willReturn(okJson(ListenerTest.ANSWER)));
    try (AtlasClient c = builder().apiKey(API_KEY).logLevel(AtlasLogLevel.DEBUG).build()) {
      c.query("How many orders?");
    }
    String out = stderr();
    assertThat(out).contains(" atlas DEBUG ").contains("How many orders?").contains("\"answer\":\"42\"")
        .contains("Authorization: ██").contains(" atlas INFO POST /api/v1/query -> 200");
    assertThat(out).doesNotContain(API_KEY);
  }

  @Test
  void aServerThatEchoesTheKeyInABodyDoesNotPutItInTheLog() {
    wm.stubFor(post("/api/v1/query").willReturn(okJson("{\"answer\":\"your key is " + API_KEY + "\",\"sql\":[],"
        + "\"data\":[],\"steps\":1,\"usage\":{\"totalTokens\":3}}")));
    try (AtlasClient c = builder().apiKey(API_KEY).logLevel(AtlasLogLevel.DEBUG).build()) {
      c.query("q");
    }
    assertThat(stderr()).contains("your key is ****").doesNotContain(API_KEY);
  }

  @Test
  void theSystemPropertyTurnsItOnForEveryClientAndTheBuilderWins() {
    wm.stubFor(post("/api/v1/query").willReturn(okJson(ListenerTest.ANSWER)));
    System.setProperty("atlas.log", "info");
    try (AtlasClient c = builder().apiKey(API_KEY).build()) {
      c.query("q");
    }
    assertThat(stderr()).contains("POST /api/v1/query -> 200");
    err.reset();
    try (AtlasClient c = builder().apiKey(API_KEY).logLevel(AtlasLogLevel.OFF).build()) {
      c.query("q");
    }
    assertThat(stderr()).isEmpty();
  }

  @Test
  @org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable(named = "ATLAS_LOG", matches = ".+")
  void withoutTheSwitchNothingIsLogged() {
    wm.stubFor(post("/api/v1/query").willReturn(okJson(ListenerTest.ANSWER)));
    try (AtlasClient c = builder().apiKey(API_KEY).build()) {
      c.query("q");
    }
    assertThat(stderr()).isEmpty();
  }

  @Test
  void whenAFrameworkIsBoundLinesGoToItsLoggerNotToStderr() {
    RecordingFinder finder = new RecordingFinder();
    assertThat(LogListener.frameworkBound(finder)).isTrue();
    assertThat(LogListener.frameworkBound(System.LoggerFinder.getLoggerFinder())).isFalse();
    wm.stubFor(post("/api/v1/query").willReturn(okJson(ListenerTest.ANSWER)));
    try (AtlasClient c = builder().apiKey(API_KEY).logLevel(AtlasLogLevel.OFF)
        .addListener(LogListener.create(AtlasLogLevel.INFO, finder, System.err, line -> line)).build()) {
      c.query("q");
    }
    assertThat(finder.lines).singleElement().asString().startsWith("dev.atlas.client INFO POST /api/v1/query -> 200");
    assertThat(stderr()).isEmpty();
  }

  /** Stands for SLF4J or Log4j bound to System.Logger: records what reaches it. */
  static final class RecordingFinder extends System.LoggerFinder {
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public System.Logger getLogger(String name, Module module) {
      return new System.Logger() {
        @Override
        public String getName() {
          return name;
        }

        @Override
        public boolean isLoggable(Level level) {
          return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
          lines.add(name + " " + level + " " + msg);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
          lines.add(name + " " + level + " " + format);
        }

        @Override
        public void log(Level level, Supplier<String> msg) {
          lines.add(name + " " + level + " " + msg.get());
        }
      };
    }
  }
}
