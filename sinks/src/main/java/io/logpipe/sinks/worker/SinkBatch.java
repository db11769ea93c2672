package io.logpipe.sinks.worker;

import java.util.List;

/**
 * Consecutive records of one topic partition, in offset order: the unit a {@link LogSink} writes and after which
 * the worker commits. Never empty.
 */
public record SinkBatch(String topic, int partition, List<SinkRecord> records) {

  public SinkBatch {
    records = List.copyOf(records);
    if (records.isEmpty()) {
      throw new IllegalArgumentException("a batch holds at least one record");
    }
  }

  public long firstOffset() {
    return records.get(0).offset();
  }

  public long lastOffset() {
    return records.get(records.size() - 1).offset();
  }

  public int size() {
    return records.size();
  }
}
