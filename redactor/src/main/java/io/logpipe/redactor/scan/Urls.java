package io.logpipe.redactor.scan;

/**
 * Credentials in URLs (RFC 3986 userinfo, {@code scheme://user:password@host}): only the password
 * is the secret. The userinfo ends at the last '@' of the authority, so a password may itself hold
 * '@'. Also Slack incoming-webhook and workflow URLs, whose whole URL is the credential.
 */
final class Urls {
  private Urls() {
  }

  /** {@code colon} is the ':' of "://". Reports at most one finding per URL; returns the end of the URL. */
  static int find(CharSequence s, int colon, Findings out, boolean credentials, boolean webhooks) {
    int schemeStart = colon;
    while (schemeStart > 0 && isSchemeChar(s.charAt(schemeStart - 1))) {
      schemeStart--;
    }
    if (schemeStart == colon || !Chars.is(s.charAt(schemeStart), Chars.ALPHA)) {
      return -1;
    }
    int authorityStart = colon + 3;
    int urlEnd = authorityStart;
    int authorityEnd = -1;
    int lastAt = -1;
    while (urlEnd < s.length() && !endsUrl(s.charAt(urlEnd))) {
      char c = s.charAt(urlEnd);
      if (authorityEnd < 0 && (c == '/' || c == '?' || c == '#')) {
        authorityEnd = urlEnd;
      }
      if (authorityEnd < 0 && c == '@') {
        lastAt = urlEnd;
      }
      urlEnd++;
    }
    if (authorityEnd < 0) {
      authorityEnd = urlEnd;
    }
    if (webhooks && isSlackWebhook(s, authorityStart, authorityEnd)) {
      out.add(schemeStart, urlEnd, Rule.WEBHOOK_URL);
      return urlEnd;
    }
    if (credentials && lastAt > authorityStart) {
      userinfoPassword(s, authorityStart, lastAt, out);
    }
    return authorityEnd;
  }

  /** Schemeless {@code user:password@host} inside a quoted or space-delimited token; {@code at} is an '@'. */
  static int findSchemeless(CharSequence s, int at, Findings out) {
    int tokenStart = at;
    while (tokenStart > 0 && !Chars.isWhitespace(s.charAt(tokenStart - 1)) && !isQuote(s.charAt(tokenStart - 1))
        && s.charAt(tokenStart - 1) != '/' && at - tokenStart < 256) {
      tokenStart--;
    }
    if (tokenStart > 0 && s.charAt(tokenStart - 1) == '/') {
      return -1; // inside a URL: handled with its scheme
    }
    int tokenEnd = at + 1;
    while (tokenEnd < s.length() && !Chars.isWhitespace(s.charAt(tokenEnd)) && !isQuote(s.charAt(tokenEnd))) {
      if (s.charAt(tokenEnd) == '@') {
        return -1; // the last '@' ends the userinfo: let it handle this token
      }
      tokenEnd++;
    }
    if (!Chars.isAlnum(Chars.at(s, at + 1))) {
      return -1;
    }
    int colon = -1;
    for (int k = tokenStart; k < at; k++) {
      if (s.charAt(k) == ':') {
        colon = k;
        break;
      }
    }
    if (colon <= tokenStart || Chars.startsWithIgnoreCase(s, tokenStart, "mailto:")) {
      return -1;
    }
    for (int k = tokenStart; k < colon; k++) {
      if (!Chars.isKeyChar(s.charAt(k))) {
        return -1;
      }
    }
    return userinfoPassword(s, tokenStart, at, out) ? at : -1;
  }

  private static boolean userinfoPassword(CharSequence s, int userinfoStart, int at, Findings out) {
    int colon = -1;
    for (int k = userinfoStart; k < at; k++) {
      if (s.charAt(k) == ':') {
        colon = k;
        break;
      }
    }
    if (colon < 0 || colon + 1 >= at || Placeholders.isPlaceholder(s, colon + 1, at)) {
      return false;
    }
    out.add(colon + 1, at, Rule.URL_CREDENTIALS);
    return true;
  }

  private static boolean isSlackWebhook(CharSequence s, int authorityStart, int authorityEnd) {
    return authorityEnd - authorityStart == "hooks.slack.com".length()
        && Chars.startsWithIgnoreCase(s, authorityStart, "hooks.slack.com")
        && (Chars.startsWith(s, authorityEnd, "/services/T") || Chars.startsWith(s, authorityEnd, "/workflows/T"));
  }

  private static boolean isSchemeChar(char c) {
    return Chars.isAlnum(c) || c == '+' || c == '-' || c == '.';
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\'' || c == '`';
  }

  private static boolean endsUrl(char c) {
    return Chars.isWhitespace(c) || isQuote(c) || c == '<' || c == '>' || c == '\\' || c == '{' || c == '}';
  }
}
