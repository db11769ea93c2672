package io.logpipe.enricher.body;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the severity of an unstructured line where people put it: klog's header ({@code E1120 10:00:00.123456},
 * https://github.com/kubernetes/klog), a bracketed level ({@code [error]}, any case), an upper-case level word
 * ({@code ERROR}, {@code WARN}, as Log4j, Logback and Python print them), or {@code level=…} inside free text. The
 * earliest match in the first {@value #SCAN_CHARS} characters wins; lower-case words in prose ("no error") never
 * count.
 *
 * <p>A hand-written single pass rather than a regular expression: every plain-text line of every pod goes through
 * it, and an alternation tried at each position cost more than the rest of the enrichment.
 */
public final class PlainSeverity {

  static final int SCAN_CHARS = 256;

  private static final Set<String> BRACKETED = Set.of("trace", "debug", "info", "notice", "warn", "warning", "error",
      "err", "fatal", "critical", "crit", "panic", "emerg", "alert");
  private static final Set<String> WORDS = Set.of("TRACE", "DEBUG", "INFO", "NOTICE", "WARN", "WARNING", "ERROR",
      "FATAL", "CRITICAL", "PANIC", "SEVERE");
  private static final String[] KEYS = {"level", "lvl", "severity"};

  public static Optional<String> find(String message) {
    if (message == null || message.isEmpty()) {
      return Optional.empty();
    }
    int end = Math.min(message.length(), SCAN_CHARS);
    if (isKlogHeader(message, end)) {
      return Severity.fromWord(message.substring(0, 1));
    }
    for (int i = 0; i < end; i++) {
      char c = message.charAt(i);
      String word = null;
      if (c == '[') {
        word = bracketed(message, i, end);
      } else if (c >= 'A' && c <= 'Z' && (i == 0 || !isWordChar(message.charAt(i - 1)))) {
        word = upperCaseWord(message, i, end);
        if (word == null) {
          word = keyed(message, i, end);
        }
      } else if (isWordChar(c) && (i == 0 || !isWordChar(message.charAt(i - 1)))) {
        word = keyed(message, i, end);
      }
      Optional<String> level = Severity.fromWord(word);
      if (level.isPresent()) {
        return level;
      }
    }
    return Optional.empty();
  }

  /** {@code [IWEF]mmdd hh:mm:ss(.frac)?} then whitespace, at the very start. */
  private static boolean isKlogHeader(String s, int end) {
    if (end < 15 || "IWEF".indexOf(s.charAt(0)) < 0 || s.charAt(5) != ' ' || s.charAt(8) != ':'
        || s.charAt(11) != ':') {
      return false;
    }
    for (int i : new int[] {1, 2, 3, 4, 6, 7, 9, 10, 12, 13}) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    int i = 14;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < end && Character.isDigit(s.charAt(i))) {
        i++;
      }
      if (i == start) {
        return false;
      }
    }
    return i < end && Character.isWhitespace(s.charAt(i));
  }

  /** The word of {@code [word]} at {@code open}, lower-cased, if it is a level; else null. */
  private static String bracketed(String s, int open, int end) {
    int close = s.indexOf(']', open + 1);
    if (close < 0 || close >= end || close - open - 1 > 8 || close == open + 1) {
      return null;
    }
    String word = s.substring(open + 1, close).toLowerCase(Locale.ROOT);
    return BRACKETED.contains(word) ? word : null;
  }

  /** The whole upper-case word starting at {@code start}, if it is a level and ends at a word boundary. */
  private static String upperCaseWord(String s, int start, int end) {
    int i = start;
    while (i < end && i - start <= 8 && s.charAt(i) >= 'A' && s.charAt(i) <= 'Z') {
      i++;
    }
    if (i < s.length() && isWordChar(s.charAt(i))) {
      return null;
    }
    String word = s.substring(start, i);
    return WORDS.contains(word) ? word : null;
  }

  /** The value of {@code level=x}, {@code lvl: x}, {@code severity="x"} (key in any case) at {@code start}. */
  private static String keyed(String s, int start, int end) {
    for (String key : KEYS) {
      if (!s.regionMatches(true, start, key, 0, key.length())) {
        continue;
      }
      int i = start + key.length();
      if (i >= end || (s.charAt(i) != '=' && s.charAt(i) != ':')) {
        return null;
      }
      i++;
      if (i < end && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (i < end && s.charAt(i) == '"') {
        i++;
      }
      int valueStart = i;
      while (i < end && isAsciiLetter(s.charAt(i))) {
        i++;
      }
      int length = i - valueStart;
      if (length < 1 || length > 12 || (i < s.length() && isWordChar(s.charAt(i)))) {
        return null;
      }
      return s.substring(valueStart, i);
    }
    return null;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** As the {@code \w} of regular expressions: ASCII letters, digits and underscore. */
  private static boolean isWordChar(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_';
  }

  private PlainSeverity() {}
}
