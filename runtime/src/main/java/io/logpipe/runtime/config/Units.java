package io.logpipe.runtime.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers for human-written durations and sizes. Pure functions, empty on anything they do not understand, so the
 * caller can report the problem with the variable's name.
 */
public final class Units {

  private static final Pattern AMOUNT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]*)");

  /**
   * {@code 250ms}, {@code 5s}, {@code 10m}, {@code 2h}, {@code 1d}, {@code 100us}, {@code 0}, or ISO-8601
   * ({@code PT1M30S}). A bare number other than 0 is refused: seconds or milliseconds would be a guess.
   */
  public static Optional<Duration> duration(String text) {
    String s = text.strip();
    if (s.isEmpty()) {
      return Optional.empty();
    }
    if (s.charAt(0) == 'P' || s.charAt(0) == 'p') {
      try {
        Duration d = Duration.parse(s.toUpperCase(Locale.ROOT));
        return d.isNegative() ? Optional.empty() : Optional.of(d);
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    Matcher m = AMOUNT.matcher(s);
    if (!m.matches()) {
      return Optional.empty();
    }
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2).toLowerCase(Locale.ROOT);
    double nanosPerUnit;
    switch (unit) {
      case "ns" -> nanosPerUnit = 1;
      case "us", "µs" -> nanosPerUnit = 1e3;
      case "ms" -> nanosPerUnit = 1e6;
      case "s", "sec" -> nanosPerUnit = 1e9;
      case "m", "min" -> nanosPerUnit = 60e9;
      case "h" -> nanosPerUnit = 3600e9;
      case "d" -> nanosPerUnit = 86_400e9;
      case "" -> {
        if (amount != 0) {
          return Optional.empty();
        }
        nanosPerUnit = 0;
      }
      default -> {
        return Optional.empty();
      }
    }
    double nanos = amount * nanosPerUnit;
    if (nanos > Long.MAX_VALUE) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofNanos(Math.round(nanos)));
  }

  /**
   * A byte count: {@code 1048576}, {@code 512KiB}, {@code 1MiB}, {@code 2GiB} (powers of 1024), {@code 1KB},
   * {@code 1MB} (powers of 1000, as in Kubernetes quantities), {@code 64Ki}, {@code 1Mi}, case-insensitive.
   */
  public static Optional<Long> bytes(String text) {
    Matcher m = AMOUNT.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    long multiplier = switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "", "b" -> 1L;
      case "k", "kb" -> 1000L;
      case "ki", "kib" -> 1L << 10;
      case "m", "mb" -> 1000_000L;
      case "mi", "mib" -> 1L << 20;
      case "g", "gb" -> 1000_000_000L;
      case "gi", "gib" -> 1L << 30;
      case "t", "tb" -> 1000_000_000_000L;
      case "ti", "tib" -> 1L << 40;
      default -> -1L;
    };
    if (multiplier < 0) {
      return Optional.empty();
    }
    double value = Double.parseDouble(m.group(1)) * multiplier;
    if (value > Long.MAX_VALUE || value != Math.floor(value)) {
      return Optional.empty();
    }
    return Optional.of((long) value);
  }

  private Units() {}
}
