package io.logpipe.redactor.scan;

/**
 * {@code curl -u user:password} / {@code --user user:password} in command lines that CI jobs and
 * scripts log. The whole {@code user:password} argument is the secret (quotes around the whole
 * argument excluded). Left alone: variables and templates, masks, an argument without ':' (a user
 * name with no password; curl then prompts), and an empty ':'.
 */
final class CurlCredentials {
  private static final int MAX_LINE_LOOKBACK = 4096;

  private CurlCredentials() {
  }

  /** {@code i} is a '-' that starts a word. */
  static int find(CharSequence s, int i, Findings out) {
    int argStart;
    if (Chars.startsWith(s, i, "-u") && Chars.isSpace(Chars.at(s, i + 2))) {
      argStart = Chars.skipSpaces(s, i + 2);
    } else if (Chars.startsWith(s, i, "--user") && (Chars.isSpace(Chars.at(s, i + 6)) || Chars.at(s, i + 6) == '=')) {
      argStart = Chars.skipSpaces(s, i + 7);
    } else {
      return -1;
    }
    if (!curlEarlierOnLine(s, i)) {
      return -1;
    }
    StringBuilder content = new StringBuilder();
    int pos = argStart;
    int quotedSegments = 0;
    int segments = 0;
    while (pos < s.length() && !Chars.isWhitespace(s.charAt(pos))) {
      char c = s.charAt(pos);
      segments++;
      if (c == '"' || c == '\'') {
        int close = indexOf(s, c, pos + 1);
        if (close < 0) {
          return -1;
        }
        content.append(s, pos + 1, close);
        quotedSegments++;
        pos = close + 1;
      } else {
        int runStart = pos;
        while (pos < s.length() && !Chars.isWhitespace(s.charAt(pos)) && s.charAt(pos) != '"' && s.charAt(pos) != '\'') {
          pos++;
        }
        content.append(s, runStart, pos);
      }
    }
    int end = pos;
    if (!isCredential(content)) {
      return -1;
    }
    boolean wholyQuoted = segments == 1 && quotedSegments == 1;
    out.add(wholyQuoted ? argStart + 1 : argStart, wholyQuoted ? end - 1 : end, Rule.PASSWORD);
    return end;
  }

  private static boolean isCredential(CharSequence content) {
    int colon = -1;
    for (int k = 0; k < content.length(); k++) {
      if (content.charAt(k) == ':') {
        colon = k;
        break;
      }
    }
    if (colon < 0 || Placeholders.isPlaceholder(content, 0, content.length())) {
      return false;
    }
    boolean userEmpty = colon == 0;
    boolean passwordEmpty = colon == content.length() - 1;
    if (userEmpty && passwordEmpty) {
      return false;
    }
    if (!passwordEmpty) {
      return !Placeholders.isPlaceholder(content, colon + 1, content.length());
    }
    return !Placeholders.isPlaceholder(content, 0, colon);
  }

  private static boolean curlEarlierOnLine(CharSequence s, int i) {
    for (int k = i - 4; k >= 0 && i - k < MAX_LINE_LOOKBACK; k--) {
      char c = s.charAt(k);
      if (c == 'c' && Chars.startsWith(s, k, "curl") && (k == 0 || !Chars.isWord(s.charAt(k - 1)))) {
        return true;
      }
      if (c == '\n' && !(k > 0 && s.charAt(k - 1) == '\\')) {
        return false; // a shell line continued with '\' still belongs to the command
      }
    }
    return false;
  }

  private static int indexOf(CharSequence s, char c, int from) {
    for (int k = from; k < s.length(); k++) {
      if (s.charAt(k) == c) {
        return k;
      }
    }
    return -1;
  }
}
