package io.logpipe.enricher;

import io.logpipe.enricher.body.BodyParser;
import io.logpipe.runtime.health.DropReason;
import io.logpipe.runtime.health.ServiceMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the enricher counts, through intent-named methods: one counter {@code logpipe_enricher_events_total} with a
 * bounded {@code outcome} label, excluded pods also as {@code logpipe_records_dropped_total{reason="excluded"}},
 * and gauges for the cache and the events held.
 */
public final class EnricherMetrics {

  public static final String STAGE = "enricher";
  static final String EVENTS = "logpipe.enricher.events";

  /** What happened to an event. */
  public enum Outcome {
    /** Passed on with its pod's metadata. */
    ENRICHED,
    /** Passed on with only what its path tells ({@code metadata_missing}). */
    METADATA_MISSING,
    /** Passed on with what its path tells, no API being configured (local mode). */
    PATH_ONLY,
    /** Held because its pod was not known yet (may still end as either of the above). */
    HELD,
    /** Passed on at once, unheld, because the hold was full (then metadata_missing). */
    HOLD_FULL,
    /** Dropped: its pod asks for exclusion. */
    EXCLUDED,
    /** Its body was cut to the parsing limits. */
    BODY_TRUNCATED,
    /** Its pod's parser hint could not read it. */
    BODY_UNPARSED;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final ServiceMetrics metrics;
  private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

  public EnricherMetrics(ServiceMetrics metrics) {
    this.metrics = metrics;
    for (Outcome o : Outcome.values()) {
      counters.put(o, Counter.builder(EVENTS).description("Events by what the enricher did with them")
          .tag("outcome", o.label()).register(metrics.registry()));
    }
  }

  /** Counts into a registry of its own: for tests and offline tools. */
  public static EnricherMetrics standalone() {
    return new EnricherMetrics(ServiceMetrics.bare(STAGE));
  }

  public void enriched() {
    counters.get(Outcome.ENRICHED).increment();
  }

  public void metadataMissing() {
    counters.get(Outcome.METADATA_MISSING).increment();
  }

  public void pathOnly() {
    counters.get(Outcome.PATH_ONLY).increment();
  }

  public void held() {
    counters.get(Outcome.HELD).increment();
  }

  public void holdFull() {
    counters.get(Outcome.HOLD_FULL).increment();
  }

  public void excluded() {
    counters.get(Outcome.EXCLUDED).increment();
    metrics.recordsDropped(STAGE, DropReason.EXCLUDED);
  }

  public void bodyFlag(String flag) {
    if (BodyParser.FLAG_TRUNCATED.equals(flag)) {
      counters.get(Outcome.BODY_TRUNCATED).increment();
    } else if (BodyParser.FLAG_UNPARSED.equals(flag)) {
      counters.get(Outcome.BODY_UNPARSED).increment();
    }
  }

  /** Reports a number read when scraped, e.g. the pods in the cache ({@code logpipe_enricher_<name>}). */
  public void gauge(String name, String description, Supplier<Number> value) {
    Gauge.builder("logpipe.enricher." + name, value).description(description).register(metrics.registry());
  }

  public double count(Outcome outcome) {
    return counters.get(outcome).count();
  }
}
