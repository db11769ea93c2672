package io.logpipe.sinks.route;

import io.logpipe.sinks.SinkName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads routing rules from flat settings, one variable per rule field, so that a regular expression never needs
 * escaping inside a mini-language: {@code ROUTER_RULE_ERRORS_SEVERITY=>=ERROR}, {@code ROUTER_RULE_ERRORS_SINKS=loki}.
 * The map given here holds the part after the rule prefix ({@code ERRORS_SEVERITY}); the rule name is everything
 * before the last known field suffix. Rules are kept in name order; every problem is collected, none thrown.
 */
public final class RouteRuleParser {

  /** Fields of a rule, as variable suffixes. */
  enum Field {
    SINKS, NAMESPACE, CONTAINER, SEVERITY, MESSAGE, LABELS
  }

  /** One configuration problem: the variable (after the service prefix) and what is wrong with it. */
  public record Problem(String variable, String message) {
    @Override
    public String toString() {
      return variable + ": " + message;
    }
  }

  /** The outcome: the rules that parsed, and every problem found. */
  public record Result(List<RouteRule> rules, List<Problem> problems) {}

  private final String variablePrefix;

  /** {@code variablePrefix} names variables in problems, e.g. {@code RULE_}. */
  public RouteRuleParser(String variablePrefix) {
    this.variablePrefix = variablePrefix;
  }

  public Result parse(Map<String, String> settings) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Map<Field, String>> byRule = new TreeMap<>();
    settings.forEach((rawKey, value) -> {
      String key = rawKey.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
      Optional<Field> field = fieldOf(key);
      if (field.isEmpty()) {
        problems.add(new Problem(variablePrefix + key,
            "unknown rule field (expected <NAME>_" + Arrays.toString(Field.values()) + ")"));
        return;
      }
      String name = key.substring(0, key.length() - field.get().name().length() - 1);
      byRule.computeIfAbsent(name, n -> new TreeMap<>()).put(field.get(), value);
    });
    List<RouteRule> rules = new ArrayList<>();
    byRule.forEach((name, fields) -> build(name, fields, problems).ifPresent(rules::add));
    return new Result(rules, problems);
  }

  private Optional<RouteRule> build(String name, Map<Field, String> fields, List<Problem> problems) {
    int before = problems.size();
    Set<SinkName> sinks = sinks(variable(name, Field.SINKS), fields.get(Field.SINKS), problems);
    List<Condition> conditions = new ArrayList<>();
    condition(name, fields, Field.NAMESPACE, v -> Conditions.namespace(list(v)), conditions, problems);
    condition(name, fields, Field.CONTAINER, v -> Conditions.container(list(v)), conditions, problems);
    condition(name, fields, Field.SEVERITY, Conditions::severity, conditions, problems);
    condition(name, fields, Field.MESSAGE, Conditions::message, conditions, problems);
    condition(name, fields, Field.LABELS, Conditions::labels, conditions, problems);
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(new RouteRule(name.toLowerCase(Locale.ROOT), conditions, sinks));
  }

  /** Parses a sink list such as {@code loki,s3}; reports unknown names and an empty list under {@code variable}. */
  public static Set<SinkName> sinks(String variable, String value, List<Problem> problems) {
    EnumSet<SinkName> sinks = EnumSet.noneOf(SinkName.class);
    if (value == null || value.isBlank()) {
      problems.add(new Problem(variable, "names no sink (one or more of loki, opensearch, s3)"));
      return sinks;
    }
    for (String name : list(value)) {
      SinkName.parse(name).ifPresentOrElse(sinks::add,
          () -> problems.add(new Problem(variable, "unknown sink '" + name + "' (one of loki, opensearch, s3)")));
    }
    return sinks;
  }

  private void condition(String name, Map<Field, String> fields, Field field, Function<String, Condition> factory,
      List<Condition> conditions, List<Problem> problems) {
    String value = fields.get(field);
    if (value == null) {
      return;
    }
    try {
      conditions.add(factory.apply(value));
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(variable(name, field), e.getMessage()));
    }
  }

  private String variable(String name, Field field) {
    return variablePrefix + name + "_" + field.name();
  }

  private static Optional<Field> fieldOf(String key) {
    return Arrays.stream(Field.values())
        .filter(f -> key.endsWith("_" + f.name()) && key.length() > f.name().length() + 1)
        .findFirst();
  }

  private static List<String> list(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
