package io.logpipe.redactor;

import io.logpipe.runtime.health.DropReason;
import io.logpipe.runtime.health.ServiceMetrics;
import io.micrometer.core.instrument.Counter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the redactor counts, through intent-named methods: {@code logpipe_redactor_redactions_total{rule}} (one
 * label value per built-in or configured rule: bounded by code and policy, never by data),
 * {@code logpipe_redactor_events_total{outcome}}, and dropped events also as
 * {@code logpipe_records_dropped_total{reason="policy"}}. Never a matched value.
 */
public final class RedactorMetrics {
  public static final String STAGE = "redactor";
  static final String REDACTIONS = "logpipe.redactor.redactions";
  static final String EVENTS = "logpipe.redactor.events";

  /** What happened to an event. */
  public enum Outcome {
    UNCHANGED, REDACTED, FIELD_DROPPED, EVENT_DROPPED;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final ServiceMetrics metrics;
  private final Map<Outcome, Counter> events = new EnumMap<>(Outcome.class);
  private final Map<String, Counter> redactions = new ConcurrentHashMap<>();

  public RedactorMetrics(ServiceMetrics metrics) {
    this.metrics = metrics;
    for (Outcome o : Outcome.values()) {
      events.put(o, Counter.builder(EVENTS).description("Events by what the redactor did with them")
          .tag("outcome", o.label()).register(metrics.registry()));
    }
  }

  /** Counts into a registry of its own: for tests and offline tools. */
  public static RedactorMetrics standalone() {
    return new RedactorMetrics(ServiceMetrics.bare(STAGE));
  }

  public ServiceMetrics service() {
    return metrics;
  }

  public void event(Outcome outcome) {
    events.get(outcome).increment();
    if (outcome == Outcome.EVENT_DROPPED) {
      metrics.recordsDropped(STAGE, DropReason.POLICY);
    }
  }

  /** {@code rule} comes from the policy (built-in or configured), so the label set is bounded. */
  public void redacted(String rule, int count) {
    redactions.computeIfAbsent(rule, r -> Counter.builder(REDACTIONS).description("Redactions made, by rule")
        .tag("rule", r).register(metrics.registry())).increment(count);
  }

  public double redactions(String rule) {
    Counter c = redactions.get(rule);
    return c == null ? 0 : c.count();
  }

  public double events(Outcome outcome) {
    return events.get(outcome).count();
  }
}
