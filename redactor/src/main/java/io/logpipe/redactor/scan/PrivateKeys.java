package io.logpipe.redactor.scan;

/**
 * PEM/OpenSSH/PGP private key blocks (RFC 7468 labels ending in "PRIVATE KEY", and
 * "PGP PRIVATE KEY BLOCK"): from the BEGIN line to the end of the matching END line, or to the end
 * of the text when a truncated event lost the END line. A body shorter than a real key is a test
 * placeholder.
 */
final class PrivateKeys {
  static final int MIN_BODY = 32;
  private static final int MAX_LABEL = 40;

  private PrivateKeys() {
  }

  /** {@code i} is a '-' at "-----BEGIN ". */
  static int find(CharSequence s, int i, Findings out) {
    if (!Chars.startsWith(s, i, "-----BEGIN ")) {
      return -1;
    }
    int labelStart = i + 11;
    int labelEnd = labelStart;
    while (labelEnd < s.length() && labelEnd - labelStart <= MAX_LABEL && s.charAt(labelEnd) != '-') {
      labelEnd++;
    }
    if (!Chars.startsWith(s, labelEnd, "-----")) {
      return -1;
    }
    String label = s.subSequence(labelStart, labelEnd).toString();
    if (!label.endsWith("PRIVATE KEY") && !label.endsWith("PRIVATE KEY BLOCK")) {
      return -1;
    }
    int bodyStart = labelEnd + 5;
    String footer = "-----END " + label + "-----";
    int footerAt = indexOf(s, footer, bodyStart);
    int bodyEnd = footerAt < 0 ? s.length() : footerAt;
    int end = footerAt < 0 ? s.length() : footerAt + footer.length();
    int base64 = 0;
    for (int k = bodyStart; k < bodyEnd; k++) {
      char c = s.charAt(k);
      if (Chars.isAlnum(c) || c == '+' || c == '/' || c == '=') {
        base64++;
      }
    }
    if (base64 < MIN_BODY) {
      return -1;
    }
    out.add(i, end, Rule.PRIVATE_KEY);
    return end;
  }

  private static int indexOf(CharSequence s, String needle, int from) {
    if (s instanceof String string) {
      return string.indexOf(needle, from);
    }
    return s.toString().indexOf(needle, from);
  }
}
