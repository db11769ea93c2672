package io.logpipe.sinks.route;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A list of shell-style globs ({@code *} any run of characters, {@code ?} one character), matching a whole
 * value: {@code payments-*} matches {@code payments-eu} but not {@code old-payments-eu}. Kubernetes names hold
 * no other special characters, so nothing else needs escaping rules.
 */
final class GlobList {

  private final List<String> globs;
  private final Pattern pattern;

  GlobList(List<String> globs) {
    if (globs.isEmpty() || globs.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("needs one or more non-empty names or globs");
    }
    this.globs = List.copyOf(globs);
    this.pattern = Pattern.compile(globs.stream().map(GlobList::toRegex).collect(Collectors.joining("|")));
  }

  boolean matches(String value) {
    return pattern.matcher(value).matches();
  }

  @Override
  public String toString() {
    return String.join("|", globs);
  }

  private static String toRegex(String glob) {
    StringBuilder regex = new StringBuilder("(?:");
    StringBuilder literal = new StringBuilder();
    for (char c : glob.trim().toCharArray()) {
      if (c == '*' || c == '?') {
        regex.append(Pattern.quote(literal.toString())).append(c == '*' ? ".*" : ".");
        literal.setLength(0);
      } else {
        literal.append(c);
      }
    }
    return regex.append(Pattern.quote(literal.toString())).append(')').toString();
  }
}
