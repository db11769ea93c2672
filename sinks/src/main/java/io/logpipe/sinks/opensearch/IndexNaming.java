package io.logpipe.sinks.opensearch;

import io.logpipe.sinks.StreamOf;
import io.logpipe.sinks.worker.SinkRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The index (or data stream) of a record: per namespace, and per UTC day of event time for plain indices. */
record IndexNaming(IndexMode mode, String prefix) {

  String indexOf(SinkRecord record) {
    String namespace = StreamOf.of(record.key(), record.event()).namespace();
    String base = prefix + '-' + (namespace.isEmpty() ? "_unknown" : namespace);
    if (mode == IndexMode.DATA_STREAM) {
      return base;
    }
    LocalDate day = LocalDate.ofInstant(
        Instant.ofEpochSecond(Math.floorDiv(record.event().getTimeUnixNano(), 1_000_000_000L)), ZoneOffset.UTC);
    return String.format("%s-%04d.%02d.%02d", base, day.getYear(), day.getMonthValue(), day.getDayOfMonth());
  }

  /** The pattern of every index or data stream this sink writes, for the index template. */
  String pattern() {
    return prefix + "-*";
  }
}
