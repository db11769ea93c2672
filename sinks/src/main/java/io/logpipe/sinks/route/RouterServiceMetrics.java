package io.logpipe.sinks.route;

import io.logpipe.runtime.health.ServiceMetrics;
import io.logpipe.sinks.SinkName;
import io.micrometer.core.instrument.Counter;
import java.util.EnumMap;
import java.util.Map;

/**
 * The router's counts in the service registry: {@code logpipe_router_routed_total{sink}} per sink topic, and the
 * unrouted in the shared {@code logpipe_records_dropped_total{stage="router",reason}}.
 */
public final class RouterServiceMetrics implements RouterMetrics {

  static final String STAGE = "router";

  private final ServiceMetrics metrics;
  private final Map<SinkName, Counter> routed = new EnumMap<>(SinkName.class);

  public RouterServiceMetrics(ServiceMetrics metrics) {
    this.metrics = metrics;
    for (SinkName sink : SinkName.values()) {
      routed.put(sink, Counter.builder("logpipe.router.routed").tag("sink", sink.id())
          .description("Events written to a sink topic").register(metrics.registry()));
    }
  }

  @Override
  public void routed(SinkName sink) {
    routed.get(sink).increment();
  }

  @Override
  public void unrouted(Unrouted reason) {
    metrics.recordsDropped(STAGE, reason);
  }
}
