package dev.atlas.bench;

import dev.atlas.bench.Report.Score;
import java.util.Locale;
import java.util.Map;

/**
 * A ratio of two JMH scores and the range their 99.9 % error bars allow.
 *
 * @param value the ratio of the scores
 * @param low the lowest ratio the error bars allow (NaN if JMH gave no error: a single iteration)
 * @param high the highest (infinite if the denominator's error bar reaches zero; NaN if no error)
 */
record Ratio(double value, double low, double high) {
  /** @return {@code a / b}, from {@code (a - error) / (b + error)} to {@code (a + error) / (b - error)} */
  static Ratio of(Score a, Score b) {
    if (Double.isNaN(a.error()) || Double.isNaN(b.error())) {
      return new Ratio(a.value() / b.value(), Double.NaN, Double.NaN);
    }
    double low = Math.max(0, (a.value() - a.error()) / (b.value() + b.error()));
    double high = b.value() > b.error() ? (a.value() + a.error()) / (b.value() - b.error()) : Double.POSITIVE_INFINITY;
    return new Ratio(a.value() / b.value(), low, high);
  }

  /**
   * Our speed relative to theirs (above 1: we are faster). For times per operation (our benchmarks'
   * AverageTime) that is theirs / ours, lowest when our time is longest and theirs shortest:
   * (theirs - error) / (ours + error); for throughputs it is ours / theirs, lowest at
   * (ours - error) / (theirs + error).
   *
   * @return the ratio, or null if either score is missing
   */
  static Ratio speed(Map<String, Score> rows, String theirs, String ours) {
    if (rows == null || !rows.containsKey(theirs) || !rows.containsKey(ours)) {
      return null;
    }
    Score t = rows.get(theirs);
    Score o = rows.get(ours);
    return o.throughput() ? of(o, t) : of(t, o);
  }

  /** @return whether the error bars gave a range */
  boolean hasRange() {
    return !Double.isNaN(low);
  }

  /** @return e.g. {@code 1.55× (1.30-1.80)}, or {@code 1.55×} without a range */
  String format() {
    if (!hasRange()) {
      return String.format(Locale.ROOT, "%.2f×", value);
    }
    String to = Double.isInfinite(high) ? "∞" : String.format(Locale.ROOT, "%.2f", high);
    return String.format(Locale.ROOT, "%.2f× (%.2f-%s)", value, low, to);
  }
}
