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
        Arguments.of("a live file is never let go", true, 100, 100, Duration.ofHours(1), false),
        Arguments.of("a rotated file with unread bytes is kept", false, 50, 100, Duration.ofHours(1), false),
        Arguments.of("a rotated file read to its end but still warm is kept", false, 100, 100,
            Duration.ofSeconds(1), false),
        Arguments.of("a rotated file read to its end and idle is let go", false, 100, 100, WAIT, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void letsGoOnlyOfRotatedFilesReadToTheirEnd(String name, boolean live, long position, long size, Duration idle,
      boolean letGo) {
    assertThat(LetGo.mayLetGo(live, position, size, idle, WAIT)).isEqualTo(letGo);
  }
}
