package io.logpipe.bench.pipeline;

import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * Reads a sink topic as a sink worker would (read_committed) and records, for each event written at or after
 * {@code from}, the time from its first line's write (its {@code timeUnixNano}, stamped by {@link PacedWriter}) to
 * the moment the event is readable here. Latencies are kept in a bounded array and sorted once at the end.
 */
final class LatencyProbe implements AutoCloseable {

  /** The latency percentiles in milliseconds, and how many events were measured. */
  record Percentiles(long events, double p50, double p99, double max) {}

  /**
   * Each event read (warm-up included, up to the trace capacity), in arrival order: when its first line was written
   * and when it became readable here (epoch nanos), and its first line's {@link FileOffsets} key, for
   * {@link HopTrace}.
   */
  record Events(int count, long[] written, long[] visible, long[] keys) {}

  private final TopicTail tail;
  private final long fromNanos;
  private final long[] latencies;
  private final long[] written;
  private final long[] visible;
  private final long[] keys;
  private final FileOffsets offsets;
  private int n; // measured and traced so far: the tail's thread only; published below after each batch
  private int t;
  private long all;
  private volatile int traced;
  private volatile int measured;
  private volatile long seen;

  /** {@code capacity}: events measured at most; {@code traceCapacity}: events traced at most (all, from the start). */
  LatencyProbe(String bootstrap, String topic, Instant from, int capacity, int traceCapacity, FileOffsets offsets,
      Clock clock) {
    this.fromNanos = nanos(from);
    this.latencies = new long[capacity];
    this.written = new long[traceCapacity];
    this.visible = new long[traceCapacity];
    this.keys = new long[traceCapacity];
    this.offsets = offsets;
    this.tail = new TopicTail(bootstrap, topic, clock, "latency-probe", this::arrived);
  }

  private void arrived(ConsumerRecords<byte[], byte[]> records, long now) {
    for (ConsumerRecord<byte[], byte[]> r : records) {
      LogEvent event = Topics.LOG_EVENT.decode(r.value());
      all++;
      if (event.getTimeUnixNano() >= fromNanos && n < latencies.length) {
        latencies[n++] = now - event.getTimeUnixNano();
      }
      if (t < written.length) {
        written[t] = event.getTimeUnixNano();
        visible[t] = now;
        keys[t++] = offsets.of(event.getSource().getPath(), event.getSource().getFirstOffset());
      }
    }
    measured = n;
    traced = t;
    seen = all;
  }

  /** Events measured so far (written at or after {@code from}). */
  int measured() {
    return measured;
  }

  /** Every event read so far, warm-up included. */
  long seen() {
    return seen;
  }

  /** Stops reading and returns the percentiles of what was measured. */
  Percentiles finish() throws InterruptedException {
    tail.stop();
    long[] sorted = Arrays.copyOf(latencies, measured);
    Arrays.sort(sorted);
    if (sorted.length == 0) {
      return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN);
    }
    return new Percentiles(sorted.length, millis(sorted, 0.50), millis(sorted, 0.99),
        sorted[sorted.length - 1] / 1e6);
  }

  /** The traced events; call after {@link #finish}. */
  Events events() {
    return new Events(traced, written, visible, keys);
  }

  private static double millis(long[] sorted, double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
  }

  static long nanos(Instant t) {
    return TopicTail.nanos(t);
  }

  @Override
  public void close() {
    tail.close();
  }
}
