package io.logpipe.multiline.detect;

import java.util.List;

/**
 * Chooses the detector for a container stream: the first {@link UserRule} that selects it (replacing or extending the
 * built-ins), else the built-ins, or none at all when built-ins are off (each line is then its own event).
 */
public final class Detectors {

  private final List<UserRule> rules;
  private final boolean builtins;

  public Detectors(List<UserRule> rules, boolean builtins) {
    this.rules = List.copyOf(rules);
    this.builtins = builtins;
  }

  /** The same user rules with the built-in detectors switched off. */
  public Detectors withoutBuiltins() {
    return new Detectors(rules, false);
  }

  public static Detectors builtinsOnly() {
    return new Detectors(List.of(), true);
  }

  public Detector forStream(String namespace, String pod, String container) {
    for (UserRule r : rules) {
      if (r.selects(namespace, pod, container)) {
        UserRuleDetector user = new UserRuleDetector(r);
        return r.mode() == UserRule.Mode.REPLACE || !builtins ? user : new CompositeDetector(user, Language.all());
      }
    }
    return builtins ? Language.all() : new StateMachineDetector(List.of());
  }
}
