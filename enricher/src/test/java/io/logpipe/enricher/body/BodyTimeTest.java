package io.logpipe.enricher.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"1704164645", "1704164645.123", "1704164645.123456789123", "1704164645123.5",
      "1704164645123456.789", "1704164645123456789", "1704164645123456789.9", "99999999999", "99999999999.9999999999",
      "100000000000", "99999999999999.5", "100000000000000", "99999999999999999.5", "100000000000000000",
      "9223372036854775807", "9223372036854775808", "999999999999999999", "1000000000000000000", "9300000000",
      "9223372036.854775807", "9223372036.854775808", "0", "0.0", "0.000000001", "0.0000000001", "000001704164645",
      "1.5", "1e9", "1.7E9", "-5", "+5", ".5", "5.", "1.2.3", "12a", "", " 1", "1704164645.12x"})
  void readsEpochNumberTextAsBigDecimalWould(String text) {
    assertThat(BodyTime.fromNumberText(text)).isEqualTo(viaBigDecimal(text));
  }

  @Test
  void readsRandomEpochNumberTextAsBigDecimalWould() {
    Random random = new Random(5);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder(Long.toString(Math.abs(random.nextLong()) >>> random.nextInt(63)));
      if (random.nextBoolean()) {
        text.append('.');
        for (int d = random.nextInt(14); d >= 0; d--) {
          text.append((char) ('0' + random.nextInt(10)));
        }
      }
      String number = text.toString();
      assertThat(BodyTime.fromNumberText(number)).as(number).isEqualTo(viaBigDecimal(number));
    }
  }

  private static Optional<Long> viaBigDecimal(String text) {
    try {
      return BodyTime.fromNumber(new BigDecimal(text));
    } catch (NumberFormatException notANumber) {
      return Optional.empty();
    }
  }
}
