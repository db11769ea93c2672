package io.logpipe.redactor.scan;

/**
 * US social security numbers, formatted only: {@code AAA-GG-SSSS} with one consistent delimiter
 * ('-', ' ' or '.'). Rejected as the SSA never issues them: area 000, 666 and 900–999, group 00,
 * serial 0000. Bare 9-digit numbers are ids and counters far more often than SSNs: left alone.
 */
final class SocialSecurityNumbers {
  private SocialSecurityNumbers() {
  }

  static int find(CharSequence s, int i, Findings out) {
    if (i + 11 > s.length() || Chars.isDigit(Chars.at(s, i - 1))) {
      return -1;
    }
    char sep = s.charAt(i + 3);
    if (sep != '-' && sep != ' ' && sep != '.' || s.charAt(i + 6) != sep) {
      return -1;
    }
    if (!digits(s, i, 3) || !digits(s, i + 4, 2) || !digits(s, i + 7, 4)) {
      return -1;
    }
    int end = i + 11;
    char after = Chars.at(s, end);
    if (Chars.isAlnum(after) || (after == sep || after == '-' || after == '.') && Chars.isDigit(Chars.at(s, end + 1))) {
      return -1;
    }
    char before = Chars.at(s, i - 1);
    if ((before == '-' || before == '.') && Chars.isDigit(Chars.at(s, i - 2))) {
      return -1;
    }
    int area = number(s, i, 3);
    int group = number(s, i + 4, 2);
    int serial = number(s, i + 7, 4);
    if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
      return -1;
    }
    out.add(i, end, Rule.US_SSN);
    return end;
  }

  private static boolean digits(CharSequence s, int at, int n) {
    for (int k = at; k < at + n; k++) {
      if (!Chars.isDigit(s.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  private static int number(CharSequence s, int at, int n) {
    int v = 0;
    for (int k = at; k < at + n; k++) {
      v = v * 10 + s.charAt(k) - '0';
    }
    return v;
  }
}
