package io.logpipe.bench.pipeline;

import io.logpipe.schemas.RawLine;
import io.logpipe.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The second probe of the latency run: reads {@code logs.raw.v1} read_committed, as the stages do, and keeps for
 * each raw line three instants of its way from the file to the topic: the shipper's read ({@code RawLine.readTime}),
 * its hand-over to the producer (the record's CreateTime: the shipper sets no timestamp, so the producer stamps
 * {@code send}) and the moment it became readable here (its transaction committed). {@link HopTrace} joins them
 * with the sink probe's events by file and offset. Bounded: lines beyond {@code capacity} are not kept.
 */
final class RawProbe implements AutoCloseable {

  /** When one raw line was read by the shipper, sent to the producer, readable on the topic (epoch nanos). */
  record Seen(long read, long sent, long visible) {}

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Clock clock;
  private final FileOffsets keys;
  private final int capacity;
  private final Map<Long, Seen> seen = new HashMap<>();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final Thread thread;

  RawProbe(String bootstrap, FileOffsets keys, int capacity, Clock clock) {
    this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(Topics.RAW.name()).stream()
        .map(p -> new TopicPartition(Topics.RAW.name(), p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    this.clock = clock;
    this.keys = keys;
    this.capacity = capacity;
    this.thread = new Thread(this::poll, "raw-probe");
    thread.start();
  }

  private void poll() {
    while (!stop.get()) {
      var records = consumer.poll(Duration.ofMillis(100));
      long now = LatencyProbe.nanos(Instant.now(clock));
      for (ConsumerRecord<byte[], byte[]> r : records) {
        if (seen.size() >= capacity) {
          continue;
        }
        RawLine line = Topics.RAW_LINE.decode(r.value());
        seen.put(keys.of(line.getPath(), line.getOffset()),
            new Seen(LatencyProbe.nanos(line.getReadTime()), r.timestamp() * 1_000_000L, now));
      }
    }
  }

  /** Stops reading; what was seen, by {@link FileOffsets#of} key. */
  Map<Long, Seen> finish() throws InterruptedException {
    stop.set(true);
    thread.join();
    return seen;
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
