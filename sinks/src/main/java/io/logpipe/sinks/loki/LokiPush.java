package io.logpipe.sinks.loki;

import com.github.loki4j.pkg.google.protobuf.Timestamp;
import com.github.loki4j.pkg.loki.protobuf.Push.EntryAdapter;
import com.github.loki4j.pkg.loki.protobuf.Push.LabelPairAdapter;
import com.github.loki4j.pkg.loki.protobuf.Push.PushRequest;
import com.github.loki4j.pkg.loki.protobuf.Push.StreamAdapter;
import io.logpipe.sinks.worker.SinkRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One tenant's part of a batch as Loki's protobuf {@code PushRequest}: one stream per label set, entries sorted
 * by time within each stream (ties by offset, so the order is stable and a re-push is identical: Loki drops an
 * entry equal to one it has, same stream, timestamp and line).
 */
final class LokiPush {

  private static final Comparator<SinkRecord> BY_TIME =
      Comparator.comparingLong((SinkRecord r) -> r.event().getTimeUnixNano()).thenComparingLong(SinkRecord::offset);

  private LokiPush() {}

  /** {@code streams}: rendered label set → its records. */
  static PushRequest request(Map<String, List<SinkRecord>> streams) {
    PushRequest.Builder request = PushRequest.newBuilder();
    streams.forEach((labels, records) -> {
      StreamAdapter.Builder stream = StreamAdapter.newBuilder().setLabels(labels);
      List<SinkRecord> sorted = new ArrayList<>(records);
      sorted.sort(BY_TIME);
      for (SinkRecord record : sorted) {
        stream.addEntries(entry(record));
      }
      request.addStreams(stream);
    });
    return request.build();
  }

  private static EntryAdapter entry(SinkRecord record) {
    long nanos = record.event().getTimeUnixNano();
    EntryAdapter.Builder entry = EntryAdapter.newBuilder()
        .setTimestamp(Timestamp.newBuilder().setSeconds(Math.floorDiv(nanos, 1_000_000_000L))
            .setNanos((int) Math.floorMod(nanos, 1_000_000_000L)))
        .setLine(record.event().getMessage());
    LokiLabels.structuredMetadata(record).forEach((name, value) ->
        entry.addStructuredMetadata(LabelPairAdapter.newBuilder().setName(name).setValue(value)));
    return entry.build();
  }
}
