package io.logpipe.sinks.worker;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Capped exponential back-off with "equal jitter": attempt n waits between half and all of
 * {@code min(max, initial * 2^n)}, so retries of many workers spread out but never come back at once, and never
 * wait longer than {@code max}.
 */
public record RetryBackoff(Duration initial, Duration max, RandomGenerator random) {

  public static RetryBackoff of(Duration initial, Duration max) {
    return new RetryBackoff(initial, max, RandomGenerator.getDefault());
  }

  public RetryBackoff {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("retry back-off needs 0 < initial <= max: " + initial + ", " + max);
    }
  }

  /** The delay before retry number {@code attempt} (0 for the first retry). */
  public Duration delay(int attempt) {
    long ceiling = initial.toMillis() << Math.min(attempt, 30);
    long capped = Math.min(max.toMillis(), ceiling <= 0 ? Long.MAX_VALUE : ceiling);
    long half = capped / 2;
    return Duration.ofMillis(half + random.nextLong(capped - half + 1));
  }
}
