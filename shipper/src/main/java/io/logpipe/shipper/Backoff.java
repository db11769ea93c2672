package io.logpipe.shipper;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Capped, jittered exponential back-off between reconnection attempts (DESIGN.md, "Three failure paths"). */
public final class Backoff {

  private final Duration first;
  private final Duration max;
  private Duration next;

  public Backoff(Duration first, Duration max) {
    this.first = first;
    this.max = max;
    this.next = first;
  }

  /** The wait before the next attempt: the current step with ±50% jitter; the step then doubles, up to the cap. */
  public Duration next() {
    long base = next.toMillis();
    next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
    return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base + 1));
  }

  public void reset() {
    next = first;
  }
}
