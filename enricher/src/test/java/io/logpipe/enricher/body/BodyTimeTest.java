package io.logpipe.enricher.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BodyTimeTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(nullValues = "NONE", value = {
      "2024-01-02T03:04:05Z, 1704164645000000000",
      "2024-01-02T03:04:05.123456789Z, 1704164645123456789",
      "2024-01-02T04:04:05.5+01:00, 1704164645500000000",
      "2024-01-02 03:04:05.123Z, 1704164645123000000",
      "1704164645, 1704164645000000000",
      "1704164645.25, 1704164645250000000",
      "1704164645123, 1704164645123000000",
      "1704164645123456, 1704164645123456000",
      "1704164645123456789, 1704164645123456789",
      "2024-01-02T03:04:05.1z, 1704164645100000000",
      "2024-01-01T22:34:05-04:30, 1704164645000000000",
      "1970-01-01T00:00:00.000000001Z, 1",
      "2024-02-30T00:00:00Z, NONE",
      "2024-01-02T24:00:00Z, NONE",
      "2024-01-02T03:04:05.1234567891Z, NONE",
      "2024-01-02T03:04:05.Z, 1704164645000000000",
      "2024-01-02T03:04:05+0100, NONE",
      "2024-01-02T03:04:05, NONE",
      "yesterday, NONE",
      "0, NONE",
      "1.2.3, NONE",
      "'', NONE"
  })
  void readsTimesFromText(String text, Long nanos) {
    assertThat(BodyTime.fromText(text).orElse(null)).isEqualTo(nanos);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(nullValues = "NONE", value = {"1704164645.5, 1704164645500000000", "-5, NONE", "1e30, NONE"})
  void readsEpochNumbersByMagnitude(String number, Long nanos) {
    assertThat(BodyTime.fromNumber(new BigDecimal(number)).orElse(null)).isEqualTo(nanos);
  }
}
