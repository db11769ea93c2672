package io.logpipe.redactor.scan;

/**
 * IPv4 (RFC 791 dotted quad, each octet 0–255) and IPv6 (RFC 4291 text forms: eight groups, one
 * {@code ::} elision, an embedded dotted quad, a {@code %zone}). A valid CIDR suffix belongs to the
 * span; an out-of-range one is left out. An address glued to letters, or followed by a fifth
 * dotted number, is not an address. Every syntactically valid address counts, whatever its range.
 */
final class IpAddresses {
  private IpAddresses() {
  }

  /** {@code i} is a digit not preceded by a letter, digit or '.'. */
  static int findV4(CharSequence s, int i, Findings out) {
    char before = Chars.at(s, i - 1);
    if (Chars.isAlnum(before) || before == '.') {
      return -1;
    }
    int end = dottedQuad(s, i);
    if (end < 0 || Chars.isAlnum(Chars.at(s, end)) || Chars.at(s, end) == '.' && Chars.isDigit(Chars.at(s, end + 1))) {
      return -1;
    }
    end = withPrefix(s, end, 32);
    out.add(i, end, Rule.IPV4);
    return end;
  }

  /** End of a dotted quad starting at {@code i}, or -1. */
  static int dottedQuad(CharSequence s, int i) {
    int pos = i;
    for (int octet = 0; octet < 4; octet++) {
      if (octet > 0) {
        if (Chars.at(s, pos) != '.') {
          return -1;
        }
        pos++;
      }
      int value = 0;
      int digits = 0;
      while (digits < 4 && Chars.isDigit(Chars.at(s, pos))) {
        value = value * 10 + s.charAt(pos) - '0';
        digits++;
        pos++;
      }
      if (digits == 0 || digits > 3 || value > 255) {
        return -1;
      }
    }
    return pos;
  }

  /** {@code i} is ':' or a hex digit, not preceded by a letter, digit, ':' or '.'. */
  static int findV6(CharSequence s, int i, Findings out) {
    char before = Chars.at(s, i - 1);
    if (Chars.isAlnum(before) || before == ':' || before == '.' || before == '_') {
      return -1;
    }
    int pos = i;
    int groups = 0;
    boolean elided = false;
    if (Chars.at(s, pos) == ':') {
      if (Chars.at(s, pos + 1) != ':') {
        return -1;
      }
      elided = true;
      pos += 2;
    }
    while (true) {
      int runStart = pos;
      while (pos - runStart < 5 && Chars.isHex(Chars.at(s, pos))) {
        pos++;
      }
      int run = pos - runStart;
      if (run == 0) {
        if (!elided || runStart != pos || Chars.at(s, pos - 1) != ':' || Chars.at(s, pos - 2) != ':') {
          return -1; // a single trailing ':' ("1:2:")
        }
        break; // ends with "::"
      }
      if (Chars.at(s, pos) == '.' && groups <= 6) {
        int quadEnd = dottedQuad(s, runStart);
        if (quadEnd >= 0) {
          groups += 2;
          pos = quadEnd;
          break;
        }
      }
      if (run > 4) {
        return -1;
      }
      groups++;
      if (Chars.at(s, pos) == ':' && Chars.at(s, pos + 1) == ':') {
        if (elided) {
          return -1;
        }
        elided = true;
        pos += 2;
        continue;
      }
      if (Chars.at(s, pos) == ':' && Chars.isHex(Chars.at(s, pos + 1))) {
        pos++;
        continue;
      }
      break;
    }
    if (elided ? groups > 7 : groups != 8) {
      return -1;
    }
    char after = Chars.at(s, pos);
    if (Chars.isAlnum(after) || after == ':' || after == '.' && Chars.isAlnum(Chars.at(s, pos + 1))) {
      return -1;
    }
    if (after == '%' && Chars.isAlnum(Chars.at(s, pos + 1))) {
      pos++;
      while (Chars.isAlnum(Chars.at(s, pos))) {
        pos++;
      }
    }
    pos = withPrefix(s, pos, 128);
    out.add(i, pos, Rule.IPV6);
    return pos;
  }

  /** Includes a "/n" suffix when n is a valid prefix length for the family. */
  private static int withPrefix(CharSequence s, int end, int maxPrefix) {
    if (Chars.at(s, end) != '/' || !Chars.isDigit(Chars.at(s, end + 1))) {
      return end;
    }
    int pos = end + 1;
    int value = 0;
    while (Chars.isDigit(Chars.at(s, pos)) && pos - end <= 4) {
      value = value * 10 + s.charAt(pos) - '0';
      pos++;
    }
    if (pos - end - 1 > 3 || value > maxPrefix || Chars.isAlnum(Chars.at(s, pos))) {
      return end;
    }
    return pos;
  }
}
