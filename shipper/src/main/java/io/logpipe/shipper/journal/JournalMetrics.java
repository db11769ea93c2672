package io.logpipe.shipper.journal;

import io.logpipe.runtime.health.Reason;
import io.logpipe.runtime.health.ServiceMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The journal source's meters: entries committed, batches, and every restart of journalctl or Kafka by reason. */
final class JournalMetrics {

  /** Why the journal source started over (journalctl again from the committed cursor). */
  enum Restart { JOURNALCTL_MISSING, JOURNALCTL_EXITED, KAFKA }

  /** Entries not shipped: a JSON line over the size limit, or a line that is not a journal entry. */
  enum Drop implements Reason {
    TOO_LARGE, NOT_AN_ENTRY;

    @Override
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static final String STAGE = "shipper";

  private final ServiceMetrics metrics;
  private final Counter entries;
  private final Counter batches;
  private final Map<Restart, Counter> restarts = new EnumMap<>(Restart.class);

  JournalMetrics(ServiceMetrics metrics) {
    this.metrics = metrics;
    MeterRegistry r = metrics.registry();
    entries = Counter.builder("logpipe.shipper.journal.entries").description("Journal entries committed").register(r);
    batches = Counter.builder("logpipe.shipper.journal.batches").description("Journal transactions").register(r);
    for (Restart why : Restart.values()) {
      restarts.put(why, Counter.builder("logpipe.shipper.journal.restarts")
          .description("journalctl restarted from the committed cursor, by reason")
          .tag("reason", why.name().toLowerCase(Locale.ROOT)).register(r));
    }
    for (Drop d : Drop.values()) {
      metrics.recordsDropped(STAGE, d, 0);
    }
  }

  void committed(int count) {
    entries.increment(count);
    batches.increment();
  }

  void restarted(Restart why) {
    restarts.get(why).increment();
  }

  double restarts(Restart why) {
    return restarts.get(why).count();
  }

  void dropped(Drop why) {
    metrics.recordsDropped(STAGE, why);
  }
}
