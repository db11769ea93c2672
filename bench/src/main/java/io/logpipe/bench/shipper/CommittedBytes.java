package io.logpipe.bench.shipper;

import io.logpipe.schemas.Topics;
import io.logpipe.shipper.deliver.PositionFile;
import io.logpipe.shipper.tail.Committed;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * How many bytes of the log files a shipper run has committed, read from outside the shipper: its committed
 * positions ({@code logs.positions.v1} read_committed in exactly-once mode, the positions file in at-least-once
 * mode). A position moves only once its lines are committed, so "the sum is the tree's size" means every line is
 * shipped. Why not the shipper's {@code /metrics}: scraping a whole Prometheus page (every Kafka client meter) four
 * times a second cost the measured JVM about 0.5 CPU-s plus the JIT work for the text writer; a real scrape comes
 * every 15 s or more.
 */
interface CommittedBytes extends AutoCloseable {

  long committedBytes() throws IOException;

  @Override
  default void close() {}

  /** The positions topic, keys of {@code node} only. */
  static CommittedBytes fromTopic(String bootstrap, String node) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(Topics.POSITIONS.name()).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<String, Long> latest = new HashMap<>();
    String prefix = node + "/";
    return new CommittedBytes() {
      @Override
      public long committedBytes() {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(10))) {
          if (r.key() != null && r.key().startsWith(prefix)) {
            latest.put(r.key(), r.value() == null ? 0 : Topics.FILE_POSITION.decode(r.value()).getPosition());
          }
        }
        return latest.values().stream().mapToLong(Long::longValue).sum();
      }

      @Override
      public void close() {
        consumer.close();
      }
    };
  }

  /** The at-least-once positions file (replaced atomically by the shipper). */
  static CommittedBytes fromFile(Path file) {
    return () -> {
      Committed committed = new PositionFile(file).read();
      return committed.positions().values().stream().mapToLong(Committed.Saved::position).sum();
    };
  }
}
