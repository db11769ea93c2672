package io.logpipe.redactor.scan;

/** ASCII character classes used by the detectors (a lookup table: one load per character). */
final class Chars {
  static final int DIGIT = 1;
  static final int UPPER = 1 << 1;
  static final int LOWER = 1 << 2;
  static final int HEX = 1 << 3;
  static final int B64URL_EXTRA = 1 << 4; // '-' and '_'
  static final int KEY_EXTRA = 1 << 5;    // '_', '-', '.'

  static final int ALPHA = UPPER | LOWER;
  static final int ALNUM = DIGIT | ALPHA;

  private static final int[] TABLE = new int[128];

  static {
    for (char c = '0'; c <= '9'; c++) {
      TABLE[c] |= DIGIT | HEX;
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      TABLE[c] |= UPPER;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      TABLE[c] |= LOWER;
    }
    for (char c : "abcdefABCDEF".toCharArray()) {
      TABLE[c] |= HEX;
    }
    TABLE['-'] |= B64URL_EXTRA | KEY_EXTRA;
    TABLE['_'] |= B64URL_EXTRA | KEY_EXTRA;
    TABLE['.'] |= KEY_EXTRA;
  }

  private Chars() {
  }

  static boolean is(char c, int classes) {
    return c < 128 && (TABLE[c] & classes) != 0;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  static boolean isAlnum(char c) {
    return is(c, ALNUM);
  }

  static boolean isHex(char c) {
    return is(c, HEX);
  }

  static boolean isWord(char c) {
    return is(c, ALNUM) || c == '_';
  }

  static boolean isBase64Url(char c) {
    return is(c, ALNUM | B64URL_EXTRA);
  }

  static boolean isKeyChar(char c) {
    return is(c, ALNUM | KEY_EXTRA);
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }

  static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  }

  static char at(CharSequence s, int i) {
    return i >= 0 && i < s.length() ? s.charAt(i) : '\0';
  }

  /** True when position {@code i} starts a word: the character before it is not alphanumeric. */
  static boolean wordStart(CharSequence s, int i) {
    return i == 0 || !isAlnum(s.charAt(i - 1));
  }

  /** True when the text ends at {@code end} or continues with a non-alphanumeric character. */
  static boolean wordEnd(CharSequence s, int end) {
    return end >= s.length() || !isAlnum(s.charAt(end));
  }

  static boolean startsWith(CharSequence s, int i, String prefix) {
    if (i + prefix.length() > s.length()) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (s.charAt(i + k) != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  static boolean startsWithIgnoreCase(CharSequence s, int i, String lowerPrefix) {
    if (i + lowerPrefix.length() > s.length()) {
      return false;
    }
    for (int k = 0; k < lowerPrefix.length(); k++) {
      if (Character.toLowerCase(s.charAt(i + k)) != lowerPrefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  static int skipSpaces(CharSequence s, int i) {
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }
}
