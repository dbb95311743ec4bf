package dev.atlas.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A realistic Atlas chat stream, generated deterministically: mostly short text deltas, with agent
 * steps, tool calls and, every few hundred frames, a large {@code executeSQL} result.
 */
public final class StreamData {
  private static final String[] WORDS = {"revenue", "grew", "by", "12%", "in", "the", "north", "region", "while",
      "orders", "fell", "slightly", "customers", "average", "value", "was", "€1,204.50", "über", "日本", "quarter"};

  private StreamData() {}

  /**
   * Generates about {@code targetBytes} of stream.
   *
   * @param targetBytes the size to reach
   * @return the bytes, ending with {@code data: [DONE]}
   */
  public static byte[] generate(int targetBytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(targetBytes + (1 << 16));
    out.writeBytes(body(targetBytes));
    out.writeBytes(END);
    return out.toByteArray();
  }

  /** The frames that end a stream: {@code finish}, then {@code [DONE]}. */
  public static final byte[] END = ("data: {\"type\":\"finish\",\"finishReason\":\"stop\"}\n\n"
      + "data: [DONE]\n\n").getBytes(StandardCharsets.UTF_8);

  /**
   * Generates about {@code targetBytes} of frames without the end, to be repeated into a longer stream.
   *
   * @param targetBytes the size to reach
   * @return whole frames
   */
  public static byte[] body(int targetBytes) {
    Random r = new Random(42);
    ByteArrayOutputStream out = new ByteArrayOutputStream(targetBytes + (1 << 16));
    int frame = 0;
    while (out.size() < targetBytes) {
      frame++;
      String data;
      if (frame % 400 == 0) {
        write(out, "{\"type\":\"tool-input-available\",\"toolCallId\":\"call-" + frame
            + "\",\"toolName\":\"executeSQL\",\"input\":{\"sql\":\"SELECT region, SUM(total) AS revenue FROM orders GROUP BY region\"}}");
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 200; i++) {
          rows.append(i == 0 ? "" : ",").append("{\"region\":\"region-").append(i).append("\",\"revenue\":\"")
              .append(r.nextInt(1_000_000)).append(".").append(r.nextInt(100)).append("\",\"orders\":")
              .append(r.nextInt(10_000)).append('}');
        }
        data = "{\"type\":\"tool-output-available\",\"toolCallId\":\"call-" + frame + "\",\"output\":{\"success\":true,"
            + "\"row_count\":200,\"truncated\":false,\"columns\":[\"region\",\"revenue\",\"orders\"],\"rows\":[" + rows
            + "],\"executionMs\":" + r.nextInt(500) + "}}";
      } else if (frame % 50 == 0) {
        data = "{\"type\":\"finish-step\"}";
      } else if (frame % 50 == 1) {
        data = "{\"type\":\"start-step\"}";
      } else {
        StringBuilder delta = new StringBuilder();
        int words = 1 + r.nextInt(6);
        for (int i = 0; i < words; i++) {
          delta.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
        }
        data = "{\"type\":\"text-delta\",\"id\":\"txt-" + (frame / 50) + "\",\"delta\":\"" + delta + "\"}";
      }
      write(out, data);
    }
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String data) {
    out.writeBytes(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
  }
}
