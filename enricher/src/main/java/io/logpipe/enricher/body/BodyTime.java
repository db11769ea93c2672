package io.logpipe.enricher.body;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
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
    if (Character.isDigit(t.charAt(0)) && digitsAndDots(t)) {
      return fromNumberText(t);
    }
    Optional<Long> fast = rfc3339(t);
    if (fast.isPresent()) {
      return fast;
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

  /**
   * The common form, {@code 2024-01-02T03:04:05[.123456789](Z|+01:00)} (T or space), read by hand: it is what most
   * JSON and logfmt loggers write, and DateTimeFormatter costs microseconds per call. Empty for anything else, which
   * then goes to the formatter.
   */
  static Optional<Long> rfc3339(String t) {
    int n = t.length();
    if (n < 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || (t.charAt(10) != 'T' && t.charAt(10) != ' ')
        || t.charAt(13) != ':' || t.charAt(16) != ':') {
      return Optional.empty();
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 2);
    int day = digits(t, 8, 2);
    int hour = digits(t, 11, 2);
    int minute = digits(t, 14, 2);
    int second = digits(t, 17, 2);
    if (year < 0 || month < 1 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
        || second > 59) {
      return Optional.empty();
    }
    int i = 19;
    long nanos = 0;
    if (i < n && t.charAt(i) == '.') {
      int start = ++i;
      while (i < n && i - start < 9 && Character.isDigit(t.charAt(i))) {
        nanos = nanos * 10 + (t.charAt(i) - '0');
        i++;
      }
      if (i == start || (i < n && Character.isDigit(t.charAt(i)))) {
        return Optional.empty();
      }
      for (int k = i - start; k < 9; k++) {
        nanos *= 10;
      }
    }
    int offsetSeconds;
    if (i == n - 1 && (t.charAt(i) == 'Z' || t.charAt(i) == 'z')) {
      offsetSeconds = 0;
    } else if (i == n - 6 && (t.charAt(i) == '+' || t.charAt(i) == '-') && t.charAt(i + 3) == ':') {
      int oh = digits(t, i + 1, 2);
      int om = digits(t, i + 4, 2);
      if (oh < 0 || oh > 23 || om < 0 || om > 59) {
        return Optional.empty();
      }
      offsetSeconds = (t.charAt(i) == '-' ? -1 : 1) * (oh * 3600 + om * 60);
    } else {
      return Optional.empty();
    }
    try {
      long epochDay = LocalDate.of(year, month, day).toEpochDay();
      long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
      return Optional.of(Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nanos));
    } catch (DateTimeException | ArithmeticException invalid) {
      return Optional.empty();
    }
  }

  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /**
   * An epoch number as written in a body ({@code 1704164645.123}), by magnitude as {@link #fromNumber}. The common
   * form, digits with at most one fraction, is read by hand: BigDecimal arithmetic was a tenth of the enricher's
   * time per event (issue 5, "Benchmark"). Anything else (a sign, an exponent, more than 18 integer digits) goes
   * through {@link BigDecimal}; both give the same result.
   */
  public static Optional<Long> fromNumberText(String text) {
    int n = text.length();
    int dot = text.indexOf('.');
    int wholeDigits = dot < 0 ? n : dot;
    if (wholeDigits == 0 || wholeDigits > 18 || dot == n - 1 || !digitsOnly(text, 0, wholeDigits)
        || (dot >= 0 && !digitsOnly(text, dot + 1, n))) {
      return fromBigDecimalText(text);
    }
    long whole = Long.parseLong(text, 0, wholeDigits, 10);
    // The unit by magnitude, as fromNumber: the integer part alone decides, the limits being whole numbers.
    int shift = whole < 100_000_000_000L ? 9
        : whole < 100_000_000_000_000L ? 6
        : whole < 100_000_000_000_000_000L ? 3
        : 0;
    long fraction = 0;
    boolean fractionNonZero = false;
    for (int k = 0; k < shift; k++) {
      int at = dot < 0 ? n : dot + 1 + k;
      int digit = at < n ? text.charAt(at) - '0' : 0;
      fraction = fraction * 10 + digit;
    }
    for (int at = dot + 1; dot >= 0 && at < n; at++) {
      fractionNonZero |= text.charAt(at) != '0';
    }
    if (whole == 0 && !fractionNonZero) {
      return Optional.empty();
    }
    try {
      return Optional.of(Math.addExact(Math.multiplyExact(whole, POWERS_OF_TEN[shift]), fraction));
    } catch (ArithmeticException beyondLong) {
      return Optional.empty();
    }
  }

  private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
      100_000_000L, 1_000_000_000L};

  private static boolean digitsAndDots(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isDigit(c) && c != '.') {
        return false;
      }
    }
    return true;
  }

  private static boolean digitsOnly(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static Optional<Long> fromBigDecimalText(String text) {
    try {
      return fromNumber(new BigDecimal(text));
    } catch (NumberFormatException notANumber) {
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
