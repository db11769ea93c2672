package io.logpipe.testkit;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The committed reads of {@link KafkaBroker}, for a broker the test kit did not start (e.g. the cli's embedded
 * broker). Each call reads from the beginning with isolation.level=read_committed and no consumer group.
 */
public final class CommittedRecords {

  /** How long {@link #readAll} keeps reading while records still arrive before giving up. */
  static final Duration READ_ALL_LIMIT = Duration.ofMinutes(2);

  /** See {@link KafkaBroker#readCommitted(String, Deserializer, Deserializer, int, Duration)}. */
  public static <K, V> List<ConsumerRecord<K, V>> read(String bootstrapServers, String topic, Deserializer<K> keys,
      Deserializer<V> values, int count, Duration timeout) {
    try (var reader = new CommittedReader<>(bootstrapServers, topic, keys, values)) {
      return reader.read(count, timeout);
    }
  }

  /** See {@link KafkaBroker#readAllCommitted(String, Deserializer, Deserializer, Duration)}. */
  public static <K, V> List<ConsumerRecord<K, V>> readAll(String bootstrapServers, String topic,
      Deserializer<K> keys, Deserializer<V> values, Duration quietPeriod) {
    try (var reader = new CommittedReader<>(bootstrapServers, topic, keys, values)) {
      return reader.readAll(quietPeriod, READ_ALL_LIMIT.plus(quietPeriod));
    }
  }

  private CommittedRecords() {}
}
