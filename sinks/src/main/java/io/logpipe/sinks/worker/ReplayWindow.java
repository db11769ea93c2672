package io.logpipe.sinks.worker;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * A retained time range to deliver again ({@code logpipe replay --from … [--to …]}): each partition starts at the
 * first record whose Kafka timestamp is at or after {@code from} and is finished at the first record after
 * {@code to}, or at the end the partition had when the replay started. Record timestamps are the router's (which
 * keeps the stage input's), i.e. close to when the shipper read the line.
 */
public final class ReplayWindow {

  private final Instant from;
  private final Optional<Instant> to;
  private final Map<TopicPartition, Long> endAtStart = new HashMap<>();
  private final Set<TopicPartition> finished = new HashSet<>();

  public ReplayWindow(Instant from, Optional<Instant> to) {
    if (to.isPresent() && to.get().isBefore(from)) {
      throw new IllegalArgumentException("replay window ends (" + to.get() + ") before it starts (" + from + ")");
    }
    this.from = from;
    this.to = to;
  }

  /** Seeks newly assigned partitions to the start of the window. */
  void start(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    Map<TopicPartition, Long> query = new HashMap<>();
    partitions.forEach(p -> query.put(p, from.toEpochMilli()));
    Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(query);
    endAtStart.putAll(consumer.endOffsets(partitions));
    for (TopicPartition partition : partitions) {
      OffsetAndTimestamp start = starts.get(partition);
      if (start == null) {
        finished.add(partition);
        consumer.seek(partition, endAtStart.get(partition));
      } else {
        consumer.seek(partition, start.offset());
      }
    }
  }

  /** Whether the record is inside the window; the first one past it finishes its partition. */
  boolean admits(TopicPartition partition, ConsumerRecord<?, ?> record) {
    boolean late = to.isPresent() && record.timestamp() > to.get().toEpochMilli();
    if (late || finished.contains(partition) || record.offset() >= endAtStart.getOrDefault(partition, Long.MAX_VALUE)) {
      finished.add(partition);
      return false;
    }
    return true;
  }

  /** True once every assigned partition is past the window or at the end it had when the replay started. */
  boolean isFinished(Consumer<?, ?> consumer) {
    Set<TopicPartition> assigned = consumer.assignment();
    return !assigned.isEmpty() && assigned.stream().allMatch(p -> finished.contains(p)
        || consumer.position(p) >= endAtStart.getOrDefault(p, Long.MAX_VALUE));
  }
}
