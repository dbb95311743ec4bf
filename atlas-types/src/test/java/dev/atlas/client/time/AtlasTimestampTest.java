package dev.atlas.client.time;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AtlasTimestampTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // recorded from a running Atlas server (CONTRACT.md)
      "Sun Nov 22 2026 07:58:28 GMT+0000 (Coordinated Universal Time) | 2026-11-22T07:58:28Z",
      "Sun Nov 22 2026 07:58:28 GMT+0000                                | 2026-11-22T07:58:28Z",
      "Mon Mar 02 2026 09:00:00 GMT+0100 (Central European Standard Time) | 2026-03-02T08:00:00Z",
      "Wed Jul 15 2026 18:30:05 GMT-0700 (Pacific Daylight Time)        | 2026-07-16T01:30:05Z",
      "2026-11-22T07:58:28.000Z                                         | 2026-11-22T07:58:28Z",
      "2026-11-22T07:58:28.123+02:00                                    | 2026-11-22T05:58:28.123Z",
      "2026-11-22 07:58:28                                              | 2026-11-22T07:58:28Z",
      "2026-11-22 07:58:28.5+00                                         | 2026-11-22T07:58:28.500Z",
      "2026-11-22                                                       | 2026-11-22T00:00:00Z",
      "1795334308000                                                    | 2026-11-22T07:58:28Z",
  })
  void parsesEveryFormTheServerSends(String raw, String instant) {
    AtlasTimestamp ts = AtlasTimestamp.parse(raw);
    assertThat(ts.raw()).isEqualTo(raw);
    assertThat(ts.toInstant()).contains(Instant.parse(instant));
    assertThat(ts.isParsed()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "yesterday", "Sun Nov 99 2026", "2026-13-45T00:00:00Z", "NaN"})
  void keepsUnparseableTextWithoutFailing(String raw) {
    AtlasTimestamp ts = AtlasTimestamp.parse(raw);
    assertThat(ts.raw()).isEqualTo(raw);
    assertThat(ts.value()).isEmpty();
    assertThat(ts.toString()).isEqualTo(raw);
  }

  @Test
  void keepsTheServersOffset() {
    OffsetDateTime v = AtlasTimestamp.parse("Mon Mar 02 2026 09:00:00 GMT+0100 (CET)").value().orElseThrow();
    assertThat(v.getOffset()).isEqualTo(ZoneOffset.ofHours(1));
  }

  record Holder(AtlasTimestamp createdAt, AtlasTimestamp deletedAt) {}

  @Test
  void gsonRoundTripsTheRawText() {
    Gson gson = new Gson();
    String json = "{\"createdAt\":\"Sun Nov 22 2026 07:58:28 GMT+0000 (Coordinated Universal Time)\",\"deletedAt\":null}";
    Holder h = gson.fromJson(json, Holder.class);
    assertThat(h.createdAt().toInstant()).contains(Instant.parse("2026-11-22T07:58:28Z"));
    assertThat(h.deletedAt()).isNull();
    assertThat(gson.toJson(h)).isEqualTo("{\"createdAt\":\"Sun Nov 22 2026 07:58:28 GMT+0000 (Coordinated Universal Time)\"}");
  }

  @Test
  void ordersByInstantThenRawText() {
    AtlasTimestamp js = AtlasTimestamp.parse("Sun Nov 22 2026 07:58:28 GMT+0000 (Coordinated Universal Time)");
    AtlasTimestamp iso = AtlasTimestamp.parse("2026-11-22T07:58:29Z");
    AtlasTimestamp junk = AtlasTimestamp.parse("later");
    assertThat(js).isLessThan(iso);
    assertThat(iso).isLessThan(junk);
    assertThat(AtlasTimestamp.of(Instant.parse("2026-11-22T07:58:28Z")).raw()).isEqualTo("2026-11-22T07:58:28Z");
  }
}
