package io.logpipe.events.collector;

import io.logpipe.runtime.health.DropReason;
import io.logpipe.runtime.health.ServiceMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The collector's own meters, by intent: records and occurrences emitted, occurrences skipped as too old (the shared
 * {@code logpipe_records_dropped_total{stage="k8s-events",reason="too_old"}}), unreadable state values, failed leader
 * sessions, and gauges for leadership and the number of Events remembered.
 */
public final class EventsMetrics {

  public static final String STAGE = "k8s-events";

  private final ServiceMetrics metrics;
  private final Counter records;
  private final Counter occurrences;
  private final Counter unreadableState;
  private final Counter sessionFailures;
  private final AtomicInteger leader = new AtomicInteger();
  private final AtomicInteger remembered = new AtomicInteger();

  public EventsMetrics(ServiceMetrics metrics) {
    this.metrics = metrics;
    var registry = metrics.registry();
    records = Counter.builder("logpipe.k8s.events.records").description("Event records committed to the output topic")
        .register(registry);
    occurrences = Counter.builder("logpipe.k8s.events.occurrences")
        .description("Event occurrences the committed records stand for").register(registry);
    unreadableState = Counter.builder("logpipe.k8s.events.state.unreadable")
        .description("State topic values that could not be read (treated as absent)").register(registry);
    sessionFailures = Counter.builder("logpipe.k8s.events.session.failures")
        .description("Leader sessions ended by an error (Kafka or API server), then retried").register(registry);
    Gauge.builder("logpipe.k8s.events.leader", leader, AtomicInteger::get)
        .description("1 while this replica holds the lease and emits").register(registry);
    Gauge.builder("logpipe.k8s.events.remembered", remembered, AtomicInteger::get)
        .description("Events whose emitted count the leader remembers").register(registry);
  }

  public ServiceMetrics service() {
    return metrics;
  }

  void committed(int recordCount, long occurrenceCount) {
    records.increment(recordCount);
    occurrences.increment(occurrenceCount);
  }

  void tooOld() {
    metrics.recordsDropped(STAGE, DropReason.TOO_OLD);
  }

  void unreadableState(int count) {
    unreadableState.increment(count);
  }

  void sessionFailed() {
    sessionFailures.increment();
  }

  void leader(boolean isLeader) {
    leader.set(isLeader ? 1 : 0);
  }

  void remembered(int count) {
    remembered.set(count);
  }

  public double recordsCommitted() {
    return records.count();
  }
}
