package io.logpipe.bench.pipeline;

import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

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

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Clock clock;
  private final long fromNanos;
  private final long[] latencies;
  private final long[] written;
  private final long[] visible;
  private final long[] keys;
  private final FileOffsets offsets;
  private volatile int traced;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final Thread thread;
  private volatile int measured;
  private volatile long seen;

  /** {@code capacity}: events measured at most; {@code traceCapacity}: events traced at most (all, from the start). */
  LatencyProbe(String bootstrap, String topic, Instant from, int capacity, int traceCapacity, FileOffsets offsets,
      Clock clock) {
    this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
        .map(p -> new TopicPartition(topic, p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    this.clock = clock;
    this.fromNanos = nanos(from);
    this.latencies = new long[capacity];
    this.written = new long[traceCapacity];
    this.visible = new long[traceCapacity];
    this.keys = new long[traceCapacity];
    this.offsets = offsets;
    this.thread = new Thread(this::poll, "latency-probe");
    thread.start();
  }

  private void poll() {
    int n = 0;
    int t = 0;
    long all = 0;
    while (!stop.get()) {
      var records = consumer.poll(Duration.ofMillis(100));
      long now = nanos(Instant.now(clock));
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
    stop.set(true);
    thread.join();
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
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  @Override
  public void close() {
    stop.set(true);
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    consumer.close();
  }
}
