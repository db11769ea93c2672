package io.logpipe.redactor.scan;

import java.util.EnumSet;
import java.util.Optional;

/**
 * Values of sensitive keys in {@code key=value}, {@code key: value}, {@code key := value},
 * {@code key => value} and JSON ({@code "key": "value"}, also with escaped quotes inside a JSON
 * string). The span is the value without its quotes. An unquoted value ends at whitespace or
 * punctuation, except YAML-style at the start of a line when its first word is short: then it is a
 * passphrase with spaces and runs to the end of the line. Empty values, placeholders, single characters and boolean/null
 * literals are not secrets. {@code Authorization} values are parsed as scheme + credential.
 */
final class SensitiveKeys {
  private static final int MAX_KEY_GAP = 8;
  /** At the start of a line, an unquoted value whose first word is shorter than this runs to the end of the line. */
  private static final int PASSPHRASE_WORD = 8;

  private SensitiveKeys() {
  }

  /** {@code i} is a ':' or '='. */
  static void find(CharSequence s, int i, Findings out, KeyClassifier classifier, EnumSet<Rule> enabled) {
    char sep = s.charAt(i);
    int valueStart;
    if (sep == ':') {
      char next = Chars.at(s, i + 1);
      if (next == ':') {
        return;
      }
      valueStart = next == '=' ? i + 2 : i + 1;
    } else {
      char prev = Chars.at(s, i - 1);
      char next = Chars.at(s, i + 1);
      if (prev == '=' || prev == '!' || prev == '<' || prev == '>' || prev == ':' || next == '=') {
        return;
      }
      valueStart = next == '>' ? i + 2 : i + 1;
    }
    int keyEnd = i;
    while (keyEnd > 0 && i - keyEnd < MAX_KEY_GAP && Chars.isSpace(s.charAt(keyEnd - 1))) {
      keyEnd--;
    }
    char closing = Chars.at(s, keyEnd - 1);
    boolean quotedKey = closing == '"' || closing == '\'';
    if (quotedKey) {
      keyEnd--;
      if (Chars.at(s, keyEnd - 1) == '\\') {
        keyEnd--;
      }
    }
    int keyStart = keyEnd;
    while (keyStart > 0 && keyEnd - keyStart <= KeyClassifier.MAX_KEY_LENGTH && Chars.isKeyChar(s.charAt(keyStart - 1))) {
      keyStart--;
    }
    if (keyStart == keyEnd || keyEnd - keyStart > KeyClassifier.MAX_KEY_LENGTH || !hasLetter(s, keyStart, keyEnd)) {
      return;
    }
    Rule rule = classify(s, keyStart, keyEnd, classifier);
    if (rule == null || !enabled.contains(rule)) {
      return;
    }
    int pos = Chars.skipSpaces(s, valueStart);
    int lineEnd = lineEnd(s, pos);
    int start;
    int end;
    char open = Chars.at(s, pos);
    if (open == '"' || open == '\'' || open == '`') {
      start = pos + 1;
      end = closingQuote(s, start, open, false, lineEnd);
    } else if (open == '\\' && Chars.at(s, pos + 1) == '"') {
      start = pos + 2;
      end = closingQuote(s, start, '"', true, lineEnd);
    } else if (rule == Rule.BEARER_TOKEN) {
      start = pos;
      end = lineEnd;
    } else {
      start = pos;
      end = unquotedEnd(s, start, lineEnd);
      if (end - start < PASSPHRASE_WORD && yamlLineValue(s, sep, keyStart, quotedKey, start, lineEnd)) {
        end = trimEnd(s, start, lineEnd); // a short first word: a passphrase with spaces
      }
    }
    if (end < 0) {
      return;
    }
    if (rule == Rule.BEARER_TOKEN) {
      AuthSchemes.findHeaderValue(s, start, end, out);
      return;
    }
    if (end - start < 2 || Placeholders.isPlaceholder(s, start, end) || isLiteral(s, start, end)
        || Placeholders.isDocumentedExample(s, start, end)) {
      return;
    }
    out.add(start, end, rule);
  }

  private static Rule classify(CharSequence s, int keyStart, int keyEnd, KeyClassifier classifier) {
    char before = Chars.at(s, keyStart - 1);
    if ((before == '?' || before == '&') && keyEnd - keyStart == 3 && Chars.startsWithIgnoreCase(s, keyStart, "key")) {
      return Rule.API_KEY; // ?key=… is how Google-style APIs take their key
    }
    if (!classifier.mayMatch(s, keyStart, keyEnd)) {
      return null;
    }
    Optional<Rule> rule = classifier.classify(s.subSequence(keyStart, keyEnd).toString());
    return rule.orElse(null);
  }

  private static boolean hasLetter(CharSequence s, int start, int end) {
    for (int k = start; k < end; k++) {
      if (Chars.is(s.charAt(k), Chars.ALPHA)) {
        return true;
      }
    }
    return false;
  }

  private static int lineEnd(CharSequence s, int pos) {
    while (pos < s.length() && s.charAt(pos) != '\n' && s.charAt(pos) != '\r') {
      pos++;
    }
    return pos;
  }

  private static int closingQuote(CharSequence s, int from, char quote, boolean escaped, int limit) {
    for (int k = from; k < limit; k++) {
      char c = s.charAt(k);
      if (escaped) {
        if (c == '\\' && Chars.at(s, k + 1) == quote) {
          return k;
        }
      } else if (c == '\\') {
        k++;
      } else if (c == quote) {
        return k;
      }
    }
    return escaped ? -1 : limit;
  }

  /** {@code password: two words} at the start of a line, with no other key on the rest of the line. */
  private static boolean yamlLineValue(CharSequence s, char sep, int keyStart, boolean quotedKey, int start, int lineEnd) {
    if (sep != ':' || quotedKey) {
      return false;
    }
    for (int k = keyStart - 1; k >= 0 && s.charAt(k) != '\n'; k--) {
      char c = s.charAt(k);
      if (!Chars.isSpace(c) && c != '-') {
        return false;
      }
    }
    for (int k = start; k < lineEnd; k++) {
      char c = s.charAt(k);
      if (c == '=' || c == ':' && Chars.isSpace(Chars.at(s, k + 1)) || c == '"') {
        return false;
      }
    }
    return true;
  }

  private static int trimEnd(CharSequence s, int start, int end) {
    while (end > start && Chars.isWhitespace(s.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  private static int unquotedEnd(CharSequence s, int pos, int limit) {
    while (pos < limit) {
      char c = s.charAt(pos);
      if (Chars.isWhitespace(c) || c == ',' || c == ';' || c == '&' || c == '"' || c == '\'' || c == '<' || c == '>'
          || c == ')' || c == ']' || c == '}' || c == '\\' || c == '`') {
        break;
      }
      pos++;
    }
    return pos;
  }

  private static boolean isLiteral(CharSequence s, int start, int end) {
    int n = end - start;
    return n <= 5 && (Chars.startsWithIgnoreCase(s, start, "true") && n == 4
        || Chars.startsWithIgnoreCase(s, start, "false") && n == 5
        || Chars.startsWithIgnoreCase(s, start, "null") && n == 4
        || Chars.startsWithIgnoreCase(s, start, "none") && n == 4
        || Chars.startsWithIgnoreCase(s, start, "nil") && n == 3);
  }
}
