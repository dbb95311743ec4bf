package dev.atlas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.atlas.client.errors.AtlasException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Credentials stay out of logs, messages and other hosts. */
class SecurityTest extends WireMockSupport {
  static final String PROMPTS = "{\"prompts\":[],\"total\":0}";
  WireMockServer other;

  @BeforeEach
  void startOtherHost() {
    other = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    other.start();
    other.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(PROMPTS)));
  }

  @AfterEach
  void stopOtherHost() {
    other.stop();
  }

  @ParameterizedTest
  @EnumSource(ApiKeyHeader.class)
  void aRedirectToAnotherOriginCarriesNoCredentials(ApiKeyHeader header) {
    // 127.0.0.1 on another port is another origin
    wm.stubFor(get(urlPathEqualTo("/api/v1/starter-prompts")).willReturn(aResponse().withStatus(302)
        .withHeader("Location", other.baseUrl() + "/collect")));
    try (AtlasClient c = builder().apiKey(API_KEY).apiKeyHeader(header).build()) {
      assertThat(c.starterPrompts().getTotal()).isZero();
    }
    LoggedRequest first = onlyRequest();
    assertThat(first.containsHeader("Authorization") || first.containsHeader("X-API-Key")).isTrue();
    List<LoggedRequest> leaked = other.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
    assertThat(leaked).hasSize(1);
    assertThat(leaked.get(0).containsHeader("Authorization")).isFalse();
    assertThat(leaked.get(0).containsHeader("X-API-Key")).isFalse();
  }

  @Test
  void aRedirectWithinTheSameOriginKeepsThem() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/starter-prompts")).willReturn(aResponse().withStatus(307)
        .withHeader("Location", wm.baseUrl() + "/api/v1/starter-prompts-moved")));
    wm.stubFor(get(urlPathEqualTo("/api/v1/starter-prompts-moved")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody(PROMPTS)));
    client().starterPrompts();
    assertThat(received()).hasSize(2).allSatisfy(r -> assertThat(r.getHeader("Authorization"))
        .isEqualTo("Bearer " + API_KEY));
  }

  @Test
  void theLoggingInterceptorRedactsCredentials() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"auth_error\",\"message\":\"Invalid API key\"}")));
    List<String> lines = new CopyOnWriteArrayList<>();
    for (ApiKeyHeader header : ApiKeyHeader.values()) {
      try (AtlasClient c = builder().apiKey(API_KEY).apiKeyHeader(header)
          .httpLogging(HttpLogLevel.BODY, lines::add).build()) {
        assertThatThrownBy(c::starterPrompts).isInstanceOf(AtlasException.class)
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain(API_KEY));
      }
    }
    assertThat(lines).anyMatch(l -> l.startsWith("Authorization: ██")).anyMatch(l -> l.startsWith("X-API-Key: ██"));
    assertThat(lines).noneMatch(l -> l.contains(API_KEY));
  }

  @Test
  void theHttpLogMasksTheKeyWhereABodyEchoesIt() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"invalid_request\",\"message\":\"Bad key " + API_KEY + "\"}")));
    List<String> lines = new CopyOnWriteArrayList<>();
    try (AtlasClient c = builder().apiKey(API_KEY).httpLogging(HttpLogLevel.BODY, lines::add).build()) {
      assertThatThrownBy(c::starterPrompts).isInstanceOf(AtlasException.class);
    }
    assertThat(lines).anyMatch(l -> l.contains("Bad key ****"));
    assertThat(lines).noneMatch(l -> l.contains(API_KEY));
  }

  @Test
  void plainHttpToARemoteHostIsWarnedAbout() {
    List<String> warnings = new CopyOnWriteArrayList<>();
    Logger jul = Logger.getLogger("dev.atlas.client");
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord r) {
        if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
          warnings.add(r.getMessage());
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    jul.addHandler(capture);
    try {
      AtlasClient.builder().baseUrl("http://atlas.example.com").apiKey(API_KEY).build().close();
      assertThat(warnings).hasSize(1);
      assertThat(warnings.get(0)).contains("plain http").doesNotContain(API_KEY);
      AtlasClient.builder().baseUrl("http://127.0.0.1:9").apiKey(API_KEY).build().close();
      AtlasClient.builder().baseUrl("http://localhost:9").apiKey(API_KEY).build().close();
      AtlasClient.builder().baseUrl("https://atlas.example.com").apiKey(API_KEY).build().close();
      assertThat(warnings).as("loopback and https are not warned about").hasSize(1);
    } finally {
      jul.removeHandler(capture);
    }
  }

  @Test
  void exceptionsAndToStringsNeverCarryCredentials() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500).withHeader("Content-Type", "text/html")
        .withBody("<html><title>Error " + API_KEY + "</title></html>")));
    try (AtlasClient c = builder().apiKey(API_KEY).maxRetries(0).build()) {
      assertThat(c.toString()).doesNotContain(API_KEY);
      assertThatThrownBy(c::starterPrompts).isInstanceOf(AtlasException.class);
    }
    assertThat(RequestOptions.builder().header("X-Secret", API_KEY).build().toString()).doesNotContain(API_KEY);
  }
}
