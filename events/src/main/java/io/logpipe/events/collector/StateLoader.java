package io.logpipe.events.collector;

import io.logpipe.events.occurrence.EmittedState;
import io.logpipe.events.occurrence.StateCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what was emitted back from the compacted state topic with {@code read_committed}, up to the end offsets as
 * of the start of the read; a null value is an Event forgotten. Called only after the transactional producer's
 * {@code initTransactions}, which completes or aborts whatever a previous leader left open, so the last stable
 * offset covers every transaction that committed.
 */
final class StateLoader {

  /** The state, and how many values could not be read (counted, then treated as absent). */
  record Loaded(Map<String, EmittedState> emitted, int unreadable) {}

  private StateLoader() {}

  static Loaded load(Map<String, Object> clientProperties, String topic, Duration timeout) {
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    Instant deadline = Instant.now().plus(timeout);
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
      if (infos == null || infos.isEmpty()) {
        throw new IllegalStateException("state topic " + topic + " does not exist");
      }
      List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      Map<String, EmittedState> emitted = new HashMap<>();
      int unreadable = 0;
      while (!reached(consumer, end)) {
        if (Instant.now().isAfter(deadline)) {
          throw new TimeoutException("reading " + topic + " took longer than " + timeout);
        }
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.key() == null) {
            continue;
          }
          if (r.value() == null) {
            emitted.remove(r.key());
            continue;
          }
          Optional<EmittedState> state = StateCodec.decode(r.value());
          if (state.isPresent()) {
            emitted.merge(r.key(), state.get(), (old, now) -> now.count() >= old.count() ? now : old);
          } else {
            unreadable++;
          }
        }
      }
      return new Loaded(emitted, unreadable);
    }
  }

  private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }
}
