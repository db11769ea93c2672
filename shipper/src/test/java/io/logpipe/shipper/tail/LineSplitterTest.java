package io.logpipe.shipper.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

  /** Lines as "text" or "text+" for a continued chunk. */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("complete lines", "ab\ncd\n", 10, false, List.of("ab", "cd"), 6),
        Arguments.of("partial last line stays in the file", "ab\ncd", 10, false, List.of("ab"), 3),
        Arguments.of("partial last line of a finished file is flushed", "ab\ncd", 10, true, List.of("ab", "cd"), 5),
        Arguments.of("empty lines are lines", "\n\n", 10, false, List.of("", ""), 2),
        Arguments.of("line exactly at the maximum is whole", "abcd\n", 4, false, List.of("abcd"), 5),
        Arguments.of("longer line becomes continued chunks", "abcdefghij\n", 4, false,
            List.of("abcd+", "efgh+", "ij"), 11),
        Arguments.of("chunk boundary right before the newline", "abcdefgh\n", 4, false, List.of("abcd+", "efgh"), 9),
        Arguments.of("over-long partial line is cut, the rest waits", "abcdefghij", 4, false,
            List.of("abcd+", "efgh+"), 8),
        Arguments.of("nothing complete yet", "abc", 4, false, List.of(), 0),
        Arguments.of("carriage returns are content", "a\r\n", 4, false, List.of("a\r"), 3));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void splitsBytesIntoLinesAndChunks(String name, String input, int maxLine, boolean flushTail, List<String> lines,
      int consumed) {
    byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
    List<String> seen = new ArrayList<>();
    int used = new LineSplitter(maxLine).split(bytes, bytes.length, flushTail,
        (start, length, continued) -> seen.add(new String(bytes, start, length, StandardCharsets.UTF_8)
            + (continued ? "+" : "")));
    assertThat(seen).containsExactlyElementsOf(lines);
    assertThat(used).isEqualTo(consumed);
  }

  @Test
  void refusesANonPositiveMaximum() {
    assertThatThrownBy(() -> new LineSplitter(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cutsRandomBytesExactlyAsAByteByByteScanDoes() {
    Random random = new Random(42);
    for (int round = 0; round < 2_000; round++) {
      byte[] bytes = new byte[random.nextInt(300)];
      int newlineOneIn = 1 + random.nextInt(40);
      for (int i = 0; i < bytes.length; i++) {
        // Newlines, bytes one bit away from one (0x0B, 0x8A), and high bytes: what could fool a word-wise test.
        int pick = random.nextInt(newlineOneIn + 3);
        bytes[i] = (byte) (pick == 0 ? '\n' : pick == 1 ? 0x0B : pick == 2 ? 0x8A : random.nextInt(256));
      }
      int length = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
      int maxLine = 1 + random.nextInt(50);
      boolean flushTail = random.nextBoolean();
      List<String> expected = new ArrayList<>();
      int expectedUsed = byteByByte(bytes, length, maxLine, flushTail, expected);
      List<String> seen = new ArrayList<>();
      int used = new LineSplitter(maxLine).split(bytes, length, flushTail,
          (start, len, continued) -> seen.add(start + ":" + len + (continued ? "+" : "")));
      assertThat(seen).as("round %d", round).containsExactlyElementsOf(expected);
      assertThat(used).as("round %d", round).isEqualTo(expectedUsed);
    }
  }

  @Test
  void findsTheFirstNewlineAtEveryPlaceInAWord() {
    for (int at = 0; at < 20; at++) {
      byte[] bytes = new byte[20];
      java.util.Arrays.fill(bytes, (byte) 0x0B);
      bytes[at] = '\n';
      if (at + 3 < 20) {
        bytes[at + 3] = '\n';
      }
      assertThat(LineSplitter.indexOfNewline(bytes, 0, 20)).isEqualTo(at);
      assertThat(LineSplitter.indexOfNewline(bytes, 0, at)).isEqualTo(-1);
    }
  }

  /** The splitter as it was first written, one byte per step: the oracle for the word-wise scan. */
  private static int byteByByte(byte[] bytes, int length, int maxLine, boolean flushTail, List<String> out) {
    int lineStart = 0;
    int i = 0;
    while (i < length) {
      if (bytes[i] == '\n') {
        out.add(lineStart + ":" + (i - lineStart));
        lineStart = i + 1;
      } else if (i - lineStart + 1 > maxLine) {
        out.add(lineStart + ":" + maxLine + "+");
        lineStart = i;
        continue;
      }
      i++;
    }
    if (length - lineStart > 0 && flushTail) {
      out.add(lineStart + ":" + (length - lineStart));
      lineStart = length;
    }
    return lineStart;
  }
}
