package io.logpipe.redactor.policy;

import io.logpipe.redactor.scan.CustomPattern;
import io.logpipe.redactor.scan.KeyClassifier;
import io.logpipe.redactor.scan.PiiScanner;
import io.logpipe.redactor.scan.Rule;
import io.logpipe.redactor.scan.ScanConfig;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One namespace's redaction policy: the action for each rule (rules set to {@code off} do not run),
 * the sensitive key names, and custom patterns. Immutable; builds its scanner once.
 */
public final class Policy {
  private final Map<String, Action> actions;
  private final Map<String, Rule> sensitiveKeys;
  private final List<CustomPattern> custom;
  private final KeyClassifier keys;
  private final PiiScanner scanner;

  public Policy(Map<String, Action> actions, Map<String, Rule> sensitiveKeys, List<CustomPattern> custom) {
    this.actions = Map.copyOf(actions);
    this.sensitiveKeys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sensitiveKeys));
    this.custom = List.copyOf(custom);
    this.keys = new KeyClassifier(this.sensitiveKeys);
    EnumSet<Rule> on = EnumSet.noneOf(Rule.class);
    for (Rule r : Rule.values()) {
      if (action(r.id()) != Action.OFF) {
        on.add(r);
      }
    }
    List<CustomPattern> active = this.custom.stream().filter(c -> action(c.rule()) != Action.OFF).toList();
    this.scanner = new PiiScanner(new ScanConfig(on, keys, active));
  }

  /** The default policy: the first list masked, the opt-in list off. */
  public static Policy defaults() {
    return new Policy(defaultActions(), KeyClassifier.DEFAULT_PHRASES, List.of());
  }

  public static Map<String, Action> defaultActions() {
    Map<String, Action> m = new LinkedHashMap<>();
    for (Rule r : Rule.values()) {
      m.put(r.id(), r.onByDefault() ? Action.MASK : Action.OFF);
    }
    return m;
  }

  public Action action(String rule) {
    return actions.getOrDefault(rule, Action.OFF);
  }

  public Map<String, Action> actions() {
    return actions;
  }

  public Map<String, Rule> sensitiveKeys() {
    return sensitiveKeys;
  }

  public List<CustomPattern> custom() {
    return custom;
  }

  public PiiScanner scanner() {
    return scanner;
  }

  /** The rule for values of a structured field named {@code key}, when that rule is active. */
  public Optional<Rule> sensitiveKey(String key) {
    return keys.classify(key).filter(r -> action(r.id()) != Action.OFF);
  }

  public boolean usesHashing() {
    return actions.containsValue(Action.HASH);
  }
}
