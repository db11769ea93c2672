package io.logpipe.shipper.deliver;

import io.logpipe.schemas.FilePosition;
import io.logpipe.schemas.Topics;
import io.logpipe.shipper.tail.Committed;
import io.logpipe.shipper.tail.FileId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads this node's file positions back from the compacted {@code logs.positions.v1} with {@code read_committed}
 * (issue 3: "On start the shipper reads its positions back"), to the end offsets as of the start of the read. Keys
 * are {@code <node>/<device>:<inode>:<fingerprint>}; a null value is a file let go.
 *
 * <p>Called only after the transactional producer's {@code initTransactions}, which completes or aborts whatever a
 * predecessor left open, so the last stable offset already covers every transaction that committed.
 */
public final class PositionsLoader {

  private PositionsLoader() {}

  /**
   * {@code clientProperties}: the bootstrap servers and the user's client overrides (security settings).
   * {@code node}: the owner of the keys, {@code <owner>/<device>:<inode>:<fingerprint>}; other sources of the same
   * node keep their positions under longer owners ({@code <node>/files/…}, {@code <node>/journal}), skipped here.
   */
  public static Committed load(Map<String, Object> clientProperties, String node, Duration timeout) {
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 << 20);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    String prefix = node + "/";
    Instant deadline = Instant.now().plus(timeout);
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<PartitionInfo> infos = consumer.partitionsFor(Topics.POSITIONS.name(), timeout);
      if (infos == null || infos.isEmpty()) {
        throw new IllegalStateException("topic " + Topics.POSITIONS.name()
            + " does not exist: create the pipeline topics first (logpipe topics create)");
      }
      List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      Map<FileId, Committed.Saved> positions = new HashMap<>();
      Set<FileId> forgotten = new HashSet<>();
      while (!reached(consumer, end)) {
        if (Instant.now().isAfter(deadline)) {
          throw new TimeoutException("reading " + Topics.POSITIONS.name() + " took longer than " + timeout);
        }
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.key() == null || !r.key().startsWith(prefix) || !isFileKey(r.key().substring(prefix.length()))) {
            continue;
          }
          if (r.value() == null) {
            FileId id = FileId.parsePositionKey(r.key().substring(prefix.length()));
            positions.remove(id);
            forgotten.add(id);
          } else {
            FilePosition p = Topics.FILE_POSITION.decode(r.value());
            FileId id = FileId.of(p.getFileId());
            forgotten.remove(id);
            positions.put(id, new Committed.Saved(id, p.getPath(), p.getPosition(), p.getTailHash()));
          }
        }
      }
      return new Committed(positions, forgotten);
    }
  }

  /** {@code <device>:<inode>:<fingerprint>} and nothing more: not another source's key under the same node. */
  static boolean isFileKey(String idPart) {
    return idPart.indexOf('/') < 0 && idPart.chars().filter(c -> c == ':').count() == 2;
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
