package io.logpipe.enricher.body;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Reads a time found in a body into nanoseconds since the epoch: RFC 3339 / ISO 8601 with an offset (a space
 * instead of the {@code T} is accepted, as Python and Log4j print it), or an epoch number whose unit is told by
 * its magnitude (seconds, milliseconds, microseconds, nanoseconds — the convention of zap, pino and Vector).
 * A local time without an offset is not guessed at.
 */
public final class BodyTime {

  private static final BigDecimal SECONDS_LIMIT = new BigDecimal("1e11");
  private static final BigDecimal MILLIS_LIMIT = new BigDecimal("1e14");
  private static final BigDecimal MICROS_LIMIT = new BigDecimal("1e17");
  private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

  public static Optional<Long> fromText(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    if (t.length() < 4 || t.length() > 64) {
      return Optional.empty();
    }
    if (Character.isDigit(t.charAt(0)) && t.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
      try {
        return fromNumber(new BigDecimal(t));
      } catch (NumberFormatException notANumber) {
        return Optional.empty();
      }
    }
    if (t.length() > 10 && t.charAt(10) == ' ') {
      t = t.substring(0, 10) + 'T' + t.substring(11);
    }
    try {
      OffsetDateTime time = OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      long seconds = time.toEpochSecond();
      return Optional.of(Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), time.getNano()));
    } catch (DateTimeException | ArithmeticException notATime) {
      return Optional.empty();
    }
  }

  public static Optional<Long> fromNumber(BigDecimal value) {
    if (value.signum() <= 0) {
      return Optional.empty();
    }
    BigDecimal nanos;
    if (value.compareTo(SECONDS_LIMIT) < 0) {
      nanos = value.movePointRight(9);
    } else if (value.compareTo(MILLIS_LIMIT) < 0) {
      nanos = value.movePointRight(6);
    } else if (value.compareTo(MICROS_LIMIT) < 0) {
      nanos = value.movePointRight(3);
    } else {
      nanos = value;
    }
    BigInteger whole = nanos.toBigInteger();
    return whole.compareTo(MAX_LONG) > 0 ? Optional.empty() : Optional.of(whole.longValue());
  }

  private BodyTime() {}
}
