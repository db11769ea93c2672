package io.logpipe.shipper.tail;

import io.logpipe.schemas.PodLogPath;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A file the reader follows, held open by its channel (so a rotated or deleted file can be read to its end). Owned
 * by the reader thread; mutable on purpose, it is the reader's working state.
 */
final class TrackedFile {

  final FileChannel channel;
  final FileId id;
  /** Discovery order: within one container stream, older files have lower numbers and are read first. */
  final long seq;
  Path path;
  PodLogPath pod;
  /** Next byte to read, and the hash of the bytes before it. */
  long position;
  long tailHash;
  /** Found under a live ({@code *.log}) path at the last scan. */
  boolean live = true;
  /** Found under any path we ship from (live or rotated) at the last scan: not yet compressed or deleted. */
  boolean present = true;
  long lastSize = -1;
  Instant lastGrowth;
  /** Its last slice (a tombstone) is queued: it is read no more and closed once that slice is committed. */
  boolean releasing;

  TrackedFile(FileChannel channel, FileId id, long seq, Path path, PodLogPath pod, Instant now) {
    this.channel = channel;
    this.id = id;
    this.seq = seq;
    this.path = path;
    this.pod = pod;
    this.lastGrowth = now;
  }

  void moveTo(long position, long tailHash) {
    this.position = position;
    this.tailHash = tailHash;
  }

  void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Read-only channel: nothing was buffered, nothing to lose.
    }
  }
}
