package dev.atlas.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The event-data decoder gives exactly what {@code new String(bytes, UTF_8)} gives, for any bytes. */
class Utf8Test {
  private final Utf8 utf8 = new Utf8();

  private void same(byte[] b, int off, int len) {
    String expected = new String(b, off, len, StandardCharsets.UTF_8);
    String actual = utf8.decode(b, off, len);
    if (!expected.equals(actual)) {
      assertThat(actual).as("bytes %s", java.util.HexFormat.of().formatHex(b, off, off + len)).isEqualTo(expected);
    }
  }

  @Test
  void everyOneAndTwoByteInput() {
    for (int x = 0; x < 256; x++) {
      same(new byte[] {(byte) x}, 0, 1);
      for (int y = 0; y < 256; y++) {
        same(new byte[] {(byte) x, (byte) y}, 0, 2);
      }
    }
  }

  @Test
  void everyThreeByteInputThatStartsAMultibyteSequence() {
    byte[] b = new byte[5];
    b[0] = 'a';
    b[4] = 'z';
    for (int x = 0xC0; x < 0x100; x++) {
      for (int y = 0; y < 256; y++) {
        for (int z = 0; z < 256; z += (z < 0x70 || z > 0xC8 ? 7 : 1)) {
          b[1] = (byte) x;
          b[2] = (byte) y;
          b[3] = (byte) z;
          same(b, 0, 5);
          same(b, 1, 3);
        }
      }
    }
  }

  @Test
  void fourByteSequencesAroundEveryBoundary() {
    int[] firsts = {0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF7, 0xF8};
    for (int x : firsts) {
      for (int y = 0x70; y < 0xD0; y++) {
        for (int z : new int[] {0x41, 0x7F, 0x80, 0x9F, 0xBF, 0xC0}) {
          for (int w : new int[] {0x41, 0x80, 0xBF, 0xC0}) {
            same(new byte[] {(byte) x, (byte) y, (byte) z, (byte) w}, 0, 4);
            same(new byte[] {(byte) x, (byte) y, (byte) z}, 0, 3);
          }
        }
      }
    }
  }

  @Test
  void randomTextAndGarbageAtRandomOffsets() {
    Random random = new Random(42);
    byte[] text = ("{\"type\":\"text-delta\",\"delta\":\"café naïve Größe €1.204,50 Ελλάδα Россия 日本語 한국어 "
        + "😀👍🏽 \\u00e9\"}").getBytes(StandardCharsets.UTF_8);
    for (int round = 0; round < 200_000; round++) {
      byte[] b = new byte[random.nextInt(64)];
      for (int i = 0; i < b.length; i++) {
        int kind = random.nextInt(10);
        b[i] = kind < 6 ? text[random.nextInt(text.length)] : kind < 8 ? (byte) random.nextInt(128)
            : (byte) random.nextInt(256);
      }
      int off = b.length == 0 ? 0 : random.nextInt(b.length);
      same(b, off, b.length - off);
      int start = random.nextInt(text.length);
      same(text, start, random.nextInt(text.length - start + 1));
    }
  }

  @Test
  void longTextGrowsTheBuffer() {
    String s = "日本語のテキスト😀".repeat(5000) + "x";
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    assertThat(utf8.decode(b, 0, b.length)).isEqualTo(s);
    assertThat(utf8.decode(b, 3, 6)).isEqualTo("本語");
  }
}
