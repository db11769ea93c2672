package io.logpipe.deploy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough PromQL reading to check the dashboard and the alerts in the docs: metric names, selector labels,
 * grouping labels, and the {@code promql} code blocks of a Markdown text.
 */
final class PromQl {

  private PromQl() {}

  private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
      "group_right", "bool", "and", "or", "unless", "offset");
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern GROUPING =
      Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");
  private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{([^}]*)}");
  private static final Pattern IDENTIFIER = Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(?!\\s*\\()");
  private static final Pattern MATCHER_LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:=~|!~|!=|=)");

  /** Identifiers that are not functions, keywords, label names or durations. */
  static Set<String> metricNames(String expr) {
    String bare = STRING.matcher(expr).replaceAll("\"\"");
    bare = GROUPING.matcher(bare).replaceAll(" ");
    bare = bare.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ");
    Set<String> names = new LinkedHashSet<>();
    Matcher m = IDENTIFIER.matcher(bare);
    while (m.find()) {
      if (!KEYWORDS.contains(m.group(1))) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  /** Each {@code metric{…}} selector's label names. */
  static Map<String, Set<String>> selectors(String expr) {
    String bare = STRING.matcher(expr).replaceAll("\"\"");
    Map<String, Set<String>> out = new TreeMap<>();
    Matcher m = SELECTOR.matcher(bare);
    while (m.find()) {
      Set<String> labels = out.computeIfAbsent(m.group(1), n -> new TreeSet<>());
      Matcher l = MATCHER_LABEL.matcher(m.group(2));
      while (l.find()) {
        labels.add(l.group(1));
      }
    }
    return out;
  }

  private static final Pattern CODE_BLOCK = Pattern.compile("(?s)```promql\\n(.*?)```");

  /** The {@code promql} code blocks of a Markdown text, comment lines left out. */
  static List<String> codeBlocks(String markdown) {
    List<String> out = new ArrayList<>();
    Matcher m = CODE_BLOCK.matcher(markdown);
    while (m.find()) {
      out.add(m.group(1).lines().filter(line -> !line.strip().startsWith("#"))
          .reduce("", (a, b) -> a + " " + b).strip());
    }
    return out;
  }

  /** Labels in {@code by (…)} and {@code without (…)} clauses. */
  static Set<String> groupingLabels(String expr) {
    Set<String> out = new TreeSet<>();
    Matcher m = GROUPING.matcher(expr);
    while (m.find()) {
      for (String label : m.group(1).split(",")) {
        if (!label.isBlank()) {
          out.add(label.strip());
        }
      }
    }
    return out;
  }
}
