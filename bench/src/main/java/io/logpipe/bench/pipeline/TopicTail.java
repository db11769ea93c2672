package io.logpipe.bench.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What both latency probes share: every partition of one topic read from its start with read_committed (as the
 * stages and sink workers read), on a thread of its own, each polled batch handed over with the instant it became
 * readable here (epoch nanos). Stop it with {@link #stop} to read the probe's results, {@link #close} to end it.
 */
final class TopicTail implements AutoCloseable {

  /** One polled batch and when it arrived. Called on the tail's thread only. */
  @FunctionalInterface
  interface Batch {
    void arrived(ConsumerRecords<byte[], byte[]> records, long nowNanos);
  }

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final Thread thread;

  TopicTail(String bootstrap, String topic, Clock clock, String threadName, Batch batch) {
    this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
        .map(p -> new TopicPartition(topic, p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    this.thread = new Thread(() -> {
      while (!stop.get()) {
        var records = consumer.poll(Duration.ofMillis(100));
        batch.arrived(records, nanos(Instant.now(clock)));
      }
    }, threadName);
    thread.start();
  }

  /** Stops reading; what the probe collected is complete once this returns. */
  void stop() throws InterruptedException {
    stop.set(true);
    thread.join();
  }

  static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  @Override
  public void close() {
    try {
      stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    consumer.close();
  }
}
