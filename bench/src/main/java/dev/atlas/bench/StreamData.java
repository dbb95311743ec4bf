package dev.atlas.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Realistic Atlas chat streams, generated deterministically: mostly short text deltas, with agent
 * steps and, every so many frames, an {@code executeSQL} call and its result. Two kinds:
 * {@link #ATLAS}, the project's own (deltas with some non-ASCII words, a 200-row result every 400
 * frames), and {@link #MULTIBYTE} (deltas of accented Latin, Greek, Cyrillic, CJK and emoji, that is
 * 2-, 3- and 4-byte UTF-8 sequences, and a 25-row result with such names every 150 frames).
 */
public final class StreamData {
  /** The project's own stream. */
  public static final String ATLAS = "atlas";
  /** Multibyte text deltas and smaller, more frequent tool results. */
  public static final String MULTIBYTE = "multibyte";

  /** The frames that end a stream: {@code finish}, then {@code [DONE]}. */
  public static final byte[] END = ("data: {\"type\":\"finish\",\"finishReason\":\"stop\"}\n\n"
      + "data: [DONE]\n\n").getBytes(StandardCharsets.UTF_8);

  /** What varies between the kinds: delta words, region names, tool call spacing and result rows. */
  private record Shape(String[] words, String[] regions, int toolEvery, int rows) {}

  private static final Shape ATLAS_SHAPE = new Shape(new String[] {"revenue", "grew", "by", "12%", "in", "the",
      "north", "region", "while", "orders", "fell", "slightly", "customers", "average", "value", "was", "€1,204.50",
      "über", "日本", "quarter"}, new String[] {"region"}, 400, 200);

  private static final Shape MULTIBYTE_SHAPE = new Shape(new String[] {"café", "naïve", "Größe", "São", "€1.204,50",
      "résumé", "Ελλάδα", "прибыль", "выросла", "売上は", "前年比", "１２％", "増加", "しました。", "東京", "地域の",
      "顧客", "注文", "매출이", "증가", "📈", "🚀", "✅", "👍🏽"}, new String[] {"Île-de-France", "São Paulo",
      "München", "Αθήνα", "Москва", "東京都", "서울", "🌍"}, 150, 25);

  private StreamData() {}

  /**
   * Generates about {@code targetBytes} of the {@link #ATLAS} stream.
   *
   * @param targetBytes the size to reach
   * @return the bytes, ending with {@code data: [DONE]}
   */
  public static byte[] generate(int targetBytes) {
    return generate(ATLAS, targetBytes);
  }

  /**
   * Generates about {@code targetBytes} of stream of one kind.
   *
   * @param kind {@link #ATLAS} or {@link #MULTIBYTE}
   * @param targetBytes the size to reach
   * @return the bytes, ending with {@code data: [DONE]}
   */
  public static byte[] generate(String kind, int targetBytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(targetBytes + (1 << 16));
    out.writeBytes(body(shape(kind), targetBytes));
    out.writeBytes(END);
    return out.toByteArray();
  }

  /**
   * Generates about {@code targetBytes} of {@link #ATLAS} frames without the end, to be repeated into a
   * longer stream.
   *
   * @param targetBytes the size to reach
   * @return whole frames
   */
  public static byte[] body(int targetBytes) {
    return body(ATLAS_SHAPE, targetBytes);
  }

  private static Shape shape(String kind) {
    return switch (kind) {
      case ATLAS -> ATLAS_SHAPE;
      case MULTIBYTE -> MULTIBYTE_SHAPE;
      default -> throw new IllegalArgumentException("unknown stream kind: " + kind);
    };
  }

  private static byte[] body(Shape shape, int targetBytes) {
    Random r = new Random(42);
    ByteArrayOutputStream out = new ByteArrayOutputStream(targetBytes + (1 << 16));
    int frame = 0;
    while (out.size() < targetBytes) {
      frame++;
      String data;
      if (frame % shape.toolEvery == 0) {
        write(out, "{\"type\":\"tool-input-available\",\"toolCallId\":\"call-" + frame
            + "\",\"toolName\":\"executeSQL\",\"input\":{\"sql\":\"SELECT region, SUM(total) AS revenue FROM orders GROUP BY region\"}}");
        data = toolOutput(shape, r, frame);
      } else if (frame % 50 == 0) {
        data = "{\"type\":\"finish-step\"}";
      } else if (frame % 50 == 1) {
        data = "{\"type\":\"start-step\"}";
      } else {
        StringBuilder delta = new StringBuilder();
        int words = 1 + r.nextInt(6);
        for (int i = 0; i < words; i++) {
          delta.append(shape.words[r.nextInt(shape.words.length)]).append(' ');
        }
        data = "{\"type\":\"text-delta\",\"id\":\"txt-" + (frame / 50) + "\",\"delta\":\"" + delta + "\"}";
      }
      write(out, data);
    }
    return out.toByteArray();
  }

  private static String toolOutput(Shape shape, Random r, int frame) {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < shape.rows; i++) {
      rows.append(i == 0 ? "" : ",").append("{\"region\":\"").append(shape.regions[i % shape.regions.length])
          .append('-').append(i).append("\",\"revenue\":\"").append(r.nextInt(1_000_000)).append(".")
          .append(r.nextInt(100)).append("\",\"orders\":").append(r.nextInt(10_000)).append('}');
    }
    return "{\"type\":\"tool-output-available\",\"toolCallId\":\"call-" + frame + "\",\"output\":{\"success\":true,"
        + "\"row_count\":" + shape.rows + ",\"truncated\":false,\"columns\":[\"region\",\"revenue\",\"orders\"],\"rows\":["
        + rows + "],\"executionMs\":" + r.nextInt(500) + "}}";
  }

  private static void write(ByteArrayOutputStream out, String data) {
    out.writeBytes(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
  }
}
