package io.logpipe.sinks.worker;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The records of one partition waiting to become a batch, with what the {@link BatchPolicy} looks at. */
final class PendingBatch {

  private final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
  private final Instant firstArrival;
  private long bytes;

  PendingBatch(Instant firstArrival) {
    this.firstArrival = firstArrival;
  }

  void add(ConsumerRecord<byte[], byte[]> record) {
    records.add(record);
    bytes += Math.max(0, record.serializedValueSize()) + Math.max(0, record.serializedKeySize());
  }

  boolean isFull(BatchPolicy policy) {
    return records.size() >= policy.maxRecords() || bytes >= policy.maxBytes();
  }

  boolean isDue(BatchPolicy policy, Instant now) {
    return isFull(policy) || !now.isBefore(firstArrival.plus(policy.maxAge()));
  }

  Instant dueAt(BatchPolicy policy) {
    return firstArrival.plus(policy.maxAge());
  }

  List<ConsumerRecord<byte[], byte[]>> records() {
    return records;
  }

  long firstOffset() {
    return records.get(0).offset();
  }

  long lastOffset() {
    return records.get(records.size() - 1).offset();
  }
}
