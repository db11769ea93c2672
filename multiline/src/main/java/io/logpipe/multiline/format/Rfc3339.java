package io.logpipe.multiline.format;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Byte-level RFC 3339 timestamp reader for the runtimes' timestamps ({@code 2024-01-01T00:00:00.123456789-10:00}):
 * any number of fraction digits (nanoseconds kept exactly, digits beyond the ninth ignored), {@code Z} or an offset
 * (required: a time without a zone is not RFC 3339 and is rejected). No regex and no allocation.
 */
public final class Rfc3339 {

  /** Returned when the bytes are not an RFC 3339 timestamp. */
  public static final long INVALID = Long.MIN_VALUE;

  private Rfc3339() {
  }

  /** Parses {@code b[from, to)} into nanoseconds since the epoch, or {@link #INVALID}. */
  public static long parseNanos(byte[] b, int from, int to) {
    if (to - from < 20) {
      return INVALID;
    }
    int p = from;
    int year = digits(b, p, 4);
    int month = digits(b, p + 5, 2);
    int day = digits(b, p + 8, 2);
    int hour = digits(b, p + 11, 2);
    int minute = digits(b, p + 14, 2);
    int second = digits(b, p + 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0
        || b[p + 4] != '-' || b[p + 7] != '-' || (b[p + 10] != 'T' && b[p + 10] != 't')
        || b[p + 13] != ':' || b[p + 16] != ':' || hour > 23 || minute > 59 || second > 60) {
      return INVALID;
    }
    p += 19;
    long nanos = 0;
    if (p < to && b[p] == '.') {
      p++;
      int start = p;
      long scale = 100_000_000L;
      while (p < to && b[p] >= '0' && b[p] <= '9') {
        nanos += (b[p] - '0') * scale;
        scale /= 10;
        p++;
      }
      if (p == start) {
        return INVALID;
      }
    }
    int offsetSeconds;
    if (p + 1 == to && (b[p] == 'Z' || b[p] == 'z')) {
      offsetSeconds = 0;
    } else if (p + 6 == to && (b[p] == '+' || b[p] == '-') && b[p + 3] == ':') {
      int oh = digits(b, p + 1, 2);
      int om = digits(b, p + 4, 2);
      if (oh < 0 || om < 0 || oh > 23 || om > 59) {
        return INVALID;
      }
      offsetSeconds = (oh * 3600 + om * 60) * (b[p] == '-' ? -1 : 1);
    } else {
      return INVALID;
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return INVALID;
    }
    long seconds = epochDay * 86_400L + hour * 3600L + minute * 60L + Math.min(second, 59) - offsetSeconds;
    return seconds * 1_000_000_000L + nanos;
  }

  /** Convenience for text input. */
  public static long parseNanos(String text) {
    byte[] b = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    return parseNanos(b, 0, b.length);
  }

  private static int digits(byte[] b, int at, int n) {
    int v = 0;
    for (int i = at; i < at + n; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }
}
