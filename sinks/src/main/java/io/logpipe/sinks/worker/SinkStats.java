package io.logpipe.sinks.worker;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/** What a worker has done so far, readable from any thread (the {@code local} mode's summary, metrics). */
public final class SinkStats {

  /** Time of writing one batch to the backend until it confirmed (write and flush of the attempt that succeeded). */
  public static final String WRITE = "logpipe.sink.write";
  /** Events the backend confirmed and whose offsets were committed. */
  public static final String DELIVERED = "logpipe.sink.events.delivered";
  /** Batches that failed transiently and were scheduled again. */
  public static final String RETRIES = "logpipe.sink.retries";

  private final LongAdder delivered = new LongAdder();
  private final LongAdder deadLettered = new LongAdder();
  private final LongAdder batches = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final Timer writes;

  /** Counts only (tests, {@code local}). */
  public SinkStats() {
    this.writes = null;
  }

  private SinkStats(MeterRegistry registry, String backend) {
    this.writes = Timer.builder(WRITE).tag("backend", backend).publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(1))
        .description("Time from handing a batch to the backend until it confirmed the write")
        .register(registry);
    FunctionCounter.builder(DELIVERED, this, SinkStats::delivered).tag("backend", backend)
        .description("Events the backend confirmed and whose offsets were committed").register(registry);
    FunctionCounter.builder(RETRIES, this, SinkStats::retries).tag("backend", backend)
        .description("Batches that failed transiently and were scheduled again").register(registry);
  }

  /** Counts exported as {@code logpipe_sink_*} meters tagged with the backend. */
  public static SinkStats metered(MeterRegistry registry, String backend) {
    return new SinkStats(registry, backend);
  }

  void written(long nanos) {
    if (writes != null) {
      writes.record(Duration.ofNanos(nanos));
    }
  }

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
