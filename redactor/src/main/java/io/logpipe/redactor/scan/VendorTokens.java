package io.logpipe.redactor.scan;

/**
 * Credentials recognisable by shape alone (prefixes and lengths as the vendors document them):
 * AWS access key ids, GitHub tokens, Slack bot/user tokens, Stripe secret keys, Google API keys,
 * npm tokens, HashiCorp Vault tokens and OpenAI keys. Masked examples ({@code ghp_xxxx…},
 * {@code AKIAXXXX…}) and AWS's documented {@code …EXAMPLE} keys are left alone.
 */
final class VendorTokens {
  private static final String[] STRIPE_PREFIXES = {"sk_live_", "rk_live_", "sk_test_", "rk_test_"};

  private VendorTokens() {
  }

  /** Second-character filter: most words starting with these letters are not tokens. */
  static boolean plausibleStart(CharSequence s, int i) {
    char c = s.charAt(i);
    char d = Chars.at(s, i + 1);
    return switch (c) {
      case 'A' -> d == 'K' || d == 'S' || d == 'B' || d == 'C' || d == 'I';
      case 'g' -> d == 'h' || d == 'i';
      case 'x' -> d == 'o';
      case 's' -> d == 'k' || d == '.';
      case 'r' -> d == 'k';
      case 'n' -> d == 'p';
      case 'h' -> d == 'v';
      default -> false;
    };
  }

  /** {@code i} starts a word. Returns the end of a token found there, or -1. */
  static int find(CharSequence s, int i, Findings out, boolean aws, boolean apiKeys) {
    if (Chars.isWord(Chars.at(s, i - 1)) || Chars.at(s, i - 1) == '-') {
      return -1;
    }
    char c = s.charAt(i);
    if (aws && c == 'A') {
      int end = awsAccessKeyId(s, i);
      if (end > 0) {
        out.add(i, end, Rule.AWS_ACCESS_KEY);
        return end;
      }
    }
    if (!apiKeys) {
      return -1;
    }
    int end = switch (c) {
      case 'g' -> github(s, i);
      case 'x' -> slack(s, i);
      case 's', 'r' -> Chars.startsWith(s, i, "sk-") ? openAi(s, i) : Chars.startsWith(s, i, "s.") ? vaultLegacy(s, i) : stripe(s, i);
      case 'A' -> fixed(s, i, "AIza", 35, true);
      case 'n' -> fixed(s, i, "npm_", 36, false);
      case 'h' -> vault(s, i);
      default -> -1;
    };
    if (end > 0) {
      out.add(i, end, Rule.API_KEY);
    }
    return end;
  }

  /** AKIA/ASIA/ABIA/ACCA + 16 base32 characters (AWS IAM unique id format). */
  private static int awsAccessKeyId(CharSequence s, int i) {
    if (!(Chars.startsWith(s, i, "AKIA") || Chars.startsWith(s, i, "ASIA") || Chars.startsWith(s, i, "ABIA")
        || Chars.startsWith(s, i, "ACCA"))) {
      return -1;
    }
    int end = i + 20;
    for (int k = i + 4; k < end; k++) {
      char c = Chars.at(s, k);
      if (!(Chars.isUpper(c) || c >= '2' && c <= '7')) {
        return -1;
      }
    }
    if (Chars.isAlnum(Chars.at(s, end)) || Chars.startsWith(s, end - 7, "EXAMPLE") || Placeholders.isMasked(s, i + 4, end)) {
      return -1;
    }
    return end;
  }

  private static int github(CharSequence s, int i) {
    if (Chars.startsWith(s, i, "github_pat_")) {
      int end = run(s, i + 11, true);
      return end - i - 11 >= 82 && !Placeholders.isMasked(s, i + 11, end) ? end : -1;
    }
    if (Chars.startsWith(s, i, "gh") && "pousr".indexOf(Chars.at(s, i + 2)) >= 0 && Chars.at(s, i + 3) == '_') {
      return fixed(s, i, s.subSequence(i, i + 4).toString(), 36, false);
    }
    return -1;
  }

  /** xoxb-/xoxp-/xoxa-/xoxr-/xoxs-: numeric team and user ids, then a 24+ character secret. */
  private static int slack(CharSequence s, int i) {
    if (!Chars.startsWith(s, i, "xox") || "baprs".indexOf(Chars.at(s, i + 3)) < 0 || Chars.at(s, i + 4) != '-') {
      return -1;
    }
    int pos = i + 5;
    int numericParts = 0;
    while (true) {
      int start = pos;
      while (Chars.isDigit(Chars.at(s, pos))) {
        pos++;
      }
      if (pos - start < 8 || Chars.at(s, pos) != '-') {
        pos = start;
        break;
      }
      numericParts++;
      pos++;
    }
    int secretEnd = run(s, pos, false);
    if (numericParts < 2 || secretEnd - pos < 24 || Placeholders.isMasked(s, pos, secretEnd)) {
      return -1;
    }
    return secretEnd;
  }

  private static int stripe(CharSequence s, int i) {
    for (String prefix : STRIPE_PREFIXES) {
      if (Chars.startsWith(s, i, prefix)) {
        int end = run(s, i + prefix.length(), false);
        return end - i - prefix.length() >= 24 && !Placeholders.isMasked(s, i + 8, end) ? end : -1;
      }
    }
    return -1;
  }

  /** OpenAI: sk-…T3BlbkFJ… ("T3BlbkFJ" is base64 of "OpenAI"). */
  private static int openAi(CharSequence s, int i) {
    int end = run(s, i + 3, true);
    for (int k = i + 3; k + 8 <= end; k++) {
      if (Chars.startsWith(s, k, "T3BlbkFJ")) {
        return end;
      }
    }
    return -1;
  }

  /** Vault service tokens: hvs. + 90+ characters (current) or s. + 24 mixed-case alphanumerics (legacy). */
  private static int vault(CharSequence s, int i) {
    if (!Chars.startsWith(s, i, "hvs.")) {
      return -1;
    }
    int end = run(s, i + 4, true);
    return end - i - 4 >= 90 && !Placeholders.isMasked(s, i + 4, end) ? end : -1;
  }

  private static int vaultLegacy(CharSequence s, int i) {
    int end = run(s, i + 2, false);
    if (end - i - 2 != 24 || Chars.isBase64Url(Chars.at(s, end))) {
      return -1;
    }
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    for (int k = i + 2; k < end; k++) {
      char c = s.charAt(k);
      upper |= Chars.isUpper(c);
      lower |= Chars.is(c, Chars.LOWER);
      digit |= Chars.isDigit(c);
    }
    return upper && lower && digit ? end : -1;
  }

  private static int fixed(CharSequence s, int i, String prefix, int length, boolean dashUnderscore) {
    if (!Chars.startsWith(s, i, prefix)) {
      return -1;
    }
    int start = i + prefix.length();
    int end = run(s, start, dashUnderscore);
    return end - start == length && !Placeholders.isMasked(s, start, end) ? end : -1;
  }

  private static int run(CharSequence s, int pos, boolean dashUnderscore) {
    while (Chars.isAlnum(Chars.at(s, pos)) || dashUnderscore && (Chars.at(s, pos) == '-' || Chars.at(s, pos) == '_')) {
      pos++;
    }
    return pos;
  }
}
