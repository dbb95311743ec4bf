package dev.atlas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.atlas.client.errors.AtlasAuthenticationException;
import dev.atlas.client.errors.AtlasConflictException;
import dev.atlas.client.errors.AtlasConnectionException;
import dev.atlas.client.errors.AtlasErrorCode;
import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.errors.AtlasInvalidRequestException;
import dev.atlas.client.errors.AtlasInvalidResponseException;
import dev.atlas.client.errors.AtlasNotFoundException;
import dev.atlas.client.errors.AtlasPermissionException;
import dev.atlas.client.errors.AtlasRateLimitException;
import dev.atlas.client.errors.AtlasServerException;
import dev.atlas.client.errors.AtlasTimeoutException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The error table of CONTRACT.md, bodies that are not the envelope, and transport failures. */
class ErrorHandlingTest extends WireMockSupport {

  void respond(int status, String contentType, String body) {
    var r = aResponse().withStatus(status);
    if (contentType != null) {
      r.withHeader("Content-Type", contentType);
    }
    wm.stubFor(any(anyUrl()).willReturn(r.withBody(body)));
  }

  /** CONTRACT.md's table: code, HTTP status, retryable, and the class a user catches. */
  static Stream<Arguments> contractTable() {
    return Stream.of(
        Arguments.of("auth_error", 401, false, AtlasAuthenticationException.class),
        Arguments.of("session_expired", 401, false, AtlasAuthenticationException.class),
        Arguments.of("forbidden", 403, false, AtlasPermissionException.class),
        Arguments.of("forbidden_role", 403, false, AtlasPermissionException.class),
        Arguments.of("trial_expired", 403, false, AtlasPermissionException.class),
        Arguments.of("subscription_required", 403, false, AtlasPermissionException.class),
        Arguments.of("workspace_suspended", 403, false, AtlasPermissionException.class),
        Arguments.of("api_key_not_permitted", 403, false, AtlasPermissionException.class),
        Arguments.of("ip_not_allowed", 403, false, AtlasPermissionException.class),
        Arguments.of("claim_required", 403, false, AtlasPermissionException.class),
        Arguments.of("rate_limited", 429, true, AtlasRateLimitException.class),
        Arguments.of("workspace_throttled", 429, true, AtlasRateLimitException.class),
        Arguments.of("plan_limit_exceeded", 429, false, AtlasRateLimitException.class),
        Arguments.of("conversation_budget_exceeded", 429, false, AtlasRateLimitException.class),
        Arguments.of("configuration_error", 400, false, AtlasInvalidRequestException.class),
        Arguments.of("no_datasource", 400, false, AtlasInvalidRequestException.class),
        Arguments.of("no_datasource", 503, false, AtlasServerException.class), // a 5xx is a server error
        Arguments.of("no_capability", 400, false, AtlasInvalidRequestException.class),
        Arguments.of("invalid_request", 400, false, AtlasInvalidRequestException.class),
        Arguments.of("bad_request", 400, false, AtlasInvalidRequestException.class),
        Arguments.of("provider_model_not_found", 400, false, AtlasInvalidRequestException.class),
        Arguments.of("connection_group_required", 400, false, AtlasInvalidRequestException.class),
        Arguments.of("invalid_connection_group", 400, false, AtlasInvalidRequestException.class),
        Arguments.of("validation_error", 422, false, AtlasInvalidRequestException.class),
        Arguments.of("not_found", 404, false, AtlasNotFoundException.class),
        Arguments.of("not_available", 404, false, AtlasNotFoundException.class),
        Arguments.of("workspace_deleted", 404, false, AtlasNotFoundException.class),
        Arguments.of("connection_not_found", 404, false, AtlasNotFoundException.class),
        Arguments.of("conflict", 409, false, AtlasConflictException.class),
        Arguments.of("resume_in_progress", 409, true, AtlasConflictException.class),
        Arguments.of("nothing_to_resume", 404, false, AtlasNotFoundException.class),
        Arguments.of("resume_unavailable", 503, true, AtlasServerException.class),
        Arguments.of("entity_ambiguous", 409, false, AtlasConflictException.class),
        Arguments.of("workspace_migrating", 409, true, AtlasConflictException.class),
        Arguments.of("misdirected_request", 421, false, AtlasInvalidRequestException.class),
        Arguments.of("internal_error", 500, true, AtlasServerException.class),
        Arguments.of("auth_misconfigured", 500, false, AtlasServerException.class),
        Arguments.of("provider_error", 502, true, AtlasServerException.class),
        Arguments.of("provider_rate_limit", 503, true, AtlasServerException.class),
        Arguments.of("provider_unreachable", 503, true, AtlasServerException.class),
        Arguments.of("billing_check_failed", 503, true, AtlasServerException.class),
        Arguments.of("workspace_check_failed", 503, true, AtlasServerException.class),
        Arguments.of("migration_check_failed", 503, true, AtlasServerException.class),
        Arguments.of("provider_auth_error", 503, false, AtlasServerException.class),
        Arguments.of("service_unavailable", 503, false, AtlasServerException.class),
        Arguments.of("claim_check_failed", 503, false, AtlasServerException.class),
        Arguments.of("provider_timeout", 504, true, AtlasServerException.class),
        Arguments.of("org_not_found", 400, false, AtlasInvalidRequestException.class),
        Arguments.of("browser_unavailable", 503, false, dev.atlas.client.errors.AtlasRenderException.class),
        Arguments.of("render_failed", 500, false, dev.atlas.client.errors.AtlasRenderException.class),
        Arguments.of("export_timeout", 504, true, dev.atlas.client.errors.AtlasRenderException.class),
        Arguments.of("stale_baseline", 409, false, AtlasConflictException.class),
        Arguments.of("draft_gone", 409, false, AtlasConflictException.class));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("contractTable")
  void everyCodeMapsToItsClassAndRetryability(String code, int status, boolean retryable, Class<?> type) {
    respond(status, "application/json", "{\"error\":\"" + code + "\",\"message\":\"m\",\"requestId\":\"rid\"}");
    assertThatThrownBy(() -> client().query("q")).isExactlyInstanceOf(type).satisfies(t -> {
      AtlasException e = (AtlasException) t;
      assertThat(e.code().wireValue()).isEqualTo(code);
      assertThat(e.status()).isEqualTo(status);
      assertThat(e.retryable()).isEqualTo(retryable);
      assertThat(e.requestId()).contains("rid");
    });
  }

  @Test
  void theTableCoversEveryServerCode() {
    Set<String> tested = contractTable().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
    Set<String> server = EnumSet.allOf(AtlasErrorCode.class).stream()
        .filter(c -> c.typicalStatus() != 0).map(AtlasErrorCode::wireValue).collect(Collectors.toSet());
    assertThat(tested).isEqualTo(server);
  }

  @Test
  void theServersRetryableFlagWinsOverTheTable() {
    respond(403, "application/json", "{\"error\":\"trial_expired\",\"message\":\"m\",\"retryable\":true}");
    assertThatThrownBy(() -> client().query("q")).isInstanceOfSatisfying(AtlasPermissionException.class,
        e -> assertThat(e.retryable()).isTrue());
  }

  @Test
  void anUnknownCodeIsKeptAsRawTextAndClassifiedByStatus() {
    respond(429, "application/json", "{\"error\":\"galaxy_quota\",\"message\":\"Slow down\"}");
    assertThatThrownBy(() -> client().query("q")).isInstanceOfSatisfying(AtlasRateLimitException.class, e -> {
      assertThat(e.code()).isEqualTo(AtlasErrorCode.UNKNOWN_ERROR);
      assertThat(e.rawCode()).isEqualTo("galaxy_quota");
      assertThat(e.getMessage()).contains("galaxy_quota").contains("Slow down");
    });
  }

  @Test
  void validationDetailsAreCarried() {
    respond(422, "application/json", "{\"error\":\"validation_error\",\"message\":\"Invalid request body\",\"details\":"
        + "[{\"origin\":\"string\",\"code\":\"too_small\",\"minimum\":1,\"inclusive\":true,\"path\":[\"question\"],"
        + "\"message\":\"Too small: expected string to have >=1 characters\"}]}");
    assertThatThrownBy(() -> client().query("q")).isInstanceOfSatisfying(AtlasInvalidRequestException.class, e -> {
      assertThat(e.requestId()).isEmpty();
      assertThat(e.details()).hasSize(1);
      assertThat(e.details().get(0).getCode()).isEqualTo("too_small");
      assertThat(e.details().get(0).getPath()).containsExactly("question");
    });
  }

  @Test
  void routeSpecificKeysStayReachable() {
    respond(421, "application/json", "{\"error\":\"misdirected_request\",\"message\":\"Wrong region\","
        + "\"correctApiUrl\":\"https://eu.atlas.example.com\"}");
    assertThatThrownBy(() -> client().query("q")).isInstanceOfSatisfying(AtlasInvalidRequestException.class,
        e -> assertThat(e.body().orElseThrow().get("correctApiUrl").getAsString()).isEqualTo("https://eu.atlas.example.com"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "body seconds             | {\"error\":\"rate_limited\",\"message\":\"m\",\"retryAfterSeconds\":12} |     | 12000",
      "fractional body seconds  | {\"error\":\"rate_limited\",\"message\":\"m\",\"retryAfterSeconds\":1.5} |    | 1500",
      "header seconds           | {\"error\":\"rate_limited\",\"message\":\"m\"}                          | 30  | 30000",
      "body wins over header    | {\"error\":\"rate_limited\",\"message\":\"m\",\"retryAfterSeconds\":5} | 30  | 5000",
      "header HTTP-date         | {\"error\":\"rate_limited\",\"message\":\"m\"} | Sun, 22 Nov 2026 08:00:45 GMT | 45000",
      "past HTTP-date is zero   | {\"error\":\"rate_limited\",\"message\":\"m\"} | Sun, 22 Nov 2026 07:00:00 GMT | 0",
      "string seconds           | {\"error\":\"rate_limited\",\"message\":\"m\",\"retryAfterSeconds\":\"7\"} |  | 7000",
      "huge is kept (the policy caps the wait) | {\"error\":\"rate_limited\",\"message\":\"m\",\"retryAfterSeconds\":1e300} | | 9223372036854775807",
  })
  void retryAfterComesFromBodyOrHeader(String name, String body, String header, long millis) {
    var r = aResponse().withStatus(429).withHeader("Content-Type", "application/json").withBody(body);
    if (header != null) {
      r.withHeader("Retry-After", header);
    }
    wm.stubFor(any(anyUrl()).willReturn(r));
    Clock clock = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);
    try (AtlasClient c = builder().apiKey(API_KEY).clock(clock).build()) {
      assertThatThrownBy(() -> c.query("q")).isInstanceOfSatisfying(AtlasRateLimitException.class,
          e -> assertThat(e.retryAfter()).contains(Duration.ofMillis(millis)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"-5", "\"soon\"", "null", "{}", "true"})
  void nonsenseRetryAfterIsIgnored(String value) {
    respond(429, "application/json", "{\"error\":\"rate_limited\",\"message\":\"m\",\"retryAfterSeconds\":" + value + "}");
    assertThatThrownBy(() -> client().query("q")).isInstanceOfSatisfying(AtlasRateLimitException.class,
        e -> assertThat(e.retryAfter()).isEmpty());
  }

  @Test
  void anHtmlPageFromAProxyNamesStatusTypeAndTitleNotThePage() {
    String page = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>"
        + "<h1>Bad Gateway</h1>" + "x".repeat(100_000) + "</body></html>";
    respond(502, "text/html; charset=utf-8", page);
    assertThatThrownBy(() -> client().query("q")).isInstanceOfSatisfying(AtlasServerException.class, e -> {
      assertThat(e.code()).isEqualTo(AtlasErrorCode.UNKNOWN_ERROR);
      assertThat(e.status()).isEqualTo(502);
      assertThat(e.retryable()).isTrue();
      assertThat(e.getMessage()).contains("502").contains("text/html").contains("502 Bad Gateway")
          .doesNotContain("<h1>").hasSizeLessThan(400);
    });
  }

  @Test
  void aPlainTextErrorIsTyped() {
    respond(503, "text/plain", "upstream connect error or disconnect/reset before headers");
    assertThatThrownBy(() -> client().query("q")).isInstanceOfSatisfying(AtlasServerException.class, e -> {
      assertThat(e.getMessage()).contains("503").contains("text/plain");
      assertThat(e.retryable()).isTrue();
    });
  }

  @Test
  void a200WithAnHtmlBodyIsAnInvalidResponse() {
    respond(200, "text/html", "<html><head><title>Sign in</title></head><body>login</body></html>");
    assertThatThrownBy(() -> client().query("q")).isInstanceOfSatisfying(AtlasInvalidResponseException.class, e -> {
      assertThat(e.code()).isEqualTo(AtlasErrorCode.INVALID_RESPONSE);
      assertThat(e.retryable()).isFalse();
      assertThat(e.getMessage()).contains("200").contains("text/html").contains("Sign in");
    });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "empty body          | ''",
      "truncated JSON      | {\"answer\":\"Revenue was",
      "wrong shape         | {\"answer\":42,\"sql\":{},\"data\":7}",
      "missing fields      | {\"answer\":\"hi\"}",
      "JSON array          | [1,2,3]",
      "JSON null           | null",
      "deep nesting        | DEEP"})
  void a200BodyThatIsNotTheDocumentedShapeIsAnInvalidResponse(String name, String body) {
    String b = body.equals("DEEP") ? "[".repeat(100_000) : body;
    respond(200, "application/json", b);
    assertThatThrownBy(() -> client().query("q")).isInstanceOfSatisfying(AtlasInvalidResponseException.class, e -> {
      assertThat(e.status()).isEqualTo(200);
      assertThat(e.getMessage()).doesNotContain(API_KEY).hasSizeLessThan(600);
    });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "empty error body      | 500 | ''",
      "truncated error JSON  | 500 | {\"error\":\"internal_er",
      "JSON without error    | 500 | {\"message\":\"boom\"}",
      "error is a number     | 500 | {\"error\":500,\"message\":\"boom\"}",
      "error is an object    | 400 | {\"error\":{\"code\":\"x\"}}"})
  void errorBodiesThatAreNotTheEnvelopeAreStillTyped(String name, int status, String body) {
    respond(status, "application/json", body);
    assertThatThrownBy(() -> client().query("q")).isInstanceOfSatisfying(AtlasException.class, e -> {
      assertThat(e.status()).isEqualTo(status);
      assertThat(e).isInstanceOf(status == 500 ? AtlasServerException.class : AtlasInvalidRequestException.class);
    });
  }

  AtlasClient noRetries() {
    return builder().apiKey(API_KEY).maxRetries(0).build();
  }

  @Test
  void aTenMegabyteErrorPageStaysBounded() throws Exception {
    byte[] page = ("<html><head><title>Gateway</title></head><body>" + "x".repeat(10 << 20) + "</body></html>")
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    try (RawHttpServer server = new RawHttpServer(x -> {
      x.out.write(("HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nContent-Length: " + page.length
          + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      x.out.write(page);
      x.out.flush();
    }); AtlasClient c = builderFor(server.baseUrl()).apiKey(API_KEY).maxRetries(0).build()) {
      assertThatThrownBy(() -> c.query("q")).isInstanceOfSatisfying(AtlasServerException.class,
          e -> assertThat(e.getMessage()).contains("502").contains("Gateway").hasSizeLessThan(400));
    }
  }

  @Test
  void aDeeplyNestedErrorBodyIsTyped() {
    respond(500, "application/json", "{\"error\":" + "[".repeat(200_000) + "]".repeat(200_000) + "}");
    try (AtlasClient c = noRetries()) {
      assertThatThrownBy(() -> c.query("q")).isInstanceOf(AtlasServerException.class);
    }
  }

  @Test
  void aTenMegabyteMessageIsCutToTheReadLimit() {
    respond(500, "application/json", "{\"error\":\"internal_error\",\"message\":\"" + "m".repeat(10 << 20) + "\"}");
    try (AtlasClient c = noRetries()) {
      assertThatThrownBy(() -> c.query("q")).isInstanceOfSatisfying(AtlasServerException.class,
          e -> assertThat(e.getMessage()).hasSizeLessThan(2 << 20));
    }
  }

  @Test
  void fieldsOfTheWrongTypeAreIgnored() {
    respond(429, "application/json", "{\"error\":\"rate_limited\",\"message\":7,\"retryable\":\"yes\","
        + "\"retryAfterSeconds\":[1],\"requestId\":{\"a\":1},\"details\":\"none\"}");
    try (AtlasClient c = noRetries()) {
      assertThatThrownBy(() -> c.query("q")).isInstanceOfSatisfying(AtlasRateLimitException.class, e -> {
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).isEmpty();
        assertThat(e.details()).isEmpty();
        assertThat(e.requestId()).isEmpty();
      });
    }
  }

  @ParameterizedTest
  @CsvSource({"0", "262144", "262145", "3000000"})
  void aSuccessBodyOfAnySizeParsesWhetherReadWholeOrStreamed(int padding) {
    // bodies up to 256 KiB are read whole, larger ones are streamed to the parser: both give the same result
    String answer = "x".repeat(padding);
    respond(200, "application/json", "{\"answer\":\"" + answer + "\",\"sql\":[],\"data\":[],\"steps\":1,"
        + "\"usage\":{\"totalTokens\":3},\"conversationId\":\"c-1\",\"newerField\":{\"a\":[1,2]}}");
    var response = client().query("q");
    assertThat(response.getAnswer()).hasSize(padding).isEqualTo(answer);
    assertThat(response.getConversationId()).isEqualTo("c-1");
  }

  @ParameterizedTest
  @CsvSource({"application/json; charset=ISO-8859-1, ISO-8859-1", "application/json;charset=\"windows-1252\", windows-1252",
      "application/json, UTF-8"})
  void theDeclaredCharsetDecodesTheBody(String contentType, String charset) {
    String json = "{\"answer\":\"Umsatz in M\u00fcnchen: 1.204,50 \u00a7\",\"sql\":[],\"data\":[],\"steps\":1,"
        + "\"usage\":{\"totalTokens\":3},\"conversationId\":\"c-1\"}";
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", contentType)
        .withBody(json.getBytes(java.nio.charset.Charset.forName(charset)))));
    assertThat(client().query("q").getAnswer()).isEqualTo("Umsatz in M\u00fcnchen: 1.204,50 \u00a7");
  }

