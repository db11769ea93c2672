package io.logpipe.shipper.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
}
