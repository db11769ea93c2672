package io.logpipe.sinks.route;

import io.logpipe.sinks.SinkName;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A named routing rule: when every condition holds, the event goes to each of {@code sinks}. A rule with no
 * conditions matches every event (useful as "everything also to S3").
 */
public record RouteRule(String name, List<Condition> conditions, Set<SinkName> sinks) {

  public RouteRule {
    conditions = List.copyOf(conditions);
    sinks = Set.copyOf(sinks);
    if (sinks.isEmpty()) {
      throw new IllegalArgumentException("rule '" + name + "' names no sink");
    }
  }

  public boolean matches(RoutingSubject subject) {
    for (Condition condition : conditions) {
      if (!condition.test(subject)) {
        return false;
      }
    }
    return true;
  }

  /** E.g. {@code errors: severity>=ERROR namespace=payments-* -> [loki, opensearch]}. */
  public String describe() {
    String when = conditions.isEmpty() ? "always"
        : conditions.stream().map(Condition::describe).collect(Collectors.joining(" "));
    return name + ": " + when + " -> " + sinks.stream().map(SinkName::id).sorted().toList();
  }
}
