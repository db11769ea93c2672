package io.logpipe.redactor.scan;

/**
 * HTTP authorization credentials (RFC 9110 §11): {@code Bearer <token>}, {@code Basic <base64>} and
 * the other schemes seen in {@code Authorization} headers ({@code Token}, {@code Api-Token}, …).
 * The secret is the credential after the scheme. Outside an Authorization header a bare
 * "Bearer"/"Basic" word is prose unless what follows really is a credential: a Bearer token of 16+
 * token characters, or base64 that decodes to {@code user:password}.
 */
final class AuthSchemes {
  static final int MIN_BARE_BEARER = 16;

  private AuthSchemes() {
  }

  /** {@code i} starts a word beginning with 'B' or 'b'. Outside a header: returns the end or -1. */
  static int findBare(CharSequence s, int i, Findings out, boolean bearer, boolean basic) {
    if (bearer && Chars.startsWithIgnoreCase(s, i, "bearer") && Chars.isSpace(Chars.at(s, i + 6))) {
      int start = Chars.skipSpaces(s, i + 6);
      int end = tokenEnd(s, start);
      if (end - start >= MIN_BARE_BEARER && !Placeholders.isPlaceholder(s, start, end)) {
        out.add(start, end, Rule.BEARER_TOKEN);
        return end;
      }
    }
    if (basic && Chars.startsWithIgnoreCase(s, i, "basic") && Chars.isSpace(Chars.at(s, i + 5))) {
      int start = Chars.skipSpaces(s, i + 5);
      int end = tokenEnd(s, start);
      if (end - start >= 4 && decodesToUserPassword(s, start, end)) {
        out.add(start, end, Rule.BASIC_AUTH);
        return end;
      }
    }
    return -1;
  }

  /**
   * The value of an Authorization header starting at {@code start} (after the separator and any
   * opening quote), up to {@code limit}. Reports the credential after the scheme; returns its end or -1.
   */
  static int findHeaderValue(CharSequence s, int start, int limit, Findings out) {
    int schemeEnd = start;
    while (schemeEnd < limit && (Chars.isAlnum(s.charAt(schemeEnd)) || s.charAt(schemeEnd) == '-')) {
      schemeEnd++;
    }
    boolean hasScheme = schemeEnd > start && schemeEnd < limit && Chars.isSpace(s.charAt(schemeEnd));
    int credStart = hasScheme ? Chars.skipSpaces(s, schemeEnd) : start;
    int credEnd = Math.min(tokenEnd(s, credStart), limit);
    if (credEnd <= credStart || Placeholders.isPlaceholder(s, credStart, credEnd)
        || hasScheme && isPlaceholderStart(s.charAt(credStart))) {
      return -1;
    }
    boolean basicScheme = hasScheme && schemeEnd - start == 5 && Chars.startsWithIgnoreCase(s, start, "basic");
    if (basicScheme && !decodesToUserPassword(s, credStart, credEnd)) {
      return -1; // "Basic {base64(email:password)}" and other prose
    }
    out.add(credStart, credEnd, basicScheme ? Rule.BASIC_AUTH : Rule.BEARER_TOKEN);
    return credEnd;
  }

  private static boolean isPlaceholderStart(char c) {
    return c == '{' || c == '<' || c == '[' || c == '$';
  }

  /** Token characters: RFC 6750 b64token plus the '@' some vendors use. */
  static int tokenEnd(CharSequence s, int pos) {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (Chars.isAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/' || c == '=' || c == '@'
          || c == '*') {
        pos++;
      } else {
        break;
      }
    }
    while (pos > 0 && s.charAt(pos - 1) == '.') {
      pos--; // sentence punctuation is not part of the token
    }
    return pos;
  }

  static boolean decodesToUserPassword(CharSequence s, int start, int end) {
    byte[] decoded = Base64.decode(s, start, end);
    if (decoded == null || decoded.length < 2) {
      return false;
    }
    for (byte b : decoded) {
      if (b == ':') {
        return true;
      }
    }
    return false;
  }
}
