package io.logpipe.sinks.route;

import io.logpipe.runtime.streams.Terminal;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.Topic;
import io.logpipe.sinks.SinkName;
import java.util.Set;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The router (issue 7): sends each event to the sink topic of every backend its rules choose. Stateless, so it
 * is a plain chain of named DSL processors: decide once per event, drop (and count) the unrouted, then one
 * filter and one sink node per reachable backend. The key is kept, so per-container order holds in every sink
 * topic (same key, same partition count).
 */
public final class RouterStep implements Terminal<LogEvent> {

  private final RoutingTable table;
  private final RouterMetrics metrics;

  public RouterStep(RoutingTable table, RouterMetrics metrics) {
    this.table = table;
    this.metrics = metrics;
  }

  /** The router of a configuration (run it with {@code StageTopology.ending(Topics.REDACTED, step)}). */
  public static RouterStep of(RouterConfig config, RouterMetrics metrics) {
    return new RouterStep(config.routing(), metrics);
  }

  @Override
  public void apply(KStream<String, LogEvent> input) {
    KStream<String, Routed> routed = input
        .filter((key, event) -> countEmpty(event), Named.as("router-skip-empty"))
        .mapValues((key, event) -> new Routed(event, table.route(key, event)), Named.as("router-decide"))
        .filter((key, decision) -> countUnrouted(decision), Named.as("router-skip-unrouted"));
    for (SinkName sink : table.reachableSinks()) {
      Topic<String, LogEvent> topic = sink.topic();
      routed
          .filter((key, decision) -> decision.sinks().contains(sink), Named.as("router-select-" + sink.id()))
          .mapValues((key, decision) -> countRouted(sink, decision), Named.as("router-event-" + sink.id()))
          .to(topic.name(), Produced.with(topic.keySerde(), topic.valueSerde()).withName("router-to-" + sink.id()));
    }
  }

  private boolean countEmpty(LogEvent event) {
    if (event == null) {
      metrics.unrouted(RouterMetrics.Unrouted.EMPTY_RECORD);
      return false;
    }
    return true;
  }

  private boolean countUnrouted(Routed decision) {
    if (decision.sinks().isEmpty()) {
      metrics.unrouted(RouterMetrics.Unrouted.UNROUTED);
      return false;
    }
    return true;
  }

  private LogEvent countRouted(SinkName sink, Routed decision) {
    metrics.routed(sink);
    return decision.event();
  }

  /** An event with its decision, only between the router's own processors (never serialised). */
  private record Routed(LogEvent event, Set<SinkName> sinks) {}
}
