package io.logpipe.redactor.scan;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Which rules a {@link PiiScanner} runs, the key names it treats as sensitive, and custom patterns. */
public record ScanConfig(Set<Rule> rules, KeyClassifier keys, List<CustomPattern> custom) {
  public ScanConfig {
    rules = rules.isEmpty() ? EnumSet.noneOf(Rule.class) : EnumSet.copyOf(rules);
    Objects.requireNonNull(keys, "keys");
    custom = List.copyOf(custom);
  }

  /** The default policy: every rule of the first list, none of the opt-in ones. */
  public static ScanConfig defaults() {
    EnumSet<Rule> on = EnumSet.noneOf(Rule.class);
    for (Rule r : Rule.values()) {
      if (r.onByDefault()) {
        on.add(r);
      }
    }
    return new ScanConfig(on, KeyClassifier.defaultClassifier(), List.of());
  }

  public static ScanConfig only(Set<Rule> rules) {
    return new ScanConfig(rules, KeyClassifier.defaultClassifier(), List.of());
  }

  public static ScanConfig all() {
    return only(EnumSet.allOf(Rule.class));
  }
}
