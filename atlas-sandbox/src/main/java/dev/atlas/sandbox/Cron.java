package dev.atlas.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * A five-field cron expression (minute, hour, day of month, month, day of week; UTC) and the next
 * time it is due, as the server's scheduler sets a task's {@code nextRunAt}. Fields take {@code *},
 * numbers, ranges {@code a-b}, steps {@code /n}, lists, and month and weekday names; when both day
 * fields are restricted a day matching either is due, as in cron. Written here rather than taken
 * from a cron library: those log through SLF4J, and a sandbox without a logging backend would print
 * SLF4J's warning into every program that starts one.
 */
final class Cron {
  private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
      "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
  /** How far ahead {@link #next} looks: a leap day is due within this, an impossible date never. */
  private static final long HORIZON_DAYS = 366L * 5;

  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet days;
  private final BitSet months;
  private final BitSet weekdays;
  private final boolean daysRestricted;
  private final boolean weekdaysRestricted;

  private Cron(String[] f) {
    minutes = field(f[0], 0, 59, List.of(), 0);
    hours = field(f[1], 0, 23, List.of(), 0);
    days = field(f[2], 1, 31, List.of(), 0);
    months = field(f[3], 1, 12, MONTHS, 1);
    weekdays = field(f[4], 0, 7, DAYS, 0);
    if (weekdays.get(7)) {
      weekdays.set(0); // 7 is Sunday too
    }
    daysRestricted = !f[2].equals("*");
    weekdaysRestricted = !f[4].equals("*");
  }

  /**
   * @param expression five fields separated by blanks
   * @return the parsed expression
   * @throws IllegalArgumentException when a field is not cron
   */
  static Cron parse(String expression) {
    String[] f = expression.trim().split("\\s+");
    if (f.length != 5) {
      throw new IllegalArgumentException("expected 5 fields");
    }
    return new Cron(f);
  }

  /**
   * @param after an instant
   * @return the first whole minute after it that the expression matches, or null if none comes
   *     within five years (e.g. the 31st of February)
   */
  Instant next(Instant after) {
    ZonedDateTime t = after.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    ZonedDateTime end = t.plusDays(HORIZON_DAYS);
    while (t.isBefore(end)) {
      if (!months.get(t.getMonthValue()) || !dayMatches(t)) {
        t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
      } else if (!hours.get(t.getHour())) {
        t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
      } else if (!minutes.get(t.getMinute())) {
        t = t.plusMinutes(1);
      } else {
        return t.toInstant();
      }
    }
    return null;
  }

  private boolean dayMatches(ZonedDateTime t) {
    boolean day = days.get(t.getDayOfMonth());
    boolean weekday = weekdays.get(t.getDayOfWeek().getValue() % 7);
    if (daysRestricted && weekdaysRestricted) {
      return day || weekday;
    }
    return day && weekday;
  }

  private static BitSet field(String text, int min, int max, List<String> names, int firstName) {
    BitSet out = new BitSet(max + 1);
    for (String item : text.split(",", -1)) {
      String range = item;
      int step = 1;
      int slash = item.indexOf('/');
      if (slash >= 0) {
        range = item.substring(0, slash);
        step = number(item.substring(slash + 1), 1, max, List.of(), 0);
      }
      int from;
      int to;
      if (range.equals("*")) {
        from = min;
        to = max;
      } else {
        int dash = range.indexOf('-');
        from = number(dash < 0 ? range : range.substring(0, dash), min, max, names, firstName);
        to = dash < 0 ? (slash >= 0 ? max : from) : number(range.substring(dash + 1), min, max, names, firstName);
        if (to < from) {
          throw new IllegalArgumentException("range " + range + " runs backwards");
        }
      }
      for (int v = from; v <= to; v += step) {
        out.set(v);
      }
    }
    return out;
  }

  private static int number(String text, int min, int max, List<String> names, int firstName) {
    int named = names.indexOf(text.toUpperCase(Locale.ROOT));
    if (named >= 0) {
      return named + firstName;
    }
    try {
      int v = Integer.parseInt(text);
      if (v < min || v > max) {
        throw new IllegalArgumentException(text + " is outside " + min + "-" + max);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a cron value: " + text, e);
    }
  }
}
