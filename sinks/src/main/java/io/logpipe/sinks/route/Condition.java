package io.logpipe.sinks.route;

import java.util.function.Predicate;

/** One test of a routing rule; a rule matches when all of its conditions do. */
public interface Condition extends Predicate<RoutingSubject> {

  /** How the condition was written, for the start-up log and error messages. */
  String describe();
}
