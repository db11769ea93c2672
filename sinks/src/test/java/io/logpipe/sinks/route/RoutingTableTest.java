package io.logpipe.sinks.route;

import static io.logpipe.sinks.SinkName.LOKI;
import static io.logpipe.sinks.SinkName.OPENSEARCH;
import static io.logpipe.sinks.SinkName.S3;
import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.sinks.SinkName;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutingTableTest {

  private final RouteRule errors = new RouteRule("errors", List.of(Conditions.severity(">=ERROR")), Set.of(LOKI));
  private final RouteRule payments =
      new RouteRule("payments", List.of(Conditions.namespace(List.of("payments"))), Set.of(OPENSEARCH, LOKI));

  @Test
  void sendsAnEventToTheUnionOfEveryMatchingRule() {
    RoutingTable table = new RoutingTable(List.of(errors, payments), Set.of(S3));
    var event = Events.enriched("payments", "server", "ERROR", "boom", Map.of());

    assertThat(table.route(Events.KEY, event)).containsExactlyInAnyOrder(LOKI, OPENSEARCH);
  }

  @Test
  void usesTheDefaultRouteWhenNoRuleMatches() {
    RoutingTable table = new RoutingTable(List.of(errors, payments), Set.of(S3));
    var event = Events.enriched("shop", "server", "INFO", "ok", Map.of());

    assertThat(table.route(Events.KEY, event)).containsExactly(S3);
  }

  @Test
  void leavesAnEventUnroutedWhenNothingMatchesAndTheDefaultIsEmpty() {
    RoutingTable table = new RoutingTable(List.of(errors), Set.of());

    assertThat(table.route(Events.KEY, Events.enriched("shop", "server", "INFO", "ok", Map.of()))).isEmpty();
  }

  @Test
  void routesUnenrichedEventsByTheNamespaceInTheirKey() {
    RoutingTable table = new RoutingTable(List.of(payments), Set.of(S3));

    assertThat(table.route(Events.KEY, Events.bare("no metadata"))).containsExactlyInAnyOrder(LOKI, OPENSEARCH);
    assertThat(table.route("not-a-stream-key", Events.bare("no metadata"))).containsExactly(S3);
  }

  @Test
  void reachesTheDefaultAndEveryRuleSink() {
    RoutingTable table = new RoutingTable(List.of(errors), Set.of(S3));

    assertThat(table.reachableSinks()).containsExactlyInAnyOrder(LOKI, S3);
    assertThat(new RoutingTable(List.of(), Set.of(SinkName.values())).reachableSinks()).hasSize(3);
  }
}
