package io.logpipe.deploy;

import io.logpipe.runtime.config.Units;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One row of a configuration table: variable, flag, default, meaning. */
record ConfigurationRow(String variable, String flagCell, String defaultValue, String meaning) {

  /** The long option name of the flag column ({@code `--[no-]kubernetes`} is {@code --kubernetes}). */
  Optional<String> flag() {
    String cell = flagCell.replace("`", "").strip();
    return cell.isEmpty() ? Optional.empty() : Optional.of(cell.split("\\s+")[0].replace("--[no-]", "--"));
  }

  private static final Pattern HEADING = Pattern.compile("^## (.+?)\\s*$");
  private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\|([^|]*)\\|([^|]*)\\|(.*)\\|\\s*$");

  /** Section heading ({@code ## shipper}) → variable → row, for tables with four columns. */
  static Map<String, Map<String, ConfigurationRow>> sections(String markdown) {
    Map<String, Map<String, ConfigurationRow>> sections = new TreeMap<>();
    Map<String, ConfigurationRow> current = null;
    for (String line : markdown.lines().toList()) {
      Matcher h = HEADING.matcher(line);
      if (h.matches()) {
        current = sections.computeIfAbsent(h.group(1), n -> new TreeMap<>());
        continue;
      }
      Matcher r = ROW.matcher(line);
      if (current != null && r.matches()) {
        current.put(r.group(1),
            new ConfigurationRow(r.group(1), r.group(2).strip(), r.group(3).strip(), r.group(4).strip()));
      }
    }
    return sections;
  }

  /** The row whose {@code <NAME>}-shaped variable covers {@code variable}, or null. */
  static ConfigurationRow shaped(Map<String, ConfigurationRow> rows, String variable) {
    return rows.values().stream().filter(row -> row.variable().contains("<"))
        .filter(row -> variable.matches(row.variable().replaceAll("<[A-Z]+>", "[A-Z0-9_]+")))
        .findFirst().orElse(null);
  }

  /**
   * Whether a default as documented ({@code `512KiB`}, {@code `1s`}, {@code none}, {@code required}) is the value
   * the code reports ({@code 524288}, {@code PT1S}, {@code null}, {@code <missing>}). A documented default that
   * is computed ({@code `logpipe-sink-<backend>`}) is not compared; {@code $TMPDIR} is the JVM's temp directory.
   */
  static boolean sameDefault(String documentedDefault, String actual) {
    String doc = documentedDefault.replaceAll("\\s*\\([^)]*\\)$", "").replace("`", "").strip();
    if (actual.equals("<missing>") || actual.equals("<set by the variant>")) {
      return doc.startsWith("required");
    }
    if (doc.contains("<")) {
      return true;
    }
    if (doc.equals("none")) {
      return Set.of("", "null", "[]", "****").contains(actual);
    }
    if (doc.contains("$TMPDIR")) {
      return Path.of(doc.replace("$TMPDIR", System.getProperty("java.io.tmpdir"))).equals(Path.of(actual));
    }
    if (actual.startsWith("P")) {
      try {
        return Units.duration(doc).equals(Optional.of(Duration.parse(actual)));
      } catch (DateTimeParseException e) {
        // not a duration after all: compared as text below
      }
    }
    if (actual.startsWith("[") && actual.endsWith("]")) {
      List<String> items = doc.isEmpty() ? List.of() : List.of(doc.split("\\s*,\\s*"));
      return items.equals(actual.equals("[]") ? List.of() : List.of(actual.substring(1, actual.length() - 1)
          .split(",\\s*")));
    }
    if (actual.matches("\\d+")) {
      return Units.bytes(doc).equals(Optional.of(Long.parseLong(actual)));
    }
    return doc.replace('-', '_').equalsIgnoreCase(actual.replace('-', '_'));
  }
}
