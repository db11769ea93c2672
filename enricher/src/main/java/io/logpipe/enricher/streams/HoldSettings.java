package io.logpipe.enricher.streams;

import java.time.Duration;

/**
 * How events of a pod not in the cache yet are held (issue 5, "Misses").
 *
 * @param maxWait how long an event waits for its pod before it goes on with {@code metadata_missing}
 * @param retryEvery how often held events are retried (wall-clock punctuator)
 * @param maxHeld how many events may be held at once per task; past it a stream's held events go on unheld
 */
public record HoldSettings(Duration maxWait, Duration retryEvery, int maxHeld) {

  public static final HoldSettings DEFAULTS = new HoldSettings(Duration.ofSeconds(5), Duration.ofSeconds(1), 10_000);

  public HoldSettings {
    if (maxWait.isNegative() || retryEvery.isNegative() || retryEvery.isZero() || maxHeld < 0) {
      throw new IllegalArgumentException("hold settings must be positive: " + maxWait + ", " + retryEvery + ", "
          + maxHeld);
    }
  }
}
