package io.logpipe.sinks.route;

import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.runtime.streams.StageSettings;
import io.logpipe.sinks.SinkName;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The router's settings, env prefix {@code ROUTER_} (see the module README for the table). Rules come one variable
 * per field, {@code ROUTER_RULE_<NAME>_<FIELD>} (or {@code rule: {<name>: {<field>: ...}}} in YAML), and are all
 * validated at start: one bad rule stops the service with every problem listed.
 */
public record RouterConfig(StageSettings stage, RoutingTable routing) {

  public static final String PREFIX = "ROUTER";
  /** Without rules, the default route fans every event out to every backend. */
  public static final List<String> DEFAULT_SINKS = List.of("loki", "opensearch", "s3");

  public static RouterConfig read(ConfigReader r) {
    StageSettings stage = StageSettings.read(r, RouterServiceMetrics.STAGE);

    List<RouteRuleParser.Problem> problems = new ArrayList<>();
    List<String> defaults = r.list("DEFAULT_SINKS", DEFAULT_SINKS);
    Set<SinkName> defaultSinks = defaults.isEmpty() ? EnumSet.noneOf(SinkName.class)
        : RouteRuleParser.sinks("DEFAULT_SINKS", String.join(",", defaults), problems);
    RouteRuleParser.Result rules = new RouteRuleParser("RULE_").parse(r.prefixed("RULE_"));
    problems.addAll(rules.problems());
    problems.forEach(p -> r.check(false, p.variable(), p.message()));
    r.check(!defaultSinks.isEmpty() || !rules.rules().isEmpty(), "DEFAULT_SINKS",
        "is empty and no rule is configured: every event would be unrouted");
    r.done();
    return new RouterConfig(stage, new RoutingTable(rules.rules(), defaultSinks));
  }

  /** The rules and default route, one per line, for the start-up log. */
  public String describeRouting() {
    StringBuilder text = new StringBuilder();
    routing.rules().forEach(rule -> text.append(rule.describe()).append('\n'));
    text.append("default -> ").append(routing.defaultSinks().stream().map(SinkName::id).sorted().toList());
    return text.toString();
  }
}
