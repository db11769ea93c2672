package io.logpipe.shipper.deliver;

import io.logpipe.schemas.FilePosition;
import io.logpipe.schemas.Topics;
import io.logpipe.shipper.tail.FileSlice;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The positions a batch commits: where each of its files stands after it, under the source's owner. */
final class BatchPositions {

  private BatchPositions() {}

  /**
   * Position key ({@code <owner>/<device>:<inode>:<fingerprint>}) to encoded {@code FilePosition}, in the batch's
   * order of last appearance: the last slice per file wins, and a file let go is a tombstone (null).
   */
  static Map<String, byte[]> of(List<FileSlice> batch, SourceIdentity source, Instant now) {
    Map<String, byte[]> latest = new LinkedHashMap<>();
    for (FileSlice s : batch) {
      String key = s.id().positionKey(source.positionOwner());
      latest.remove(key);
      latest.put(key, s.lastOfFile() ? null : Topics.FILE_POSITION.encode(
          new FilePosition(source.node(), s.path(), s.id().toAvro(), s.endPosition(), s.tailHash(), now)));
    }
    return latest;
  }
}
