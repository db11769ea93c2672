package io.logpipe.shipper.journal;

import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.StreamKey;
import io.logpipe.shipper.source.NodeEvents;
import io.logpipe.shipper.source.NodeLine;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A journal entry as a {@code LogEvent} for {@code logs.enriched.v1} (see {@link NodeEvents}): key
 * {@code _node/<node>/<unit>/_journal}, flag and {@code source_type} {@value #KIND}, message = {@code MESSAGE}, time =
 * {@code __REALTIME_TIMESTAMP} (µs), severity from {@code PRIORITY}, attributes {@code unit}, {@code priority},
 * {@code hostname}; source = node, path {@code journal/<seqnum id>}, offset = the sequence number, so the sinks'
 * idempotent id (node, path, offset) is one per entry.
 */
final class JournalEvents {

  static final String KIND = "journal";
  static final String CONTAINER = "_journal";

  private JournalEvents() {}

  static StreamKey key(String node, JournalEntry entry) {
    return NodeEvents.key(node, entry.unit(), CONTAINER);
  }

  static LogEvent event(String node, JournalEntry entry) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("unit", entry.unit());
    if (entry.priority() >= 0) {
      attributes.put("priority", Integer.toString(entry.priority()));
    }
    if (entry.hostname() != null) {
      attributes.put("hostname", entry.hostname());
    }
    long nanos = Math.multiplyExact(entry.realtimeMicros(), 1000L);
    Instant time = Instant.ofEpochSecond(0, nanos);
    NodeLine line = new NodeLine(nanos, null, entry.severity(), null, attributes, false);
    return NodeEvents.event(key(node, entry), new NodeEvents.Origin(node, "journal/" + entry.seqnumId(), null,
        entry.seqnum()), time, entry.message(), line, KIND, Map.of(), false);
  }
}
