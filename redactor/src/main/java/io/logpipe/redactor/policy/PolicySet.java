package io.logpipe.redactor.policy;

import java.util.Map;
import java.util.Objects;

/** The default policy and the per-namespace overrides (each a complete policy, merged at load time). */
public record PolicySet(Policy defaultPolicy, Map<String, Policy> namespaces) {
  public PolicySet {
    Objects.requireNonNull(defaultPolicy, "defaultPolicy");
    namespaces = Map.copyOf(namespaces);
  }

  public static PolicySet defaults() {
    return new PolicySet(Policy.defaults(), Map.of());
  }

  /** The policy for events of a namespace; null or unknown namespaces get the default. */
  public Policy forNamespace(String namespace) {
    if (namespace == null) {
      return defaultPolicy;
    }
    return namespaces.getOrDefault(namespace, defaultPolicy);
  }

  public boolean usesHashing() {
    return defaultPolicy.usesHashing() || namespaces.values().stream().anyMatch(Policy::usesHashing);
  }
}
