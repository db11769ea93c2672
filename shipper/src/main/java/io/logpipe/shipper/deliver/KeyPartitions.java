package io.logpipe.shipper.deliver;

import java.util.Map;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.utils.Utils;

/**
 * The partition of a keyed record, as the producer's built-in partitioner would choose it
 * ({@code BuiltInPartitioner.partitionForKey}: {@code toPositive(murmur2(key)) % partitions of the topic}), computed
 * once per key array: the records of a slice share one key array, so a slice costs one hash instead of one per line
 * inside {@code send}. When a {@code partitioner.class} is configured or {@code partitioner.ignore.keys} is true the
 * producer chooses otherwise: then {@link #of} is null and the producer partitions as configured.
 *
 * <p>The partition count is the producer's metadata when the key is first seen; a topic grown since only moves the
 * records of the slice under way, as a partitioner with slightly older metadata would. Not thread-safe.
 */
final class KeyPartitions {

  private final Producer<?, ?> producer;
  private final boolean builtIn;
  private byte[] lastKey;
  private String lastTopic;
  private Integer lastPartition;

  private KeyPartitions(Producer<?, ?> producer, boolean builtIn) {
    this.producer = producer;
    this.builtIn = builtIn;
  }

  /** For records sent with {@code producer}, created with {@code settings}. */
  static KeyPartitions forProducer(Producer<?, ?> producer, Map<String, ?> settings) {
    boolean builtIn = settings.get(ProducerConfig.PARTITIONER_CLASS_CONFIG) == null
        && !Boolean.parseBoolean(String.valueOf(settings.get(ProducerConfig.PARTITIONER_IGNORE_KEYS_CONFIG)));
    return new KeyPartitions(producer, builtIn);
  }

  /** The partition for {@code key} on {@code topic}, or null to let the producer choose. */
  Integer of(String topic, byte[] key) {
    if (!builtIn || key == null) {
      return null;
    }
    if (key != lastKey || !topic.equals(lastTopic)) {
      int count;
      try {
        count = producer.partitionsFor(topic).size();
      } catch (KafkaException e) {
        // As a failed send is reported (FirstFailure): the shipper reconnects and rewinds, whatever the cause.
        throw new KafkaException("no partitions known for " + topic + ": " + e, e);
      }
      lastPartition = Utils.toPositive(Utils.murmur2(key)) % count;
      lastKey = key;
      lastTopic = topic;
    }
    return lastPartition;
  }
}
