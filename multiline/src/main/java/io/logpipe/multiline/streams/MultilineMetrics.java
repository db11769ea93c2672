package io.logpipe.multiline.streams;

import io.logpipe.multiline.assemble.AssemblyMetrics;
import io.logpipe.multiline.assemble.OverflowAction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The stage's own outcomes, one counter {@code logpipe_multiline_outcomes_total{outcome=…}} with a bounded label:
 * {@code truncated}, {@code split}, {@code unparsed}, {@code quiet_flush}. (Unparsed lines are also counted by the
 * runtime's dead-letter counter when they go to the DLQ.)
 */
public final class MultilineMetrics implements AssemblyMetrics {

  public static final String OUTCOMES = "logpipe.multiline.outcomes";

  /** The label values. */
  public enum Outcome { TRUNCATED, SPLIT, UNPARSED, QUIET_FLUSH }

  private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

  public MultilineMetrics(MeterRegistry registry) {
    for (Outcome o : Outcome.values()) {
      counters.put(o, Counter.builder(OUTCOMES).tag("outcome", o.name().toLowerCase(Locale.ROOT))
          .description("Multiline stage outcomes").register(registry));
    }
  }

  @Override
  public void overflow(OverflowAction action) {
    counters.get(action == OverflowAction.SPLIT ? Outcome.SPLIT : Outcome.TRUNCATED).increment();
  }

  @Override
  public void rejected(String reason) {
    counters.get(Outcome.UNPARSED).increment();
  }

  @Override
  public void quietFlush() {
    counters.get(Outcome.QUIET_FLUSH).increment();
  }

  public double count(Outcome o) {
    return counters.get(o).count();
  }
}
