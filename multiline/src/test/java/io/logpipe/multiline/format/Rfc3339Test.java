package io.logpipe.multiline.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc3339Test {

  @ParameterizedTest
  @ValueSource(strings = {"2019-05-07T18:57:50.904275087+00:00", "2024-01-01T00:00:00.000000000-10:00",
      "2024-01-01T00:00:00+05:30", "2016-10-05T00:00:30.1Z", "1969-12-31T23:59:59.999999999Z",
      "2024-02-29T12:00:00.123Z"})
  void keepsNanosecondsExactlyWithAnyPrecisionAndOffset(String text) {
    OffsetDateTime t = OffsetDateTime.parse(text);
    long expected = t.toEpochSecond() * 1_000_000_000L + t.getNano();
    assertThat(Rfc3339.parseNanos(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "2024-01-01T00:00:00", "2024-01-01T00:00:00.000000000", "2024-13-01T00:00:00Z",
      "2023-02-29T00:00:00Z", "2024-01-01 00:00:00Z", "2024-01-01T00:00:00.Z", "2024-01-01T00:00:00+0530",
      "qwerty-qwerty-qwerty"})
  void rejectsWhatIsNotRfc3339(String text) {
    assertThat(Rfc3339.parseNanos(text)).isEqualTo(Rfc3339.INVALID);
  }
}
