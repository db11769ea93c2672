package io.logpipe.enricher.body;

import java.util.Optional;

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

  // Each word with its level; matched in place (regionMatches), so that scanning a line allocates nothing.
  private static final String[][] BRACKETED = {{"trace", Severity.TRACE}, {"debug", Severity.DEBUG},
      {"info", Severity.INFO}, {"notice", Severity.INFO}, {"warn", Severity.WARN}, {"warning", Severity.WARN},
      {"error", Severity.ERROR}, {"err", Severity.ERROR}, {"fatal", Severity.FATAL}, {"critical", Severity.FATAL},
      {"crit", Severity.FATAL}, {"panic", Severity.FATAL}, {"emerg", Severity.FATAL}, {"alert", Severity.FATAL}};
  private static final String[][] WORDS = {{"TRACE", Severity.TRACE}, {"DEBUG", Severity.DEBUG},
      {"INFO", Severity.INFO}, {"NOTICE", Severity.INFO}, {"WARN", Severity.WARN}, {"WARNING", Severity.WARN},
      {"ERROR", Severity.ERROR}, {"FATAL", Severity.FATAL}, {"CRITICAL", Severity.FATAL}, {"PANIC", Severity.FATAL},
      {"SEVERE", Severity.ERROR}};
  private static final String[] KEYS = {"level", "lvl", "severity"};

  public static Optional<String> find(String message) {
    if (message == null || message.isEmpty()) {
      return Optional.empty();
    }
    int end = Math.min(message.length(), SCAN_CHARS);
    if (isKlogHeader(message, end)) {
      return Optional.of(switch (message.charAt(0)) {
        case 'I' -> Severity.INFO;
        case 'W' -> Severity.WARN;
        case 'E' -> Severity.ERROR;
        default -> Severity.FATAL;
      });
    }
    for (int i = 0; i < end; i++) {
      char c = message.charAt(i);
      String level = null;
      if (c == '[') {
        level = bracketed(message, i, end);
      } else if (c >= 'A' && c <= 'Z' && (i == 0 || !isWordChar(message.charAt(i - 1)))) {
        level = upperCaseWord(message, i, end);
        if (level == null) {
          level = keyed(message, i, end);
        }
      } else if (isWordChar(c) && (i == 0 || !isWordChar(message.charAt(i - 1)))) {
        level = keyed(message, i, end);
      }
      if (level != null) {
        return Optional.of(level);
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

  /** The level of {@code [word]} at {@code open} (word in any case, at most 8 letters); else null. */
  private static String bracketed(String s, int open, int end) {
    int limit = Math.min(end, open + 10);
    int close = open + 1;
    while (close < limit && s.charAt(close) != ']') {
      close++;
    }
    if (close >= limit || close == open + 1) {
      return null;
    }
    return match(BRACKETED, true, s, open + 1, close - open - 1);
  }

  /** The level of the whole upper-case word starting at {@code start}, if it ends at a word boundary. */
  private static String upperCaseWord(String s, int start, int end) {
    int i = start;
    while (i < end && i - start <= 8 && s.charAt(i) >= 'A' && s.charAt(i) <= 'Z') {
      i++;
    }
    if (i < s.length() && isWordChar(s.charAt(i))) {
      return null;
    }
    return match(WORDS, false, s, start, i - start);
  }

  private static String match(String[][] words, boolean ignoreCase, String s, int start, int length) {
    for (String[] word : words) {
      if (word[0].length() == length && s.regionMatches(ignoreCase, start, word[0], 0, length)) {
        return word[1];
      }
    }
    return null;
  }

  /** The level of the value of {@code level=x}, {@code lvl: x}, {@code severity="x"} (key in any case) at {@code start}. */
  private static String keyed(String s, int start, int end) {
    char first = (char) (s.charAt(start) | 0x20);
    if (first != 'l' && first != 's') {
      return null; // every key starts with l or s: most word starts end here
    }
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
      return Severity.fromWord(s.substring(valueStart, i)).orElse(null);
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
