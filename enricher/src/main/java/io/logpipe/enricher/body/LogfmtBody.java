package io.logpipe.enricher.body;

import java.util.Optional;

/**
 * Reads a logfmt body (https://brandur.org/logfmt, as go-logfmt writes it): space-separated {@code key=value}
 * pairs, values bare or double-quoted with backslash escapes.
 *
 * <p>Strict when guessing (no hint): every token must be a pair and there must be at least two, so that prose
 * such as {@code connecting to db=primary} stays plain text. With the {@code logfmt} hint, bare keys are accepted
 * (value empty) and one pair is enough.
 */
final class LogfmtBody {

  private final BodyLimits limits;

  LogfmtBody(BodyLimits limits) {
    this.limits = limits;
  }

  Optional<FieldCollector> parse(String message, boolean strict) {
    FieldCollector fields = new FieldCollector(limits);
    int i = 0;
    int n = message.length();
    int withValue = 0;
    while (true) {
      while (i < n && message.charAt(i) == ' ') {
        i++;
      }
      if (i >= n) {
        break;
      }
      int keyStart = i;
      while (i < n && message.charAt(i) > ' ' && message.charAt(i) != '=' && message.charAt(i) != '"') {
        i++;
      }
      if (i == keyStart) {
        return Optional.empty();
      }
      String key = message.substring(keyStart, i);
      if (i >= n || message.charAt(i) == ' ') {
        if (strict) {
          return Optional.empty();
        }
        fields.accept(key, "", false);
        continue;
      }
      if (message.charAt(i) != '=') {
        return Optional.empty();
      }
      i++;
      String value;
      if (i < n && message.charAt(i) == '"') {
        int close = plainQuoted(message, i + 1);
        if (close >= 0) {
          value = message.substring(i + 1, close);
          i = close + 1;
        } else {
          StringBuilder unescaped = new StringBuilder();
          i = readQuoted(message, i + 1, unescaped);
          value = unescaped.toString();
        }
        if (i < 0 || (i < n && message.charAt(i) != ' ')) {
          return Optional.empty();
        }
      } else {
        int valueStart = i;
        while (i < n && message.charAt(i) > ' ' && message.charAt(i) != '"' && message.charAt(i) != '=') {
          i++;
        }
        if (i < n && message.charAt(i) != ' ') {
          return Optional.empty();
        }
        value = message.substring(valueStart, i);
      }
      withValue++;
      fields.accept(key, value, looksNumeric(value));
    }
    return withValue >= (strict ? 2 : 1) ? Optional.of(fields) : Optional.empty();
  }

  /** The index of the closing quote of a value without escapes (copied without a builder), or -1. */
  private static int plainQuoted(String s, int i) {
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        return i;
      }
      if (c == '\\') {
        return -1;
      }
    }
    return -1;
  }

  /** Reads a quoted value from just after the opening quote; returns the index after the closing one, or -1. */
  private static int readQuoted(String s, int i, StringBuilder out) {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < s.length()) {
        char e = s.charAt(i + 1);
        out.append(switch (e) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          default -> e;
        });
        i += 2;
      } else {
        out.append(c);
        i++;
      }
    }
    return -1;
  }

  private static boolean looksNumeric(CharSequence value) {
    if (value.length() == 0 || value.length() > 32) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(Character.isDigit(c) || (c == '.' && i > 0))) {
        return false;
      }
    }
    return true;
  }
}
