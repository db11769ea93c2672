package io.logpipe.shipper.tail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LetGoTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("a file still on disk (live or rotated) is never let go", true, 100, 100, Duration.ofHours(1),
            false),
        Arguments.of("a deleted file with unread bytes is kept", false, 50, 100, Duration.ofHours(1), false),
        Arguments.of("a deleted file read to its end but still warm is kept", false, 100, 100,
            Duration.ofSeconds(1), false),
        Arguments.of("a deleted file read to its end and idle is let go", false, 100, 100, WAIT, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void letsGoOnlyOfFilesGoneFromDiskAndReadToTheirEnd(String name, boolean present, long position, long size, Duration idle,
      boolean letGo) {
    assertThat(LetGo.mayLetGo(present, position, size, idle, WAIT)).isEqualTo(letGo);
  }
}
