package io.logpipe.redactor.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.logpipe.redactor.scan.CustomPattern;
import io.logpipe.redactor.scan.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a policy file (YAML, documented with examples in the module README):
 *
 * <pre>
 * default:                 # applies to every namespace
 *   rules: {email: hash, ipv4: mask, phone: off}
 *   sensitiveKeys: {pin: password}
 *   custom:
 *     - {rule: order_ref, pattern: 'ORD-[0-9]{8}', action: mask}
 * namespaces:
 *   payments:              # merged over default
 *     rules: {pan: drop_event}
 * </pre>
 *
 * Rules not mentioned keep the built-in default (first list masked, opt-in list off). Every
 * problem in the file is reported at once.
 */
public final class PolicyFile {
  private static final Set<String> TOP = Set.of("default", "namespaces");
  private static final Set<String> SECTION = Set.of("rules", "sensitiveKeys", "custom");
  private static final Set<String> CUSTOM = Set.of("rule", "pattern", "action");
  private static final int MAX_PATTERN = 1000;

  private PolicyFile() {
  }

  public static PolicySet read(Path file) throws IOException {
    return parse(Files.readString(file));
  }

  public static PolicySet parse(String yaml) {
    List<String> problems = new ArrayList<>();
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new PolicyException(List.of("not valid YAML: " + e.getOriginalMessage()));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return PolicySet.defaults();
    }
    if (!root.isObject()) {
      throw new PolicyException(List.of("the policy must be a mapping with 'default' and/or 'namespaces'"));
    }
    unknownFields(root, TOP, "", problems);
    Section base = new Section(Policy.defaultActions(), new LinkedHashMap<>(io.logpipe.redactor.scan.KeyClassifier.DEFAULT_PHRASES),
        new ArrayList<>());
    base.merge(root.path("default"), "default", problems);
    Map<String, Section> namespaces = new LinkedHashMap<>();
    JsonNode ns = root.path("namespaces");
    if (!ns.isMissingNode() && !ns.isObject()) {
      problems.add("namespaces: must be a mapping of namespace to policy");
    } else {
      for (Map.Entry<String, JsonNode> e : ns.properties()) {
        Section section = base.copy();
        section.merge(e.getValue(), "namespaces." + e.getKey(), problems);
        namespaces.put(e.getKey(), section);
      }
    }
    if (!problems.isEmpty()) {
      throw new PolicyException(problems);
    }
    Map<String, Policy> policies = new LinkedHashMap<>();
    namespaces.forEach((name, section) -> policies.put(name, section.toPolicy()));
    return new PolicySet(base.toPolicy(), policies);
  }

  private static void unknownFields(JsonNode node, Set<String> allowed, String where, List<String> problems) {
    node.fieldNames().forEachRemaining(name -> {
      if (!allowed.contains(name)) {
        problems.add(where + name + ": unknown field (expected one of " + allowed + ")");
      }
    });
  }

  /** A policy being assembled: built-in defaults, then default:, then the namespace's section. */
  private record Section(Map<String, Action> actions, Map<String, Rule> keys, List<CustomPattern> custom) {
    Section copy() {
      return new Section(new LinkedHashMap<>(actions), new LinkedHashMap<>(keys), new ArrayList<>(custom));
    }

    Policy toPolicy() {
      return new Policy(actions, keys, custom);
    }

    void merge(JsonNode node, String where, List<String> problems) {
      if (node.isMissingNode() || node.isNull()) {
        return;
      }
      if (!node.isObject()) {
        problems.add(where + ": must be a mapping with rules, sensitiveKeys and/or custom");
        return;
      }
      unknownFields(node, SECTION, where + ".", problems);
      mergeCustom(node.path("custom"), where + ".custom", problems);
      node.path("rules").properties().forEach(e -> {
        String rule = e.getKey();
        boolean known = Rule.byId(rule).isPresent() || custom.stream().anyMatch(c -> c.rule().equals(rule));
        if (!known) {
          problems.add(where + ".rules." + rule + ": unknown rule (built-in: " + builtInIds() + ")");
        }
        Action.parse(actionText(e.getValue())).ifPresentOrElse(a -> actions.put(rule, a),
            () -> problems.add(where + ".rules." + rule + ": unknown action '" + e.getValue().asText()
                + "' (mask, hash, drop_field, drop_event, off)"));
      });
      node.path("sensitiveKeys").properties().forEach(e -> Rule.byId(e.getValue().asText()).ifPresentOrElse(
          r -> keys.put(e.getKey(), r),
          () -> problems.add(where + ".sensitiveKeys." + e.getKey() + ": unknown rule '" + e.getValue().asText() + "'")));
    }

    private void mergeCustom(JsonNode list, String where, List<String> problems) {
      if (list.isMissingNode()) {
        return;
      }
      if (!list.isArray()) {
        problems.add(where + ": must be a list of {rule, pattern, action}");
        return;
      }
      for (int k = 0; k < list.size(); k++) {
        JsonNode item = list.get(k);
        String at = where + "[" + k + "]";
        unknownFields(item, CUSTOM, at + ".", problems);
        String rule = item.path("rule").asText("");
        String pattern = item.path("pattern").asText("");
        if (!rule.matches("[a-z][a-z0-9_]{0,39}") || Rule.byId(rule).isPresent()) {
          problems.add(at + ".rule: '" + rule + "' must be a new name of lower-case letters, digits and '_'");
          continue;
        }
        if (pattern.isEmpty() || pattern.length() > MAX_PATTERN) {
          problems.add(at + ".pattern: required, at most " + MAX_PATTERN + " characters");
          continue;
        }
        try {
          custom.add(new CustomPattern(rule, Pattern.compile(pattern)));
        } catch (PatternSyntaxException e) {
          problems.add(at + ".pattern: " + e.getDescription());
          continue;
        }
        String action = item.path("action").asText("mask");
        Action.parse(action).ifPresentOrElse(a -> actions.put(rule, a),
            () -> problems.add(at + ".action: unknown action '" + action + "'"));
      }
    }

    /** YAML 1.1 reads an unquoted {@code off} as false: accept it as "off". */
    private static String actionText(JsonNode value) {
      return value.isBoolean() ? (value.asBoolean() ? "mask" : "off") : value.asText();
    }

    private static List<String> builtInIds() {
      return java.util.Arrays.stream(Rule.values()).map(Rule::id).toList();
    }
  }
}
