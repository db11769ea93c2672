package io.logpipe.redactor.scan;

/**
 * Azure AD (Entra ID) client secrets: three characters, a digit, the literal {@code Q~}, then 31–34
 * characters of {@code [A-Za-z0-9_~.-]}, delimited by quotes, spaces or brackets (the shape
 * gitleaks' azure-ad-client-secret rule documents). Masks ({@code Q~xxxx…}) are left alone.
 */
final class AzureClientSecrets {
  private AzureClientSecrets() {
  }

  /** {@code tilde} is a '~' preceded by 'Q'. */
  static int find(CharSequence s, int tilde, Findings out) {
    int start = tilde - 5;
    if (start < 0 || s.charAt(tilde - 1) != 'Q' || !Chars.isDigit(s.charAt(tilde - 2))) {
      return -1;
    }
    for (int k = start; k < tilde - 2; k++) {
      if (!isSecretChar(s.charAt(k)) || s.charAt(k) == '-') {
        return -1;
      }
    }
    if (start > 0 && !isDelimiter(s.charAt(start - 1), true)) {
      return -1;
    }
    int end = tilde + 1;
    while (end < s.length() && isSecretChar(s.charAt(end)) && end - tilde <= 35) {
      end++;
    }
    int tail = end - tilde - 1;
    if (tail < 31 || tail > 34 || end < s.length() && !isDelimiter(s.charAt(end), false)
        || Placeholders.isMasked(s, tilde + 1, end)) {
      return -1;
    }
    out.add(start, end, Rule.SECRET);
    return end;
  }

  private static boolean isSecretChar(char c) {
    return Chars.isAlnum(c) || c == '_' || c == '~' || c == '.' || c == '-';
  }

  private static boolean isDelimiter(char c, boolean before) {
    return Chars.isWhitespace(c) || c == '\\' || c == '\'' || c == '"' || c == '`' || c == ')' || c == ','
        || (before ? c == '>' || c == '=' || c == ':' || c == '(' : c == '<');
  }
}
