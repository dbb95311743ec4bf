package dev.atlas.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The next run time the sandbox gives a task, as a cron scheduler computes it (UTC). */
class CronTest {
  @ParameterizedTest(name = "{0} after {1}")
  @CsvSource(delimiter = '|', value = {
      "* * * * *         | 2026-11-22T08:00:05Z | 2026-11-22T08:01:00Z",
      "* * * * *         | 2026-11-22T08:00:00Z | 2026-11-22T08:01:00Z",
      "0 9 * * *         | 2026-11-22T08:00:00Z | 2026-11-22T09:00:00Z",
      "0 9 * * *         | 2026-11-22T09:00:00Z | 2026-11-23T09:00:00Z",
      "*/15 * * * *      | 2026-11-22T08:16:00Z | 2026-11-22T08:30:00Z",
      "30 8-10/2 * * *   | 2026-11-22T08:31:00Z | 2026-11-22T10:30:00Z",
      "0 0 1 JAN *       | 2026-11-22T08:00:00Z | 2027-01-01T00:00:00Z",
      "0 12 * * MON-FRI  | 2026-11-21T13:00:00Z | 2026-11-23T12:00:00Z",
      "0 12 * * 0        | 2026-11-22T13:00:00Z | 2026-11-29T12:00:00Z",
      "0 12 * * 7        | 2026-11-22T13:00:00Z | 2026-11-29T12:00:00Z",
      "0 0 13 * 5        | 2026-11-22T08:00:00Z | 2026-11-27T00:00:00Z",
      "0 0 29 2 *        | 2026-11-22T08:00:00Z | 2028-02-29T00:00:00Z",
      "5,10 * * * *      | 2026-11-22T08:07:00Z | 2026-11-22T08:10:00Z"})
  void nextIsTheFirstMatchingMinuteAfter(String cron, String after, String next) {
    assertThat(Cron.parse(cron).next(Instant.parse(after))).isEqualTo(Instant.parse(next));
  }

  @ParameterizedTest
  @ValueSource(strings = {"every day", "* * * *", "60 * * * *", "* 24 * * *", "5-1 * * * *", "* * * FOO *", "*/0 * * * *"})
  void whatIsNotCronIsRefused(String cron) {
    assertThatThrownBy(() -> Cron.parse(cron)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0 0 31 2 *", "0 0 30 2 *"})
  void aDateThatNeverComesHasNoNextRun(String cron) {
    assertThat(Cron.parse(cron).next(Instant.parse("2026-11-22T08:00:00Z"))).isNull();
  }
}
