package dev.atlas.client.time;

import com.google.gson.TypeAdapter;
import com.google.gson.annotations.JsonAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A timestamp as the Atlas server sent it: the raw text, and its value when the text parses.
 *
 * <p>The server does not always send ISO-8601: conversation and message times arrive as
 * JavaScript {@code Date.toString()} text such as
 * {@code Sun Nov 22 2026 07:58:28 GMT+0000 (Coordinated Universal Time)}. This type accepts:
 * <ul>
 *   <li>ISO-8601 date-times with an offset or {@code Z} ({@code 2026-11-22T07:58:28.000Z});</li>
 *   <li>date-times without an offset, with {@code T} or a space ({@code 2026-11-22 07:58:28}),
 *       read as UTC;</li>
 *   <li>SQL-style date-times with a short offset ({@code 2026-11-22 07:58:28.123+00});</li>
 *   <li>JavaScript {@code Date.toString()} text, with or without the zone name in parentheses;</li>
 *   <li>plain dates ({@code 2026-11-22}, start of day UTC) and JSON numbers (epoch milliseconds).</li>
 * </ul>
 * Anything else is kept as raw text with an empty {@link #value()}: an odd timestamp never fails
 * a whole response. Instances are immutable; equality is by raw text.
 */
@JsonAdapter(AtlasTimestamp.GsonAdapter.class)
public final class AtlasTimestamp implements Comparable<AtlasTimestamp> {

  private static final DateTimeFormatter LOCAL_OR_OFFSET = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .append(DateTimeFormatter.ISO_LOCAL_TIME)
      .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHmm", "Z").optionalEnd()
      .optionalStart().appendOffset("+HH", "Z").optionalEnd()
      .toFormatter(Locale.ROOT);

  private static final DateTimeFormatter JAVASCRIPT = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .appendPattern("EEE MMM dd yyyy HH:mm:ss")
      .appendLiteral(" GMT")
      .appendOffset("+HHMM", "+0000")
      .toFormatter(Locale.ENGLISH);

  private final String raw;
  private final OffsetDateTime value;

  private AtlasTimestamp(String raw, OffsetDateTime value) {
    this.raw = raw;
    this.value = value;
  }

  /**
   * Parses server text; never throws for unparseable text.
   *
   * @param raw the text as sent
   * @return the timestamp, whose {@link #value()} is empty when the text is not a known form
   * @throws NullPointerException if {@code raw} is null
   */
  public static AtlasTimestamp parse(String raw) {
    Objects.requireNonNull(raw, "raw");
    return new AtlasTimestamp(raw, tryParse(raw.trim()));
  }

  /**
   * Wraps a known instant, rendered as ISO-8601 in UTC.
   *
   * @param instant the instant
   * @return a timestamp whose raw text is the ISO-8601 form
   */
  public static AtlasTimestamp of(Instant instant) {
    OffsetDateTime v = instant.atOffset(ZoneOffset.UTC);
    return new AtlasTimestamp(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(v), v);
  }

  /** @return the text exactly as the server sent it */
  public String raw() {
    return raw;
  }

  /** @return the parsed date-time with the server's offset, or empty if the text did not parse */
  public Optional<OffsetDateTime> value() {
    return Optional.ofNullable(value);
  }

  /** @return the parsed instant, or empty if the text did not parse */
  public Optional<Instant> toInstant() {
    return value == null ? Optional.empty() : Optional.of(value.toInstant());
  }

  /** @return whether the text parsed to a date-time */
  public boolean isParsed() {
    return value != null;
  }

  /**
   * Orders parsed timestamps by instant, before unparsed ones (which are ordered by raw text).
   */
  @Override
  public int compareTo(AtlasTimestamp other) {
    if (value != null && other.value != null) {
      return value.toInstant().compareTo(other.value.toInstant());
    }
    if (value != null) {
      return -1;
    }
    if (other.value != null) {
      return 1;
    }
    return raw.compareTo(other.raw);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AtlasTimestamp && ((AtlasTimestamp) o).raw.equals(raw);
  }

  @Override
  public int hashCode() {
    return raw.hashCode();
  }

  /** @return the raw text */
  @Override
  public String toString() {
    return raw;
  }

  private static OffsetDateTime tryParse(String text) {
    if (text.isEmpty()) {
      return null;
    }
    char first = text.charAt(0);
    try {
      if (Character.isDigit(first) || first == '-') {
        if (text.length() <= 10 && text.indexOf('-', 1) > 0) {
          return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        if (text.chars().allMatch(c -> Character.isDigit(c) || c == '-') && text.indexOf('-', 1) < 0) {
          return Instant.ofEpochMilli(Long.parseLong(text)).atOffset(ZoneOffset.UTC);
        }
        var parsed = LOCAL_OR_OFFSET.parse(text);
        LocalDateTime local = LocalDateTime.from(parsed);
        ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
            ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))
            : ZoneOffset.UTC;
        return local.atOffset(offset);
      }
      int paren = text.indexOf(" (");
      String js = paren > 0 ? text.substring(0, paren) : text;
      return OffsetDateTime.parse(js, JAVASCRIPT);
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  /** Reads and writes {@link AtlasTimestamp} as its raw JSON string (or number). */
  static final class GsonAdapter extends TypeAdapter<AtlasTimestamp> {
    @Override
    public void write(JsonWriter out, AtlasTimestamp ts) throws IOException {
      if (ts == null) {
        out.nullValue();
      } else {
        out.value(ts.raw);
      }
    }

    @Override
    public AtlasTimestamp read(JsonReader in) throws IOException {
      JsonToken token = in.peek();
      if (token == JsonToken.NULL) {
        in.nextNull();
        return null;
      }
      if (token == JsonToken.STRING || token == JsonToken.NUMBER) {
        return parse(in.nextString());
      }
      throw new com.google.gson.JsonSyntaxException("Expected a timestamp string at " + in.getPath() + " but was " + token);
    }
  }
}
