package io.logpipe.sinks.worker;

import java.util.concurrent.atomic.LongAdder;

/** What a worker has done so far, readable from any thread (the {@code local} mode's summary, metrics). */
public final class SinkStats {

  private final LongAdder delivered = new LongAdder();
  private final LongAdder deadLettered = new LongAdder();
  private final LongAdder batches = new LongAdder();
  private final LongAdder retries = new LongAdder();

  void batchDelivered(int events, int rejected) {
    delivered.add(events);
    deadLettered.add(rejected);
    batches.increment();
  }

  void retried() {
    retries.increment();
  }

  /** Events the backend confirmed and whose offsets were committed. */
  public long delivered() {
    return delivered.sum();
  }

  /** Records sent to the dead-letter topic (undecodable, or refused by the backend for good). */
  public long deadLettered() {
    return deadLettered.sum();
  }

  public long batches() {
    return batches.sum();
  }

  /** Batches that failed transiently and were scheduled again. */
  public long retries() {
    return retries.sum();
  }

  @Override
  public String toString() {
    return "delivered=" + delivered() + " deadLettered=" + deadLettered() + " batches=" + batches() + " retries="
        + retries();
  }
}
