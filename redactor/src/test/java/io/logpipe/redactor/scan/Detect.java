package io.logpipe.redactor.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;

/** Test helper: runs one rule alone and compares the span texts it reports. */
final class Detect {
  private Detect() {
  }

  static List<String> spans(Rule rule, String input) {
    PiiScanner scanner = new PiiScanner(ScanConfig.only(EnumSet.of(rule)));
    return scanner.scan(input).stream()
        .filter(f -> f.rule().equals(rule.id()))
        .map(f -> input.substring(f.start(), f.end()))
        .toList();
  }

  static void assertFinds(Rule rule, String input, String... expected) {
    assertThat(spans(rule, input)).as("%s in <%s>", rule.id(), input).containsExactly(expected);
  }

  /** The '|' separated expected spans of a table row ("" = none). */
  static String[] expected(String column) {
    return column == null || column.isEmpty() || column.equals("\"\"") ? new String[0] : column.split("\\|");
  }
}
