package io.logpipe.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitsTest {

  static Stream<Arguments> durations() {
    return Stream.of(
        Arguments.of("500ms", Duration.ofMillis(500)),
        Arguments.of("1s", Duration.ofSeconds(1)),
        Arguments.of(" 10m ", Duration.ofMinutes(10)),
        Arguments.of("2h", Duration.ofHours(2)),
        Arguments.of("1d", Duration.ofDays(1)),
        Arguments.of("1.5s", Duration.ofMillis(1500)),
        Arguments.of("250us", Duration.ofNanos(250_000)),
        Arguments.of("0", Duration.ZERO),
        Arguments.of("PT1M30S", Duration.ofSeconds(90)),
        Arguments.of("pt5s", Duration.ofSeconds(5)),
        Arguments.of("5S", Duration.ofSeconds(5)));
  }

  @ParameterizedTest
  @MethodSource("durations")
  void parsesDurationsWithUnitsAndIso8601(String text, Duration expected) {
    assertThat(Units.duration(text)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1x", "ms", "500", "-1s", "PT-1S", "P1X", "1 fortnight", "1s2"})
  void refusesAmbiguousOrMalformedDurations(String text) {
    assertThat(Units.duration(text)).isEmpty();
  }

  static Stream<Arguments> sizes() {
    return Stream.of(
        Arguments.of("1048576", 1_048_576L),
        Arguments.of("1MiB", 1_048_576L),
        Arguments.of("512KiB", 524_288L),
        Arguments.of("512kib", 524_288L),
        Arguments.of("64Ki", 65_536L),
        Arguments.of("2GiB", 2_147_483_648L),
        Arguments.of("1KB", 1000L),
        Arguments.of("1MB", 1_000_000L),
        Arguments.of("1.5KiB", 1536L),
        Arguments.of("0", 0L),
        Arguments.of("10B", 10L));
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void parsesSizesInBinaryAndDecimalUnits(String text, long expected) {
    assertThat(Units.bytes(text)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "MiB", "-1", "1XB", "1.3B", "one", "99999999999TiB"})
  void refusesMalformedSizes(String text) {
    assertThat(Units.bytes(text)).isEmpty();
  }
}
