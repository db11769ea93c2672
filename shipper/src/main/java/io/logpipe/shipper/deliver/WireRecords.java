package io.logpipe.shipper.deliver;

import io.logpipe.schemas.FilePosition;
import io.logpipe.schemas.Topics;
import io.logpipe.shipper.tail.FileSlice;
import java.nio.charset.StandardCharsets;
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

  /**
   * Each line of the slice, as (stream key in UTF-8, encoded RawLine). Releases have no lines. Not thread-safe. The
   * key's bytes are made once per slice and shared by its lines (the producer only reads them), instead of a
   * {@code StringSerializer} encoding the same key again for every line.
   */
  void lines(FileSlice slice, BiConsumer<byte[], byte[]> out) {
    if (slice.lineCount() == 0) {
      return;
    }
    byte[] key = slice.stream().toString().getBytes(StandardCharsets.UTF_8);
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
