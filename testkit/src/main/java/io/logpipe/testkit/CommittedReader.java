package io.logpipe.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads one topic from the beginning as a read_committed consumer without a group (partitions assigned, no
 * rebalance to wait for), so a test sees exactly what a downstream exactly-once consumer would.
 */
final class CommittedReader<K, V> implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(100);
  private static final int PREVIEWED = 5;

  private final String topic;
  private final KafkaConsumer<K, V> consumer;

  CommittedReader(String bootstrapServers, String topic, Deserializer<K> keys, Deserializer<V> values) {
    this.topic = topic;
    this.consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), keys, values);
  }

  /** The first {@code count} committed records, or an {@link AssertionError} saying how many arrived in time. */
  List<ConsumerRecord<K, V>> read(int count, Duration timeout) {
    Deadline deadline = Deadline.after(timeout);
    assignFromBeginning(deadline);
    List<ConsumerRecord<K, V>> records = new ArrayList<>();
    while (records.size() < count && !deadline.passed()) {
      consumer.poll(deadline.atMost(POLL)).forEach(records::add);
    }
    if (records.size() < count) {
      throw new AssertionError("expected " + count + " committed records on " + topic + " within " + timeout
          + " but " + records.size() + " arrived" + preview(records));
    }
    return List.copyOf(records.subList(0, count));
  }

  /**
   * Every committed record: reads up to the last stable offset of each partition, then keeps reading until nothing
   * more arrives for {@code quietPeriod}. Fails if records are still arriving when {@code maxWait} runs out.
   */
  List<ConsumerRecord<K, V>> readAll(Duration quietPeriod, Duration maxWait) {
    Deadline deadline = Deadline.after(maxWait);
    List<TopicPartition> partitions = assignFromBeginning(deadline);
    // Under read_committed, endOffsets answers the last stable offset: everything committed so far.
    Map<TopicPartition, Long> stable = consumer.endOffsets(partitions, deadline.remaining());
    List<ConsumerRecord<K, V>> records = new ArrayList<>();
    while (!reached(stable)) {
      if (deadline.passed()) {
        throw new AssertionError("could not read up to the committed end of " + topic + " " + stable
            + " within " + maxWait + "; read " + records.size() + preview(records));
      }
      consumer.poll(deadline.atMost(POLL)).forEach(records::add);
    }
    Deadline quiet = Deadline.after(quietPeriod);
    while (!quiet.passed()) {
      if (deadline.passed()) {
        throw new AssertionError("records kept arriving on " + topic + " for " + maxWait + "; read "
            + records.size() + preview(records));
      }
      var batch = consumer.poll(quiet.atMost(POLL));
      if (!batch.isEmpty()) {
        batch.forEach(records::add);
        quiet = Deadline.after(quietPeriod);
      }
    }
    return List.copyOf(records);
  }

  private List<TopicPartition> assignFromBeginning(Deadline deadline) {
    while (true) {
      var infos = partitionsOrNone(deadline);
      if (!infos.isEmpty()) {
        List<TopicPartition> partitions = infos.stream()
            .map(info -> new TopicPartition(topic, info.partition()))
            .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
      }
      if (deadline.passed()) {
        throw new AssertionError("topic " + topic + " does not exist (topics are not auto-created: create it first)");
      }
    }
  }

  /** The topic's partitions, or none while the topic does not exist (the consumer then times out). */
  private List<PartitionInfo> partitionsOrNone(Deadline deadline) {
    try {
      return consumer.partitionsFor(topic, deadline.atMost(Duration.ofSeconds(1)));
    } catch (TimeoutException e) {
      return List.of();
    }
  }

  private boolean reached(Map<TopicPartition, Long> offsets) {
    return offsets.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private static String preview(List<? extends ConsumerRecord<?, ?>> records) {
    if (records.isEmpty()) {
      return "";
    }
    return records.stream()
        .limit(PREVIEWED)
        .map(r -> "  " + r.topic() + "-" + r.partition() + "@" + r.offset() + " key=" + abbreviate(r.key())
            + " value=" + abbreviate(r.value()))
        .collect(Collectors.joining("\n", ", the first of them:\n", records.size() > PREVIEWED ? "\n  ..." : ""));
  }

  private static String abbreviate(Object value) {
    String text = value instanceof byte[] bytes ? bytes.length + " bytes" : String.valueOf(value);
    return text.length() <= 160 ? text : text.substring(0, 160) + "...";
  }

  @Override
  public void close() {
    consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
  }
}
