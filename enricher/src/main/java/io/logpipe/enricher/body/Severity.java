package io.logpipe.enricher.body;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Normalises the many spellings of a log level to the schema's six values: TRACE, DEBUG, INFO, WARN, ERROR,
 * FATAL (ParsedBody.severity). Numbers are the pino/bunyan levels (10 trace … 60 fatal), the common numeric form in
 * JSON logs.
 */
public final class Severity {

  public static final String TRACE = "TRACE";
  public static final String DEBUG = "DEBUG";
  public static final String INFO = "INFO";
  public static final String WARN = "WARN";
  public static final String ERROR = "ERROR";
  public static final String FATAL = "FATAL";

  private static final Map<String, String> WORDS = Map.ofEntries(
      Map.entry("trace", TRACE), Map.entry("trc", TRACE), Map.entry("finest", TRACE), Map.entry("finer", TRACE),
      Map.entry("debug", DEBUG), Map.entry("dbg", DEBUG), Map.entry("fine", DEBUG), Map.entry("d", DEBUG),
      Map.entry("info", INFO), Map.entry("inf", INFO), Map.entry("information", INFO),
      Map.entry("informational", INFO), Map.entry("notice", INFO), Map.entry("i", INFO),
      Map.entry("warn", WARN), Map.entry("warning", WARN), Map.entry("wrn", WARN), Map.entry("w", WARN),
      Map.entry("error", ERROR), Map.entry("err", ERROR), Map.entry("eror", ERROR), Map.entry("e", ERROR),
      Map.entry("severe", ERROR),
      Map.entry("fatal", FATAL), Map.entry("critical", FATAL), Map.entry("crit", FATAL), Map.entry("panic", FATAL),
      Map.entry("dpanic", FATAL), Map.entry("emerg", FATAL), Map.entry("emergency", FATAL),
      Map.entry("alert", FATAL), Map.entry("f", FATAL));

  /** The normalised level of a word such as {@code warning}, {@code E}, {@code Error}; empty when not a level. */
  public static Optional<String> fromWord(String word) {
    if (word == null || word.isEmpty() || word.length() > 16) {
      return Optional.empty();
    }
    return Optional.ofNullable(WORDS.get(word.strip().toLowerCase(Locale.ROOT)));
  }

  /** The level of a pino/bunyan number (10, 20, …, 60); empty for anything else. */
  public static Optional<String> fromNumber(long level) {
    return switch ((int) Math.min(level, Integer.MAX_VALUE)) {
      case 10 -> Optional.of(TRACE);
      case 20 -> Optional.of(DEBUG);
      case 30 -> Optional.of(INFO);
      case 40 -> Optional.of(WARN);
      case 50 -> Optional.of(ERROR);
      case 60 -> Optional.of(FATAL);
      default -> Optional.empty();
    };
  }

  private Severity() {}
}
