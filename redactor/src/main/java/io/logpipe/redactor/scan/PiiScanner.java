package io.logpipe.redactor.scan;

import java.util.EnumSet;
import java.util.List;

/**
 * Finds personal data and credentials in one pass over the text. Each character costs one table
 * lookup; a detector runs only where its anchor appears (a digit that starts a number, '@', ':',
 * '=', "eyJ", "-----BEGIN", a word start with a vendor prefix …), so a detector whose anchor is
 * absent costs nothing: no '@', no e-mail check; no 13-digit run, no card check. No regular
 * expression runs over the text (custom policy patterns excepted). Immutable and thread-safe.
 */
public final class PiiScanner {
  private static final int MAX_KEPT_BUFFER = 1 << 16;

  private final EnumSet<Rule> on;
  private final KeyClassifier keys;
  private final List<CustomPattern> custom;
  private final Anchors anchors;
  /**
   * The text's characters for the scan loop: a plain array costs the loop no coder test and no range check per
   * character (String.charAt has both), and a per-thread buffer (the scanner is shared by stream threads) no
   * allocation per text. Buffers above {@link #MAX_KEPT_BUFFER} characters are not kept.
   */
  private final ThreadLocal<char[]> buffer = ThreadLocal.withInitial(() -> new char[1024]);
  private final boolean keyValues;
  private final boolean urls;
  private final boolean vendorTokens;
  private final boolean jwtOrGrafana;
  private final boolean authSchemes;
  private final boolean iban;
  private final boolean hexAnchored;

  public PiiScanner(ScanConfig config) {
    this.on = config.rules().isEmpty() ? EnumSet.noneOf(Rule.class) : EnumSet.copyOf(config.rules());
    this.keys = config.keys();
    this.custom = config.custom();
    this.anchors = new Anchors(on);
    this.keyValues = any(Rule.PASSWORD, Rule.SECRET, Rule.API_KEY, Rule.AWS_SECRET_KEY, Rule.BEARER_TOKEN, Rule.BASIC_AUTH);
    this.urls = any(Rule.URL_CREDENTIALS, Rule.WEBHOOK_URL);
    this.vendorTokens = any(Rule.API_KEY, Rule.AWS_ACCESS_KEY);
    this.jwtOrGrafana = any(Rule.JWT, Rule.API_KEY);
    this.authSchemes = any(Rule.BEARER_TOKEN, Rule.BASIC_AUTH);
    this.iban = any(Rule.IBAN);
    this.hexAnchored = any(Rule.IPV6, Rule.MAC);
  }

  public boolean enabled(Rule rule) {
    return on.contains(rule);
  }

  public List<Finding> scan(CharSequence text) {
    return scanAll(text).resolved();
  }

  /** All findings before overlap resolution (the caller checks {@link Findings#truncated()}). */
  public Findings scanAll(CharSequence s) {
    Findings out = new Findings();
    int n = s.length();
    char[] chars = copy(s, n);
    int i = anchors.next(chars, n, 0);
    while (i < n) {
      char c = s.charAt(i);
      int end;
      if (!Chars.isAlnum(c)) {
        end = punctuation(s, i, c, out);
      } else {
        end = Chars.isDigit(c) ? number(s, i, out) : word(s, i, c, out);
      }
      i = anchors.next(chars, n, end > i ? end : i + 1);
    }
    if (!custom.isEmpty()) { // no iterator per text when the policy has no custom pattern
      for (CustomPattern pattern : custom) {
        pattern.scan(s, out);
      }
    }
    return out;
  }

  private char[] copy(CharSequence s, int n) {
    char[] chars = buffer.get();
    if (chars.length < n) {
      chars = new char[n];
      if (n <= MAX_KEPT_BUFFER) {
        buffer.set(chars);
      }
    }
    s.toString().getChars(0, n, chars, 0);
    return chars;
  }

