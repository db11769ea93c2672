package io.logpipe.sinks.s3;

import io.logpipe.schemas.LogEvent;
import io.logpipe.sinks.StreamOf;
import io.logpipe.sinks.worker.SinkBatch;
import io.logpipe.sinks.worker.SinkRecord;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a batch becomes objects (issue 7): one object per namespace and UTC hour of event time, named
 * {@code prefix/namespace=<ns>/dt=YYYY-MM-DD/hour=HH/<topic>+<partition>+<first offset>.ndjson.gz} (Hive-style
 * partitions, readable by Athena, Spark and DuckDB as they are).
 *
 * <p>Why this is exactly once: the worker commits after every batch, so after a crash it re-reads from the first
 * offset of the batch it lost. Every group's first record at or after that offset is the same record as before
 * (grouping depends only on the record), so each object of the lost batch is named again and overwritten, whatever
 * the new batch boundaries are; records past a new boundary land in objects with new names and appear once.
 */
public final class ObjectLayout {

  /** Namespace used when neither metadata nor key tell it. */
  static final String UNKNOWN_NAMESPACE = "_unknown";

  private final String prefix;

  /** {@code prefix} may be empty; surrounding slashes are ignored. */
  public ObjectLayout(String prefix) {
    this.prefix = prefix.replaceAll("^/+|/+$", "");
  }

  /** One object's worth of records, in offset order. */
  public record ObjectGroup(String key, List<SinkRecord> records) {}

  /** Splits a batch into objects, in the order of their first offset. */
  public List<ObjectGroup> group(SinkBatch batch) {
    Map<String, List<SinkRecord>> byPartitionPath = new LinkedHashMap<>();
    for (SinkRecord record : batch.records()) {
      byPartitionPath.computeIfAbsent(partitionPath(record.key(), record.event()), p -> new ArrayList<>()).add(record);
    }
    List<ObjectGroup> groups = new ArrayList<>(byPartitionPath.size());
    byPartitionPath.forEach((path, records) -> groups.add(new ObjectGroup(
        path + batch.topic() + '+' + batch.partition() + '+' + records.get(0).offset() + ".ndjson.gz", records)));
    return groups;
  }

  /** {@code prefix/namespace=<ns>/dt=YYYY-MM-DD/hour=HH/}, from the event time in UTC. */
  String partitionPath(String key, LogEvent event) {
    String namespace = StreamOf.of(key, event).namespace();
    long nanos = event.getTimeUnixNano();
    LocalDateTime time = LocalDateTime.ofInstant(
        Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L)), ZoneOffset.UTC);
    return (prefix.isEmpty() ? "" : prefix + '/')
        + "namespace=" + (namespace.isEmpty() ? UNKNOWN_NAMESPACE : namespace)
        + String.format("/dt=%04d-%02d-%02d/hour=%02d/", time.getYear(), time.getMonthValue(), time.getDayOfMonth(),
            time.getHour());
  }
}
