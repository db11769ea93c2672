package io.logpipe.redactor.scan;

import java.util.Set;

/**
 * Where a detector may start, for one set of enabled rules, as two lookup tables, so that the scan loop
 * leaves its tight path only at real candidates: a character class (is it alphanumeric, may a word
 * starting with it hold a match, is it an anchor punctuation) and, for those, the pair it forms with
 * the next character (a word starting "ey" may be a JWT, one starting "st" cannot be anything).
 *
 * <p>The tables are a superset filter of the checks {@link PiiScanner} makes at each anchor: every
 * detector's first test is on these two characters (a JWT starts "eyJ", Bearer/Basic "be"/"ba", an
 * IBAN two capitals, a vendor token one of {@link VendorTokens#plausibleStart}'s pairs, a private key
 * "-----", curl's "-u"/"--user"). Before this, every word start and every punctuation went through a
 * switch, an indirect jump the branch predictor misses on most words of a log line.
 */
final class Anchors {
  static final int ALNUM = 1;
  /** A word starting with this character may hold a match: look at its second character. */
  static final int WORD = 1 << 1;
  /** A punctuation a detector is anchored on: look at the character after it. */
  static final int PUNCT = 1 << 2;

  /** The next character stands for any character, non-ASCII and end of text included ('\0'). */
  private static final String ANY = null;

  private final byte[] classes = new byte[128];
  private final boolean[] pairs = new boolean[128 * 128];
  /** The shortest digit run that starts a number any enabled detector looks at. */
  private final int minDigits;

  Anchors(Set<Rule> on) {
    for (char c = 0; c < 128; c++) {
      if (Chars.isAlnum(c)) {
        classes[c] = ALNUM;
      }
    }
    if (any(on, Rule.IPV4, Rule.IPV6, Rule.PHONE, Rule.MAC)) {
      minDigits = 1; // "1.2.3.4", "+1 415 …", "0a:1b:…"
      for (char c = '0'; c <= '9'; c++) {
        word(c, ANY);
      }
    } else if (any(on, Rule.PAN, Rule.US_SSN)) {
      minDigits = 3; // a card number's first group, an SSN's area: most numbers in logs are shorter
      for (char c = '0'; c <= '9'; c++) {
        word(c, "0123456789");
      }
    } else {
      minDigits = 1;
    }
    if (any(on, Rule.JWT, Rule.API_KEY)) {
      word('e', "y");
    }
    if (any(on, Rule.BEARER_TOKEN, Rule.BASIC_AUTH)) {
      word('B', "eEaA");
      word('b', "eEaA");
    }
    if (on.contains(Rule.IBAN)) {
      for (char c = 'A'; c <= 'Z'; c++) {
        word(c, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
      }
    }
    if (any(on, Rule.API_KEY, Rule.AWS_ACCESS_KEY)) {
      // VendorTokens.plausibleStart
      word('A', "KSBCI");
      word('g', "hi");
      word('x', "o");
      word('s', "k.");
      word('r', "k");
      word('n', "p");
      word('h', "v");
    }
    if (any(on, Rule.IPV6, Rule.MAC)) {
      for (char c : "0123456789abcdefABCDEF".toCharArray()) {
        word(c, ANY);
      }
    }
    if (any(on, Rule.PASSWORD, Rule.SECRET, Rule.API_KEY, Rule.AWS_SECRET_KEY, Rule.BEARER_TOKEN, Rule.BASIC_AUTH)) {
      punct(':', ANY);
      punct('=', ANY);
    }
    if (any(on, Rule.URL_CREDENTIALS, Rule.WEBHOOK_URL)) {
      punct(':', "/");
    }
    if (on.contains(Rule.IPV6)) {
      punct(':', ":");
    }
    if (any(on, Rule.EMAIL, Rule.URL_CREDENTIALS)) {
      punct('@', ANY);
    }
    if (on.contains(Rule.PRIVATE_KEY)) {
      punct('-', "-");
    }
    if (on.contains(Rule.PASSWORD)) {
      punct('-', "-u");
    }
    if (on.contains(Rule.SECRET)) {
      punct('~', ANY);
    }
    if (on.contains(Rule.PHONE)) {
      punct('+', "0123456789");
      punct('(', "0123456789");
    }
  }

  /**
   * The first position at or after {@code from} where an enabled detector may start in the text {@code s[0, n)},
   * or {@code n}. Kept a
   * plain forward loop with one exit test so that the JIT compiles it as a counted loop (range checks hoisted):
   * the scan spends most of its time here.
   */
  int next(char[] s, int n, int from) {
    // Detectors anchored on letters and digits only look at word starts: a WORD character counts
    // only after a non-alphanumeric one.
    int mask = from > 0 && (classOf(s[from - 1]) & ALNUM) != 0 ? PUNCT : WORD | PUNCT;
    for (int i = from; i < n; i++) {
      char c = s[i];
      int cls = classOf(c);
      int hit = cls & mask;
      mask = (cls & ALNUM) != 0 ? PUNCT : WORD | PUNCT;
      if (hit != 0 && pair(c, i + 1 < n ? s[i + 1] : '\0') && (!Chars.isDigit(c) || longEnough(s, n, i + 2))) {
        return i;
      }
    }
    return n;
  }

  /** The digit run whose first two digits end before {@code k} is at least {@link #minDigits} long. */
  private boolean longEnough(char[] s, int n, int k) {
    return minDigits < 3 || k < n && Chars.isDigit(s[k]);
  }

  /** The class bits of {@code c}: 0 for non-ASCII. */
  int classOf(char c) {
    return c < 128 ? classes[c] : 0;
  }

  /** Whether a detector may start at {@code c} followed by {@code next} ('\0' at the end of the text). */
  boolean pair(char c, char next) {
    return pairs[c << 7 | (next < 128 ? next : 0)];
  }

  private void word(char c, String next) {
    classes[c] |= WORD;
    allow(c, next);
  }

  private void punct(char c, String next) {
    classes[c] |= PUNCT;
    allow(c, next);
  }

  private void allow(char c, String next) {
    if (next == ANY) {
      for (int d = 0; d < 128; d++) {
        pairs[c << 7 | d] = true;
      }
      return;
    }
    for (char d : next.toCharArray()) {
      pairs[c << 7 | d] = true;
    }
  }

  private static boolean any(Set<Rule> on, Rule... rules) {
    for (Rule r : rules) {
      if (on.contains(r)) {
        return true;
      }
    }
    return false;
  }
}
