package io.logpipe.redactor.scan;

/**
 * E-mail addresses (RFC 5321 shapes seen in logs): a dot-atom local part, '@', and a domain of at
 * least two labels whose last label is alphabetic (2+ letters) or an IDNA A-label ({@code xn--…}).
 * Userinfo in a URL ({@code scheme://user:pass@host}) is not an address.
 */
final class Emails {
  private Emails() {
  }

  /** {@code at} is the index of an '@'. */
  static int find(CharSequence s, int at, Findings out) {
    int start = at;
    while (start > 0 && isLocal(s.charAt(start - 1))) {
      start--;
    }
    while (start < at && s.charAt(start) == '.') {
      start++;
    }
    if (start == at || at - start > 64 || s.charAt(at - 1) == '.') {
      return -1;
    }
    if (Chars.at(s, start - 1) == ':' && inUrlAuthority(s, start - 1)) {
      return -1;
    }
    int end = domainEnd(s, at + 1);
    if (end < 0) {
      return -1;
    }
    out.add(start, end, Rule.EMAIL);
    return end;
  }

  private static boolean isLocal(char c) {
    return Chars.isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
  }

  /** Walks back over the token: "//" before the ':' means this is URL userinfo. */
  private static boolean inUrlAuthority(CharSequence s, int colon) {
    for (int k = colon - 1; k > 0 && colon - k < 256; k--) {
      char c = s.charAt(k);
      if (Chars.isWhitespace(c) || c == '"' || c == '\'') {
        return false;
      }
      if (c == '/' && s.charAt(k - 1) == '/') {
        return true;
      }
    }
    return false;
  }

  /** End of a domain starting at {@code pos}, or -1 when there is none. */
  static int domainEnd(CharSequence s, int pos) {
    int labels = 0;
    int lastLabelStart = -1;
    int end = -1;
    while (true) {
      int labelStart = pos;
      while (Chars.isAlnum(Chars.at(s, pos)) || Chars.at(s, pos) == '-') {
        pos++;
      }
      int length = pos - labelStart;
      if (length == 0 || length > 63 || s.charAt(labelStart) == '-' || s.charAt(pos - 1) == '-') {
        break;
      }
      labels++;
      lastLabelStart = labelStart;
      end = pos;
      if (Chars.at(s, pos) == '.' && Chars.isAlnum(Chars.at(s, pos + 1))) {
        pos++;
        continue;
      }
      break;
    }
    if (labels < 2 || !topLevel(s, lastLabelStart, end)) {
      return -1;
    }
    return end;
  }

  private static boolean topLevel(CharSequence s, int start, int end) {
    if (Chars.startsWith(s, start, "xn--") && end - start > 4) {
      return true;
    }
    if (end - start < 2) {
      return false;
    }
    for (int k = start; k < end; k++) {
      if (!Chars.is(s.charAt(k), Chars.ALPHA)) {
        return false;
      }
    }
    return true;
  }
}
