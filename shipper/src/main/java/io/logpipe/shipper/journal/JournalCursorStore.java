package io.logpipe.shipper.journal;

import io.logpipe.schemas.FileIdentity;
import io.logpipe.schemas.FilePosition;
import io.logpipe.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The journal cursor in {@code logs.positions.v1} (issue 9: "the cursor is saved transactionally with the lines"),
 * under the key {@code <node>/journal}, written in the same transaction as the entries it covers.
 *
 * <p>The value is a {@code FilePosition} whose {@code path} holds the cursor ({@code fileId} zeros, {@code position}
 * the entry's sequence number). A dedicated optional field would be cleaner, but the released schema versions are
 * not on the production class path ({@code released/v1} is a test resource), so a new {@code FilePosition} writer
 * schema would leave every position already in the topic unreadable by the upgraded shipper.
 */
final class JournalCursorStore {

  private JournalCursorStore() {}

  static String key(String node) {
    return node + "/journal";
  }

  static byte[] value(String node, JournalEntry last, Instant now) {
    return Topics.FILE_POSITION.encode(
        new FilePosition(node, last.cursor(), new FileIdentity(0L, 0L, 0L), last.seqnum(), 0L, now));
  }

  /**
   * The last committed cursor (read_committed, to the end offsets as of the start), empty if none was ever saved.
   * Called after the producer's {@code initTransactions}, which settled whatever a predecessor left open.
   */
  static Optional<String> load(Map<String, Object> clientProperties, String node, Duration timeout) {
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    String key = key(node);
    Instant deadline = Instant.now().plus(timeout);
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      var infos = consumer.partitionsFor(Topics.POSITIONS.name(), timeout);
      if (infos == null || infos.isEmpty()) {
        throw new IllegalStateException("topic " + Topics.POSITIONS.name() + " does not exist");
      }
      List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      String cursor = null;
      while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
        if (Instant.now().isAfter(deadline)) {
          throw new TimeoutException("reading " + Topics.POSITIONS.name() + " took longer than " + timeout);
        }
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (key.equals(r.key())) {
            cursor = r.value() == null ? null : Topics.FILE_POSITION.decode(r.value()).getPath();
          }
        }
      }
      return Optional.ofNullable(cursor);
    }
  }
}
