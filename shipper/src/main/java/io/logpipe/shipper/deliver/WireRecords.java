package io.logpipe.shipper.deliver;

import io.logpipe.schemas.FilePosition;
import io.logpipe.schemas.Topics;
import io.logpipe.shipper.tail.FileSlice;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** Turns slices into the records of {@code logs.raw.v1} and {@code logs.positions.v1}, encoded with the schemas' serdes. */
final class WireRecords {

  private final String node;
  private final RawLineEncoder encoder;

  WireRecords(String node) {
    this.node = node;
    this.encoder = new RawLineEncoder(node);
  }

  /** Each line of the slice, as (stream key, encoded RawLine). Releases have no lines. Not thread-safe. */
  void lines(FileSlice slice, BiConsumer<String, byte[]> out) {
    if (slice.lineCount() == 0) {
      return;
    }
    String key = slice.stream().toString();
    encoder.startSlice(slice);
    for (int i = 0; i < slice.lineCount(); i++) {
      out.accept(key, encoder.encode(slice, i));
    }
  }

  /** Where each file of the batch stands after it: the last slice per file wins; a release is a tombstone (null). */
  Map<String, byte[]> positions(List<FileSlice> batch, Instant now) {
    Map<String, byte[]> latest = new LinkedHashMap<>();
    for (FileSlice s : batch) {
      String key = s.id().positionKey(node);
      latest.remove(key); // keep batch order of last appearance
      latest.put(key, s.lastOfFile() ? null : Topics.FILE_POSITION.encode(position(s, now)));
    }
    return latest;
  }

  FilePosition position(FileSlice s, Instant now) {
    return new FilePosition(node, s.path(), s.id().toAvro(), s.endPosition(), s.tailHash(), now);
  }
}
