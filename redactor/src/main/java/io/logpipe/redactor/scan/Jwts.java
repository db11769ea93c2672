package io.logpipe.redactor.scan;

/**
 * JSON Web Tokens (RFC 7519 compact form): three base64url parts joined by '.', the first of which
 * decodes to a JSON object (the JOSE header). The signature may be empty ({@code alg: none}).
 * Grafana API keys (one base64 part decoding to {@code {"k":…}}) start the same way and are
 * reported as {@code api_key}.
 */
final class Jwts {
  private static final int MIN_GRAFANA_KEY = 64;

  private Jwts() {
  }

  /** {@code i} is the 'e' of "eyJ" at the start of a base64url word. */
  static int find(CharSequence s, int i, Findings out) {
    if (Chars.isBase64Url(Chars.at(s, i - 1))) {
      return -1;
    }
    int headerEnd = partEnd(s, i);
    if (Chars.at(s, headerEnd) != '.') {
      return grafanaKey(s, i, headerEnd, out);
    }
    int payloadEnd = partEnd(s, headerEnd + 1);
    if (payloadEnd == headerEnd + 1 || Chars.at(s, payloadEnd) != '.') {
      return -1;
    }
    int end = partEnd(s, payloadEnd + 1);
    while (Chars.at(s, end) == '=') {
      end++;
    }
    if (Chars.isAlnum(Chars.at(s, end)) || !Base64.looksLikeJsonObject(Base64.decode(s, i, headerEnd))) {
      return -1;
    }
    out.add(i, end, Rule.JWT);
    return end;
  }

  private static int partEnd(CharSequence s, int pos) {
    while (Chars.isBase64Url(Chars.at(s, pos))) {
      pos++;
    }
    return pos;
  }

  private static int grafanaKey(CharSequence s, int i, int end, Findings out) {
    if (!Chars.startsWith(s, i, "eyJrIjoi") || end - i < MIN_GRAFANA_KEY) {
      return -1;
    }
    while (Chars.at(s, end) == '=') {
      end++;
    }
    out.add(i, end, Rule.API_KEY);
    return end;
  }
}
