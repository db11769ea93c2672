package io.logpipe.sinks.worker;

import java.time.Duration;

/**
 * When a partition's pending records become a batch: at {@code maxRecords}, at {@code maxBytes} of encoded
 * values, or {@code maxAge} after its first record arrived, whichever comes first. Grouping records into objects
 * or requests is the sink's business; this only bounds how much waits, and for how long.
 */
public record BatchPolicy(int maxRecords, long maxBytes, Duration maxAge) {

  public static final BatchPolicy DEFAULT = new BatchPolicy(10_000, 8L << 20, Duration.ofSeconds(10));

  public BatchPolicy {
    if (maxRecords < 1 || maxBytes < 1 || maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("batch limits must be positive: " + maxRecords + " records, " + maxBytes
          + " bytes, " + maxAge);
    }
  }
}
