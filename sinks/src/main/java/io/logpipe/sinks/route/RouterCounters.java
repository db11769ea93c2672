package io.logpipe.sinks.route;

import io.logpipe.sinks.SinkName;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** In-memory {@link RouterMetrics}, thread-safe: for the in-process ({@code local}) mode and for tests. */
public final class RouterCounters implements RouterMetrics {

  private final Map<SinkName, LongAdder> routed = new EnumMap<>(SinkName.class);
  private final Map<Unrouted, LongAdder> unrouted = new EnumMap<>(Unrouted.class);

  public RouterCounters() {
    for (SinkName sink : SinkName.values()) {
      routed.put(sink, new LongAdder());
    }
    for (Unrouted reason : Unrouted.values()) {
      unrouted.put(reason, new LongAdder());
    }
  }

  @Override
  public void routed(SinkName sink) {
    routed.get(sink).increment();
  }

  @Override
  public void unrouted(Unrouted reason) {
    unrouted.get(reason).increment();
  }

  public long routedTo(SinkName sink) {
    return routed.get(sink).sum();
  }

  public long unroutedFor(Unrouted reason) {
    return unrouted.get(reason).sum();
  }
}
