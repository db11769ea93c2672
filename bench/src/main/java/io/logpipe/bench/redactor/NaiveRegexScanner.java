package io.logpipe.bench.redactor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline the issue asks to beat by 5x: one regular expression per rule, each run over the whole line, with the
 * same validations (Luhn, mod-97) applied to its matches. What a redaction processor built from user regexes does.
 */
final class NaiveRegexScanner {
  record Match(int start, int end, String rule) {
  }

  private record RuleRegex(String rule, Pattern pattern, int group) {
  }

  private static final List<RuleRegex> RULES = List.of(
    new RuleRegex("private_key", Pattern.compile(
      "-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----"), 0),
    new RuleRegex("jwt", Pattern.compile("\\beyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*"), 0),
    new RuleRegex("webhook_url", Pattern.compile("https?://hooks\\.slack\\.com/(?:services|workflows)/[A-Za-z0-9/_-]+"), 0),
    new RuleRegex("url_credentials", Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s:@/]*:([^\\s@/]+)@"), 1),
    new RuleRegex("aws_access_key", Pattern.compile("\\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\\b"), 0),
    new RuleRegex("aws_secret_key", Pattern.compile("(?i)aws_secret_access_key[\"']?\\s*[:=]\\s*[\"']?([A-Za-z0-9/+=]{40})"), 1),
    new RuleRegex("basic_auth", Pattern.compile("(?i)\\bbasic\\s+([A-Za-z0-9+/=]{8,})"), 1),
    new RuleRegex("bearer_token", Pattern.compile("(?i)\\bbearer\\s+([A-Za-z0-9._~+/=-]{16,})"), 1),
    new RuleRegex("api_key", Pattern.compile(
      "\\b(?:gh[pousr]_[A-Za-z0-9]{36}|xox[baprs]-[0-9]{8,}-[0-9]{8,}-[A-Za-z0-9]{24,}|sk_live_[A-Za-z0-9]{24,}"
        + "|AIza[0-9A-Za-z_-]{35}|npm_[A-Za-z0-9]{36})\\b"), 0),
    new RuleRegex("secret", Pattern.compile("[A-Za-z0-9_~.]{3}\\dQ~[A-Za-z0-9_~.-]{31,34}"), 0),
    new RuleRegex("password", Pattern.compile(
      "(?i)(?:password|passwd|pwd|secret|token|api[_-]?key)[\\w.-]*[\"']?\\s*[:=]\\s*[\"']?([^\\s\"',;]+)"), 1),
    new RuleRegex("email", Pattern.compile("\\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"), 0),
    new RuleRegex("pan", Pattern.compile("\\b(?:\\d[ -]?){12,18}\\d\\b"), 0),
    new RuleRegex("iban", Pattern.compile("\\b[A-Z]{2}\\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,4})?\\b"), 0),
    new RuleRegex("us_ssn", Pattern.compile("\\b\\d{3}([- .])\\d{2}\\1\\d{4}\\b"), 0));

  List<Match> scan(String line) {
    List<Match> found = new ArrayList<>();
    for (RuleRegex r : RULES) {
      Matcher m = r.pattern().matcher(line);
      while (m.find()) {
        int start = m.start(r.group());
        int end = m.end(r.group());
        String value = line.substring(start, end);
        if (r.rule().equals("pan") && !luhn(value) || r.rule().equals("iban") && !mod97(value)) {
          continue;
        }
        found.add(new Match(start, end, r.rule()));
      }
    }
    return found;
  }

  static boolean luhn(String value) {
    int sum = 0;
    boolean doubleIt = false;
    for (int i = value.length() - 1; i >= 0; i--) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        continue;
      }
      int d = c - '0';
      if (doubleIt && (d *= 2) > 9) {
        d -= 9;
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
  }

  static boolean mod97(String value) {
    String s = value.replace(" ", "").replace("-", "");
    String rearranged = s.substring(4) + s.substring(0, 4);
    int remainder = 0;
    for (int i = 0; i < rearranged.length(); i++) {
      char c = rearranged.charAt(i);
      int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
      remainder = v < 10 ? (remainder * 10 + v) % 97 : (remainder * 100 + v) % 97;
    }
    return remainder == 1;
  }
}