  private int number(CharSequence s, int i, Findings out) {
    int run = 1;
    while (Chars.isDigit(Chars.at(s, i + run))) {
      run++;
    }
    char next = Chars.at(s, i + run);
    boolean digitAfterNext = Chars.isDigit(Chars.at(s, i + run + 1));
    int end = -1;
    if (on.contains(Rule.PAN) && (run >= CardNumbers.MIN_DIGITS
        || run >= 3 && run <= 6 && (next == ' ' || next == '-') && digitAfterNext)) {
      end = CardNumbers.find(s, i, out);
    }
    if (end < 0 && on.contains(Rule.US_SSN) && run == 3 && (next == '-' || next == ' ' || next == '.') && digitAfterNext) {
      end = SocialSecurityNumbers.find(s, i, out);
    }
    if (end < 0 && on.contains(Rule.IPV4) && run <= 3 && next == '.' && digitAfterNext) {
      end = IpAddresses.findV4(s, i, out);
    }
    if (end < 0 && on.contains(Rule.IPV6)) {
      end = IpAddresses.findV6(s, i, out);
    }
    if (end < 0 && on.contains(Rule.MAC)) {
      end = MacAddresses.find(s, i, out);
    }
    if (end < 0 && on.contains(Rule.PHONE)) {
      end = PhoneNumbers.find(s, i, out);
    }
    return end;
  }

  private int word(CharSequence s, int i, char c, Findings out) {
    int end = -1;
    if (c == 'e' && jwtOrGrafana && Chars.startsWith(s, i, "eyJ")) {
      end = Jwts.find(s, i, out);
    }
    if (end < 0 && (c == 'B' || c == 'b') && authSchemes) {
      end = AuthSchemes.findBare(s, i, out, on.contains(Rule.BEARER_TOKEN), on.contains(Rule.BASIC_AUTH));
    }
    if (end < 0 && iban && Chars.isUpper(c)) {
      end = Ibans.find(s, i, out);
    }
    if (end < 0 && vendorTokens && VendorTokens.plausibleStart(s, i)) {
      end = VendorTokens.find(s, i, out, on.contains(Rule.AWS_ACCESS_KEY), on.contains(Rule.API_KEY));
    }
    if (end < 0 && hexAnchored && Chars.isHex(c)) {
      if (on.contains(Rule.IPV6)) {
        end = IpAddresses.findV6(s, i, out);
      }
      if (end < 0 && on.contains(Rule.MAC)) {
        end = MacAddresses.find(s, i, out);
      }
    }
    return end;
  }

  private int punctuation(CharSequence s, int i, char c, Findings out) {
    switch (c) {
      case ':' -> {
        if (Chars.at(s, i + 1) == '/' && Chars.at(s, i + 2) == '/') {
          return urls ? Urls.find(s, i, out, on.contains(Rule.URL_CREDENTIALS), on.contains(Rule.WEBHOOK_URL)) : -1;
        }
        if (keyValues) {
          SensitiveKeys.find(s, i, out, keys, on);
        }
        if (on.contains(Rule.IPV6) && Chars.at(s, i + 1) == ':') {
          return IpAddresses.findV6(s, i, out);
        }
        return -1;
      }
      case '=' -> {
        if (keyValues) {
          SensitiveKeys.find(s, i, out, keys, on);
        }
        return -1;
      }
      case '@' -> {
        int end = on.contains(Rule.EMAIL) ? Emails.find(s, i, out) : -1;
        if (end < 0 && on.contains(Rule.URL_CREDENTIALS)) {
          Urls.findSchemeless(s, i, out);
        }
        return end;
      }
      case '-' -> {
        int end = -1;
        if (on.contains(Rule.PRIVATE_KEY) && Chars.startsWith(s, i, "-----BEGIN ")) {
          end = PrivateKeys.find(s, i, out);
        }
        if (end < 0 && on.contains(Rule.PASSWORD) && Chars.isWhitespace(Chars.at(s, i - 1))) {
          end = CurlCredentials.find(s, i, out);
        }
        return end;
      }
      case '~' -> {
        return on.contains(Rule.SECRET) && Chars.at(s, i - 1) == 'Q' ? AzureClientSecrets.find(s, i, out) : -1;
      }
      case '+', '(' -> {
        return on.contains(Rule.PHONE) && Chars.isDigit(Chars.at(s, i + 1)) ? PhoneNumbers.find(s, i, out) : -1;
      }
      default -> {
        return -1;
      }
    }
  }

  private boolean any(Rule... rules) {
    for (Rule r : rules) {
      if (on.contains(r)) {
        return true;
      }
    }
    return false;
  }
}
