package io.logpipe.redactor.scan;

/**
 * MAC-48 addresses in one consistent notation: six hex pairs joined by ':' or '-', or Cisco's three
 * dotted quads. Broadcast (all FF) and all-zero addresses identify nobody and are left alone.
 */
final class MacAddresses {
  private MacAddresses() {
  }

  /** {@code i} is a hex digit that starts a word. */
  static int find(CharSequence s, int i, Findings out) {
    char before = Chars.at(s, i - 1);
    if (before == ':' || before == '-' || before == '.') {
      return -1;
    }
    int end = pairs(s, i);
    if (end < 0) {
      end = cisco(s, i);
    }
    if (end < 0 || !Chars.wordEnd(s, end)) {
      return -1;
    }
    char after = Chars.at(s, end);
    if ((after == ':' || after == '-' || after == '.') && Chars.isHex(Chars.at(s, end + 1))) {
      return -1;
    }
    int distinct = Placeholders.distinctChars(s, i, end);
    if (distinct <= 2 && (allOf(s, i, end, 'f') || allOf(s, i, end, '0'))) {
      return -1;
    }
    out.add(i, end, Rule.MAC);
    return end;
  }

  private static int pairs(CharSequence s, int i) {
    char sep = Chars.at(s, i + 2);
    if (sep != ':' && sep != '-') {
      return -1;
    }
    int pos = i;
    for (int pair = 0; pair < 6; pair++) {
      if (pair > 0) {
        if (Chars.at(s, pos) != sep) {
          return -1;
        }
        pos++;
      }
      if (!Chars.isHex(Chars.at(s, pos)) || !Chars.isHex(Chars.at(s, pos + 1))) {
        return -1;
      }
      pos += 2;
    }
    return pos;
  }

  private static int cisco(CharSequence s, int i) {
    int pos = i;
    for (int quad = 0; quad < 3; quad++) {
      if (quad > 0) {
        if (Chars.at(s, pos) != '.') {
          return -1;
        }
        pos++;
      }
      for (int k = 0; k < 4; k++) {
        if (!Chars.isHex(Chars.at(s, pos + k))) {
          return -1;
        }
      }
      pos += 4;
    }
    return pos;
  }

  private static boolean allOf(CharSequence s, int start, int end, char hex) {
    for (int k = start; k < end; k++) {
      char c = Character.toLowerCase(s.charAt(k));
      if (c != hex && c != ':' && c != '-' && c != '.') {
        return false;
      }
    }
    return true;
  }
}
