package dev.atlas.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.atlas.client.errors.AtlasException;
import java.time.Clock;

/**
 * Fuzzes the mapping of error responses (status, content type, Retry-After, body) to typed
 * exceptions: it never throws, always yields an {@link AtlasException} with a bounded message and
 * a sane delay. Seeds only in the normal test run; {@code JAZZER_FUZZ=1} fuzzes.
 */
class ErrorMapperFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void anyErrorResponseMapsToATypedException(FuzzedDataProvider data) {
    int status = data.consumeInt(100, 599);
    String contentType = data.consumeString(40);
    String retryAfter = data.consumeString(40);
    String body = data.consumeRemainingAsString();
    AtlasException e = ErrorMapper.fromErrorResponse(status, contentType, retryAfter, body, "GET", "/api/v1/x", null,
        Clock.systemUTC());
    assertThat(e).isNotNull();
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.rawCode()).isNotNull();
    assertThat(e.getMessage()).isNotNull();
    assertThat(e.getMessage().length()).isLessThan(body.length() + 2_000);
    // the server's delay is kept as sent (the retry policy caps the wait), never negative
    e.retryAfter().ifPresent(d -> assertThat(d.isNegative()).as("negative delay %s", d).isFalse());
  }
}
