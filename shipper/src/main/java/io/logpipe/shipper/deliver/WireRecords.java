package io.logpipe.shipper.deliver;

import io.logpipe.schemas.FileIdentity;
import io.logpipe.schemas.FilePosition;
import io.logpipe.schemas.RawLine;
import io.logpipe.schemas.Topics;
import io.logpipe.shipper.tail.FileSlice;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** Turns slices into the records of {@code logs.raw.v1} and {@code logs.positions.v1}, encoded with the schemas' serdes. */
final class WireRecords {

  private final String node;

  WireRecords(String node) {
    this.node = node;
  }

  /** Each line of the slice, as (stream key, encoded RawLine). Releases have no lines. */
  void lines(FileSlice slice, BiConsumer<String, byte[]> out) {
    if (slice.lineCount() == 0) {
      return;
    }
    String key = slice.stream().toString();
    FileIdentity id = slice.id().toAvro();
    RawLine line = new RawLine();
    line.setNode(node);
    line.setPath(slice.path());
    line.setFileId(id);
    line.setReadTime(slice.readTime());
    for (int i = 0; i < slice.lineCount(); i++) {
      line.setOffset(slice.offsetOf(i));
      line.setLine(ByteBuffer.wrap(slice.data(), slice.starts()[i], slice.lengths()[i]));
      line.setContinued(slice.continued()[i]);
      out.accept(key, Topics.RAW_LINE.encode(line));
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
