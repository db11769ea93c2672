package io.logpipe.redactor.scan;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user rule from the policy: a regular expression whose matches (or first capturing group, when
 * it has one) are sensitive. Each custom rule costs one regex pass over the text; the built-in
 * detectors do not.
 */
public record CustomPattern(String rule, Pattern pattern) {
  public CustomPattern {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(pattern, "pattern");
    if (Rule.byId(rule).isPresent()) {
      throw new IllegalArgumentException("custom rule '" + rule + "' reuses a built-in rule name");
    }
  }

  void scan(CharSequence text, Findings out) {
    Matcher m = pattern.matcher(text);
    boolean group = m.groupCount() > 0;
    while (m.find()) {
      int start = group ? m.start(1) : m.start();
      int end = group ? m.end(1) : m.end();
      if (start >= 0 && end > start) {
        out.add(start, end, rule);
      }
      if (m.end() == m.start() && m.end() >= text.length()) {
        break;
      }
    }
  }
}
