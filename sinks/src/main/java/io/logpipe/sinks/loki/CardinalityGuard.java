package io.logpipe.sinks.loki;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Keeps each label's distinct values bounded (issue 7): within a window, a label may take {@code maxValues}
 * distinct values; a further new value is folded into {@link #OVERFLOW} and counted, so one chatty label cannot
 * explode Loki's streams. The window restarts on the clock, forgetting what it saw. Memory is bounded by
 * labels × maxValues.
 */
final class CardinalityGuard {

  static final String OVERFLOW = "_overflow";

  private final int maxValues;
  private final Duration window;
  private final InstantSource clock;
  private final Map<String, Set<String>> seen = new HashMap<>();
  private Instant windowStart;
  private long folded;

  CardinalityGuard(int maxValues, Duration window, InstantSource clock) {
    this.maxValues = maxValues;
    this.window = window;
    this.clock = clock;
    this.windowStart = clock.instant();
  }

  /** The value to use for {@code label}: itself while the bound holds, else {@link #OVERFLOW}. */
  String admit(String label, String value) {
    Instant now = clock.instant();
    if (!now.isBefore(windowStart.plus(window))) {
      seen.clear();
      windowStart = now;
    }
    Set<String> values = seen.computeIfAbsent(label, l -> new HashSet<>());
    if (values.contains(value) || values.size() < maxValues && values.add(value)) {
      return value;
    }
    folded++;
    return OVERFLOW;
  }

  /** Values folded into {@link #OVERFLOW} since start. */
  long folded() {
    return folded;
  }
}
