package io.logpipe.shipper.deliver;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.schemas.StreamKey;
import io.logpipe.schemas.Topics;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RoundRobinPartitioner;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyPartitionsTest {

  private static final String TOPIC = Topics.RAW.name();

  private static MockProducer<byte[], byte[]> producerWith(int partitions) {
    Node node = new Node(0, "localhost", 9092);
    List<PartitionInfo> infos = IntStream.range(0, partitions)
        .mapToObj(p -> new PartitionInfo(TOPIC, p, node, new Node[] {node}, new Node[] {node})).toList();
    Cluster cluster = new Cluster("c", List.of(node), infos, java.util.Set.of(), java.util.Set.of());
    return new MockProducer<>(cluster, true, null, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static byte[] key(int i) {
    return new StreamKey("ns-" + (i % 7), "pod-" + i, "uid-" + i * 31, "c" + (i % 3)).toString().getBytes(UTF_8);
  }

  /** {@code BuiltInPartitioner.partitionForKey} is what {@code KafkaProducer.partition} calls for a keyed record. */
  @ParameterizedTest(name = "{0} partitions")
  @ValueSource(ints = {1, 6, 7, 64})
  void choosesThePartitionKafkasBuiltInPartitionerChoosesForTheKey(int count) {
    KeyPartitions partitions = KeyPartitions.forProducer(producerWith(count), Map.of());
    for (int i = 0; i < 2_000; i++) {
      byte[] key = key(i);
      assertThat(partitions.of(TOPIC, key)).isEqualTo(BuiltInPartitioner.partitionForKey(key, count));
    }
  }

  @Test
  void givesTheSameKeyTheSamePartitionWhateverArrayHoldsIt() {
    KeyPartitions partitions = KeyPartitions.forProducer(producerWith(6), Map.of());
    Integer first = partitions.of(TOPIC, key(3));
    partitions.of(TOPIC, key(4));
    assertThat(partitions.of(TOPIC, key(3))).isEqualTo(first);
  }

  @Test
  void leavesThePartitionToTheProducerWhenAPartitionerIsConfigured() {
    KeyPartitions partitions = KeyPartitions.forProducer(producerWith(6),
        Map.of(ProducerConfig.PARTITIONER_CLASS_CONFIG, RoundRobinPartitioner.class));
    assertThat(partitions.of(TOPIC, key(1))).isNull();
  }

  @Test
  void leavesThePartitionToTheProducerWhenKeysAreIgnored() {
    KeyPartitions partitions = KeyPartitions.forProducer(producerWith(6),
        Map.of(ProducerConfig.PARTITIONER_IGNORE_KEYS_CONFIG, "true"));
    assertThat(partitions.of(TOPIC, key(1))).isNull();
  }

  @Test
  void leavesAKeylessRecordToTheProducer() {
    assertThat(KeyPartitions.forProducer(producerWith(6), Map.of()).of(TOPIC, null)).isNull();
  }
}
