package io.logpipe.shipper.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FingerprintTest {

  static Stream<Arguments> cases() {
    String line = "2024-05-01T10:00:00.000000001Z stdout F hello\n";
    return Stream.of(
        Arguments.of("a file that grew still matches its first fingerprint", "abc", "abcdef", true),
        Arguments.of("the same bytes match", line, line, true),
        Arguments.of("another file's start does not", line, line.replace("001Z", "002Z"), false),
        Arguments.of("a file now shorter than the fingerprint does not", "abcdef", "abc", false),
        Arguments.of("only the first 255 bytes count", "x".repeat(300), "x".repeat(255) + "y".repeat(45), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesTheSameFileAsItGrowsAndNothingElse(String name, String firstSeen, String now, boolean matches) {
    long fingerprint = Fingerprint.of(firstSeen.getBytes(StandardCharsets.UTF_8));
    assertThat(Fingerprint.matches(fingerprint, now.getBytes(StandardCharsets.UTF_8))).isEqualTo(matches);
  }

  @Test
  void keepsTheLengthItCovers() {
    assertThat(Fingerprint.length(Fingerprint.of(new byte[3]))).isEqualTo(3);
    assertThat(Fingerprint.length(Fingerprint.of(new byte[4000]))).isEqualTo(Fingerprint.MAX_LENGTH);
  }

  @Test
  void anEmptyFileHasNoFingerprintYet() {
    assertThatThrownBy(() -> Fingerprint.of(new byte[0])).isInstanceOf(IllegalArgumentException.class);
  }
}
