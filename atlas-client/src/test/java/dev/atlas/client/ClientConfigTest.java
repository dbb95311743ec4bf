package dev.atlas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.atlas.client.errors.AtlasAuthenticationException;
import dev.atlas.client.errors.AtlasTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Builder, credentials, headers, per-request options, derived clients and resource ownership. */
class ClientConfigTest extends WireMockSupport {
  static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.session-token-77";

  void stubPrompts() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/starter-prompts")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody(OperationsTest.responseBody("listStarterPrompts"))));
  }

  @Test
  void apiKeyGoesAsBearerByDefault() {
    stubPrompts();
    client().starterPrompts();
    assertThat(onlyRequest().getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
  }

  @Test
  void apiKeyCanGoInXApiKey() {
    stubPrompts();
    try (AtlasClient c = builder().apiKey(API_KEY).apiKeyHeader(ApiKeyHeader.X_API_KEY).build()) {
      c.starterPrompts();
    }
    LoggedRequest r = onlyRequest();
    assertThat(r.getHeader("X-API-Key")).isEqualTo(API_KEY);
    assertThat(r.containsHeader("Authorization")).isFalse();
  }

  @Test
  void bearerTokenGoesAsBearer() {
    stubPrompts();
    try (AtlasClient c = builder().bearerToken(TOKEN).build()) {
      c.starterPrompts();
    }
    assertThat(onlyRequest().getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
  }

  @Test
  void apiKeyWinsOverBearerToken() {
    stubPrompts();
    try (AtlasClient c = builder().bearerToken(TOKEN).apiKey(API_KEY).build()) {
      c.starterPrompts();
    }
    assertThat(onlyRequest().getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
  }

  @Test
  void withoutCredentialsSendsNone() {
    stubPrompts();
    try (AtlasClient c = builder().withoutCredentials().build()) {
      c.starterPrompts();
    }
    LoggedRequest r = onlyRequest();
    assertThat(r.containsHeader("Authorization")).isFalse();
    assertThat(r.containsHeader("X-API-Key")).isFalse();
  }

  @Test
  void missingCredentialsAreAClearErrorUnlessOptedOut() {
    assertThatThrownBy(() -> builder().build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("apiKey or bearerToken").hasMessageContaining("withoutCredentials");
    assertThatThrownBy(() -> AtlasClient.builder().apiKey(API_KEY).build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("baseUrl is required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"atlas.example.com", "ftp://atlas.example.com", "http://", "not a url", "https://h/x?y=1",
      "https://h/#frag", "file:///etc/passwd"})
  void invalidBaseUrlsAreRefused(String url) {
    assertThatThrownBy(() -> AtlasClient.builder().baseUrl(url)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseUrl");
  }

  @Test
  void userInfoInTheBaseUrlIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> AtlasClient.builder().baseUrl("https://admin:hunter2@atlas.example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
  }

  @Test
  void trailingSlashAndPathPrefixAreHandled() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody(OperationsTest.responseBody("listStarterPrompts"))));
    try (AtlasClient c = builderFor(wm.baseUrl() + "/atlas/").apiKey(API_KEY).build()) {
      assertThat(c.baseUrl()).isEqualTo(wm.baseUrl() + "/atlas");
      c.starterPrompts();
    }
    assertThat(onlyRequest().getUrl()).isEqualTo("/atlas/api/v1/starter-prompts");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SECRET\r\nX-Injected: 1", "SECRET\nmore", "SECRET\u0000", "SECRET\u007f", "   "})
  void credentialsWithControlCharactersAreRefusedWithoutEchoingThem(String bad) {
    assertThatThrownBy(() -> AtlasClient.builder().apiKey(bad)).isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertThat(e.getMessage()).startsWith("apiKey").doesNotContain("SECRET"));
    assertThatThrownBy(() -> AtlasClient.builder().bearerToken(bad)).isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertThat(e.getMessage()).startsWith("bearerToken"));
  }

  @Test
  void headerValuesWithCrLfAreRefused() {
    assertThatThrownBy(() -> AtlasClient.builder().defaultHeader("X-Team", "a\r\nb")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RequestOptions.builder().header("X-Trace", "a\nb")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AtlasClient.builder().defaultHeader("Authorization", "Bearer x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringNeverShowsCredentials() {
    try (AtlasClient c = builder().apiKey(API_KEY).bearerToken(TOKEN).build()) {
      assertThat(c.toString()).contains(wm.baseUrl()).contains("API key as Bearer")
          .doesNotContain(API_KEY).doesNotContain(TOKEN);
    }
    AtlasClientBuilder b = builder().bearerToken(TOKEN);
    assertThat(b.toString()).doesNotContain(TOKEN);
  }

  @Test
  void defaultAndPerRequestHeadersAreSentPerRequestWinning() {
    stubPrompts();
    try (AtlasClient c = builder().apiKey(API_KEY).defaultHeader("X-Team", "finance").defaultHeader("X-Trace", "default")
        .build()) {
      c.starterPrompts(null, RequestOptions.builder().header("X-Trace", "call-42").build());
    }
    LoggedRequest r = onlyRequest();
    assertThat(r.getHeader("X-Team")).isEqualTo("finance");
    assertThat(r.getHeader("X-Trace")).isEqualTo("call-42");
  }

  @Test
  void perRequestTimeoutApplies() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withFixedDelay(2_000).withHeader("Content-Type", "application/json")
        .withBody(OperationsTest.responseBody("listStarterPrompts"))));
    assertThatThrownBy(() -> client().starterPrompts(null,
        RequestOptions.builder().timeout(Duration.ofMillis(200)).build()))
        .isInstanceOf(AtlasTimeoutException.class)
        .satisfies(e -> assertThat(((AtlasTimeoutException) e).status()).isZero());
  }

  @Test
  void interceptorsRunAndNeverSeeCredentials() {
    stubPrompts();
    AtomicInteger seen = new AtomicInteger();
    try (AtlasClient c = builder().apiKey(API_KEY).addInterceptor(chain -> {
      assertThat(chain.request().header("Authorization")).isNull();
      seen.incrementAndGet();
      return chain.proceed(chain.request().newBuilder().header("X-From-Interceptor", "yes").build());
    }).build()) {
      c.starterPrompts();
    }
    assertThat(seen).hasValue(1);
    assertThat(onlyRequest().getHeader("X-From-Interceptor")).isEqualTo("yes");
  }

  @Test
  void usersOwnOkHttpClientIsUsedAndNotShutDown() {
    stubPrompts();
    OkHttpClient mine = new OkHttpClient();
    try (AtlasClient c = builder().apiKey(API_KEY).httpClient(mine).build()) {
      c.starterPrompts();
    }
    assertThat(mine.dispatcher().executorService().isShutdown()).isFalse();
    mine.dispatcher().executorService().shutdown();
  }

  @Test
  void withOptionsDerivesAClientSharingThePool() {
    stubPrompts();
    AtlasClient parent = client();
    AtlasClient child = parent.withOptions(b -> b.defaultHeader("X-Child", "1").apiKeyHeader(ApiKeyHeader.X_API_KEY));
    child.starterPrompts();
    parent.starterPrompts();
    var requests = received();
    assertThat(requests.get(0).getHeader("X-Child")).isEqualTo("1");
    assertThat(requests.get(0).getHeader("X-API-Key")).isEqualTo(API_KEY);
    assertThat(requests.get(1).containsHeader("X-Child")).isFalse();
    assertThat(requests.get(1).getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
    child.close(); // owns nothing: the parent keeps working
    parent.starterPrompts();
    assertThat(received()).hasSize(3);
  }

  @Test
  void closeIsIdempotentAndStopsAnOwnedClient() {
    stubPrompts();
    AtlasClient c = builder().apiKey(API_KEY).build();
    c.starterPrompts();
    c.close();
    c.close();
    assertThatThrownBy(c::starterPrompts).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThat(received()).hasSize(1);
  }

  @Test
  void fromEnvReadsVariablesAndSystemPropertiesWin() {
    Map<String, String> env = Map.of("ATLAS_BASE_URL", "https://env.example.com", "ATLAS_API_KEY", "env-key",
        "ATLAS_BEARER_TOKEN", "env-token", "ATLAS_API_KEY_HEADER", "x-api-key");
    Properties props = new Properties();
    props.setProperty("atlas.baseUrl", wm.baseUrl());
    props.setProperty("atlas.apiKey", API_KEY);
    stubPrompts();
    try (AtlasClient c = AtlasClient.builder().sleeper(NO_SLEEP).fromEnv(env::get, props).build()) {
      assertThat(c.baseUrl()).isEqualTo(wm.baseUrl());
      c.starterPrompts();
    }
    assertThat(onlyRequest().getHeader("X-API-Key")).isEqualTo(API_KEY);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"x-api-key, X-API-Key", "X-API-KEY, X-API-Key", "authorization, Authorization",
      "Authorization-Bearer, Authorization", "authorization-bearer, Authorization", "bearer, Authorization",
      "AUTHORIZATION_BEARER, Authorization", "' x_api_key ', X-API-Key"})
  void theApiKeyHeaderVariableTakesTheOneSetOfValues(String value, String header) {
    Map<String, String> env = Map.of("ATLAS_BASE_URL", wm.baseUrl(), "ATLAS_API_KEY", API_KEY,
        "ATLAS_API_KEY_HEADER", value);
    stubPrompts();
    try (AtlasClient c = AtlasClient.builder().sleeper(NO_SLEEP).fromEnv(env::get, new Properties()).build()) {
      c.starterPrompts();
    }
    assertThat(onlyRequest().containsHeader(header)).as(value).isTrue();
    assertThat(ApiKeyHeader.parse(value)).isEqualTo(header.equals("X-API-Key") ? ApiKeyHeader.X_API_KEY
        : ApiKeyHeader.AUTHORIZATION_BEARER);
  }

  @Test
  void anUnknownApiKeyHeaderIsRefusedNamingTheValues() {
    Map<String, String> env = Map.of("ATLAS_BASE_URL", wm.baseUrl(), "ATLAS_API_KEY_HEADER", "cookie");
    assertThatThrownBy(() -> AtlasClient.builder().fromEnv(env::get, new Properties()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x-api-key")
        .hasMessageContaining("authorization").hasMessageContaining("cookie");
  }

  @Test
  void fromEnvWithNothingSetIsAClearError() {
    assertThatThrownBy(() -> AtlasClient.builder().fromEnv(k -> null, new Properties()).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("ATLAS_BASE_URL");
  }

  @Test
  void wrongKeyIsAnAuthenticationError() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"auth_error\",\"message\":\"Invalid API key\",\"requestId\":\"1b2c\"}")));
    assertThatThrownBy(() -> client().query("q")).isInstanceOfSatisfying(AtlasAuthenticationException.class, e -> {
      assertThat(e.status()).isEqualTo(401);
      assertThat(e.retryable()).isFalse();
      assertThat(e.serverMessage()).contains("Invalid API key");
      assertThat(e.getMessage()).doesNotContain(API_KEY);
    });
  }
}