  @Test
  void aBodyCutShortOfItsLengthIsAConnectionErrorNotMalformedJson() throws Exception {
    // the whole-body read must see the missing bytes as a broken connection, not as malformed JSON
    try (RawHttpServer server = new RawHttpServer(x -> {
      x.out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\nConnection: close\r\n\r\n"
          + "{\"answer\":\"Revenue was\"}").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      x.out.flush();
    }); AtlasClient c = builderFor(server.baseUrl()).apiKey(API_KEY).maxRetries(0).build()) {
      assertThatThrownBy(() -> c.query("q")).isInstanceOfSatisfying(AtlasConnectionException.class,
          e -> assertThat(e.status()).isZero());
    }
  }

  @Test
  void aResetInTheMiddleOfABodyMayHaveRunTheQuerySoItIsNotRetryable() throws Exception {
    try (RawHttpServer server = new RawHttpServer(x -> {
      x.out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n"
          + "{\"answer\":\"Revenue was").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      x.out.flush();
      x.reset();
    }); AtlasClient c = builderFor(server.baseUrl()).apiKey(API_KEY).maxRetries(0).build()) {
      assertThatThrownBy(() -> c.query("q")).isInstanceOfSatisfying(AtlasConnectionException.class, e -> {
        assertThat(e.status()).isZero();
        assertThat(e.requestMayHaveReachedServer()).isTrue();
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("may have run on the server");
      });
      assertThatThrownBy(() -> c.listTables()).isInstanceOfSatisfying(AtlasConnectionException.class, e -> {
        assertThat(e.requestMayHaveReachedServer()).isTrue();
        assertThat(e.retryable()).as("a GET is safe to repeat").isTrue();
      });
    }
  }

  @Test
  void aReadTimeoutIsRetryableOnlyForACallThatIsSafeToRepeat() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withFixedDelay(3_000).withBody("{}")));
    try (AtlasClient c = builder().apiKey(API_KEY).readTimeout(Duration.ofMillis(200)).maxRetries(0).build()) {
      assertThatThrownBy(() -> c.query("q")).isInstanceOfSatisfying(AtlasTimeoutException.class, e -> {
        assertThat(e).isInstanceOf(AtlasConnectionException.class);
        assertThat(e.status()).isZero();
        assertThat(e.requestMayHaveReachedServer()).isTrue();
        assertThat(e.retryable()).as("the query may have run").isFalse();
      });
      assertThatThrownBy(() -> c.validateSql("SELECT 1")).isInstanceOfSatisfying(AtlasTimeoutException.class, e -> {
        assertThat(e.retryable()).as("validation changes nothing").isTrue();
      });
    }
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE",
      "MALFORMED_RESPONSE_CHUNK"})
  void aBrokenConnectionSaysTheQueryMayHaveRunAndIsNotRetryable(Fault fault) {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withFault(fault)));
    assertThatThrownBy(() -> client().query("q")).isInstanceOfSatisfying(AtlasConnectionException.class, e -> {
      assertThat(e.status()).isZero();
      assertThat(e.requestMayHaveReachedServer()).isTrue();
      assertThat(e.retryable()).isFalse();
      assertThat(e.attempts()).as("not retried by the client either").isEqualTo(1);
      assertThat(e.method()).contains("POST");
      assertThat(e.path()).contains("/api/v1/query");
    });
    assertThatThrownBy(() -> client().health()).isInstanceOfSatisfying(AtlasConnectionException.class, e -> {
      assertThat(e.retryable()).as("a GET is safe to repeat").isTrue();
      assertThat(e.attempts()).as("and was retried").isEqualTo(3);
    });
  }
}
