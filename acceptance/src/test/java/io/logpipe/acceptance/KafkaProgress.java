package io.logpipe.acceptance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the run has got, from the broker: committed (last stable) end offsets of a topic, what a consumer group
 * committed on it, and the difference. With transactional producers the log end includes the commit markers, so a
 * group that consumed everything reaches the last stable offset, not the log end.
 */
final class KafkaProgress {

  private final Admin admin;

  KafkaProgress(Admin admin) {
    this.admin = admin;
  }

  /** Σ over partitions of the last stable offset: grows as transactions commit (records plus markers). */
  long committedEnd(String topic) {
    return ends(topic).values().stream().mapToLong(Long::longValue).sum();
  }

  /** Σ over partitions of the offset the group committed on {@code topic} (0 where it committed none). */
  long consumed(String group, String topic) {
    return committed(group, topic).values().stream().mapToLong(Long::longValue).sum();
  }

  /** Records of {@code topic} the group has yet to consume; partitions it never committed count from 0. */
  long lag(String group, String topic) {
    Map<TopicPartition, Long> done = committed(group, topic);
    long lag = 0;
    for (var end : ends(topic).entrySet()) {
      lag += Math.max(0, end.getValue() - done.getOrDefault(end.getKey(), 0L));
    }
    return lag;
  }

  private Map<TopicPartition, Long> ends(String topic) {
    try {
      int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      for (int p = 0; p < partitions; p++) {
        request.put(new TopicPartition(topic, p), OffsetSpec.latest());
      }
      Map<TopicPartition, Long> ends = new HashMap<>();
      admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
          .forEach((tp, info) -> ends.put(tp, info.offset()));
      return ends;
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the end offsets of " + topic, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Map<TopicPartition, Long> committed(String group, String topic) {
    try {
      Map<TopicPartition, OffsetAndMetadata> all = admin.listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, Long> mine = new HashMap<>();
      all.forEach((tp, om) -> {
        if (om != null && tp.topic().equals(topic)) {
          mine.put(tp, om.offset());
        }
      });
      return mine;
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the offsets of group " + group, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
