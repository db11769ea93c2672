package io.logpipe.sinks.route;

import io.logpipe.schemas.LogEvent;
import io.logpipe.sinks.SinkName;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The router's decision: every matching rule adds its sinks (an event can go to several backends, as with
 * Vector's {@code route} transform); when no rule matches, the default sinks apply; when those are empty too,
 * the event is unrouted (counted by the step, never silently lost).
 */
public record RoutingTable(List<RouteRule> rules, Set<SinkName> defaultSinks) {

  public RoutingTable {
    rules = List.copyOf(rules);
    defaultSinks = defaultSinks.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(defaultSinks));
  }

  /** The sinks of one record, empty when unrouted. {@code key} is the stream key (used when not enriched). */
  public Set<SinkName> route(String key, LogEvent event) {
    return route(RoutingSubject.of(key, event));
  }

  public Set<SinkName> route(RoutingSubject subject) {
    EnumSet<SinkName> sinks = EnumSet.noneOf(SinkName.class);
    boolean matched = false;
    for (RouteRule rule : rules) {
      if (rule.matches(subject)) {
        matched = true;
        sinks.addAll(rule.sinks());
      }
    }
    return matched ? sinks : defaultSinks;
  }

  /** Every sink some event could reach: the router writes to exactly these topics. */
  public Set<SinkName> reachableSinks() {
    EnumSet<SinkName> all = EnumSet.noneOf(SinkName.class);
    all.addAll(defaultSinks);
    rules.forEach(r -> all.addAll(r.sinks()));
    return all;
  }
}
