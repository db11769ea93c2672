package io.logpipe.multiline.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads user rules from a JSON file, validating all of it and reporting every problem at once:
 * <pre>{@code
 * {"builtins": true,
 *  "rules": [{"name": "elastic", "namespace": "search", "pod": "es-.*", "container": "elasticsearch",
 *             "mode": "extend", "start": "^\\[", "continue": "^\\s+", "end": null}]}
 * }</pre>
 * The first rule that selects a container stream applies to it.
 */
public final class RulesFile {

  private static final Set<String> TOP = Set.of("builtins", "rules");
  private static final Set<String> RULE = Set.of("name", "namespace", "pod", "container", "mode", "start",
      "continue", "end");

  private RulesFile() {
  }

  /** Reads and validates; throws with every problem listed. */
  public static Detectors read(Path file) {
    List<String> problems = new ArrayList<>();
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new IllegalArgumentException("rules file " + file + ": " + e.getMessage(), e);
    }
    Detectors d = parse(root, problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("rules file " + file + ":\n  " + String.join("\n  ", problems));
    }
    return d;
  }

  static Detectors parse(JsonNode root, List<String> problems) {
    if (root == null || !root.isObject()) {
      problems.add("must be a JSON object with 'rules' (and optionally 'builtins')");
      return Detectors.builtinsOnly();
    }
    unknownKeys(root, TOP, "top level", problems);
    boolean builtins = !root.has("builtins") || root.get("builtins").asBoolean(true);
    List<UserRule> rules = new ArrayList<>();
    JsonNode list = root.path("rules");
    if (!list.isMissingNode() && !list.isArray()) {
      problems.add("'rules' must be an array");
    }
    int i = 0;
    for (JsonNode r : list.isArray() ? list : List.<JsonNode>of()) {
      String name = text(r, "name", "#" + i);
      unknownKeys(r, RULE, "rule '" + name + "'", problems);
      UserRule.of(name, text(r, "namespace", null), text(r, "pod", null), text(r, "container", null),
          text(r, "mode", null), text(r, "start", null), text(r, "continue", null), text(r, "end", null), problems)
          .ifPresent(rules::add);
      i++;
    }
    return new Detectors(rules, builtins);
  }

  private static void unknownKeys(JsonNode node, Set<String> known, String where, List<String> problems) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!known.contains(k)) {
        problems.add(where + ": unknown key '" + k + "' (known: " + known + ")");
      }
    }
  }

  private static String text(JsonNode n, String key, String dflt) {
    JsonNode v = n.get(key);
    return v == null || v.isNull() ? dflt : v.asText();
  }
}
