package io.logpipe.redactor.scan;

/**
 * Values that stand for a secret without being one: variables ({@code $X}, {@code ${X}},
 * {@code $(cmd)}), templates ({@code {{ … }}}), {@code <…>} and {@code […]} placeholders, masks of
 * one repeated character ({@code xxx}, {@code ***}), {@code ...} and empty values. The corpus policy
 * (shared/corpus/README.md, "Credentials found by position") leaves them alone.
 */
final class Placeholders {
  private Placeholders() {
  }

  static boolean isPlaceholder(CharSequence s, int start, int end) {
    while (start < end && Chars.isWhitespace(s.charAt(start))) {
      start++;
    }
    while (end > start && Chars.isWhitespace(s.charAt(end - 1))) {
      end--;
    }
    if (start >= end) {
      return true;
    }
    char first = s.charAt(start);
    char last = s.charAt(end - 1);
    if (first == '$' || first == '%' && end - start > 1 && (s.charAt(start + 1) == '(' || s.charAt(start + 1) == '{')) {
      return true;
    }
    if (first == '<' && last == '>' || first == '[' && last == ']') {
      return true;
    }
    for (int i = start; i + 1 < end; i++) {
      if (s.charAt(i) == '{' && s.charAt(i + 1) == '{') {
        return true;
      }
    }
    return isOneRepeatedChar(s, start, end) || isEllipsis(s, start, end) || isMostlyMask(s, start, end);
  }

  /** AWS's documented example credentials (AKIAIOSFODNN7EXAMPLE, wJalr…EXAMPLEKEY) appear in docs and tests, never in use. */
  static boolean isDocumentedExample(CharSequence s, int start, int end) {
    return end - start > 7 && (Chars.startsWith(s, end - 7, "EXAMPLE") || end - start > 10 && Chars.startsWith(s, end - 10, "EXAMPLEKEY"));
  }

  /** "bP88Q~xxxxxxxx…", "xoxp-…-#######": a run of 8+ mask characters making up half the value. */
  static boolean isMostlyMask(CharSequence s, int start, int end) {
    int longest = 0;
    int run = 0;
    char previous = 0;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      boolean mask = c == 'x' || c == 'X' || c == '*' || c == '#';
      run = mask && c == previous ? run + 1 : mask ? 1 : 0;
      longest = Math.max(longest, run);
      previous = c;
    }
    return longest >= 8 && longest * 2 >= end - start;
  }

  static boolean isOneRepeatedChar(CharSequence s, int start, int end) {
    if (end - start < 2) {
      return false;
    }
    char c = Character.toLowerCase(s.charAt(start));
    for (int i = start + 1; i < end; i++) {
      if (Character.toLowerCase(s.charAt(i)) != c) {
        return false;
      }
    }
    return true;
  }

  /** A vendor token whose random part is a mask ({@code ghp_xxxx…}, {@code AKIAXXXX…}). */
  static boolean isMasked(CharSequence s, int start, int end) {
    return isOneRepeatedChar(s, start, end) || distinctChars(s, start, end) <= 3;
  }

  static int distinctChars(CharSequence s, int start, int end) {
    long seen0 = 0;
    long seen1 = 0;
    int count = 0;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c >= 128) {
        continue;
      }
      if (c < 64) {
        if ((seen0 & (1L << c)) == 0) {
          seen0 |= 1L << c;
          count++;
        }
      } else if ((seen1 & (1L << (c - 64))) == 0) {
        seen1 |= 1L << (c - 64);
        count++;
      }
    }
    return count;
  }

  private static boolean isEllipsis(CharSequence s, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c != '.' && c != '\u2026') {
        return false;
      }
    }
    return true;
  }
}
