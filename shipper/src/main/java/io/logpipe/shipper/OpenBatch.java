package io.logpipe.shipper;

import io.logpipe.shipper.tail.FileId;
import io.logpipe.shipper.tail.FileSlice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each file stands after the slices sent since the last commit: the latest slice of each file, without its
 * lines (a file let go keeps its release, which a later slice of the same identity does not replace). So the batch
 * holds one small record per file, whatever {@code maxBytes} is. A batch commits when {@code maxBytes} of lines were
 * sent in it or it has been open for {@code commitInterval}, whichever comes first (as Kafka Streams'
 * {@code commit.interval.ms}): few, large transactions keep the producer busy, while the interval bounds how long a
 * line waits to become visible.
 */
final class OpenBatch {

  private final long maxBytes;
  private final Duration commitInterval;
  private final Clock clock;
  private final List<FileSlice> slices = new ArrayList<>();
  /** Where in {@code slices} each file's latest slice is. */
  private final Map<FileId, Integer> latest = new HashMap<>();
  private long bytes;
  private int lines;
  private Instant openedAt;

  OpenBatch(long maxBytes, Duration commitInterval, Clock clock) {
    this.maxBytes = maxBytes;
    this.commitInterval = commitInterval;
    this.clock = clock;
  }

  void add(List<FileSlice> more) {
    if (slices.isEmpty()) {
      openedAt = clock.instant();
    }
    for (FileSlice s : more) {
      FileSlice kept = s.withoutLines(); // the lines are with the producer already
      Integer at = latest.get(s.id());
      if (at != null && !slices.get(at).lastOfFile()) {
        slices.set(at, kept); // only where the file stands after the batch is committed (and reported)
      } else {
        latest.put(s.id(), slices.size());
        slices.add(kept);
      }
      bytes += s.byteSize();
      lines += s.lineCount();
    }
  }

  /** How many more bytes to take in (at least 1, so a single large slice still goes). */
  long room() {
    return Math.max(1, maxBytes - bytes);
  }

  /** How long until the batch is due (zero when due). */
  Duration untilDue() {
    Duration left = commitInterval.minus(Duration.between(openedAt, clock.instant()));
    return left.isNegative() ? Duration.ZERO : left;
  }

  boolean isEmpty() {
    return slices.isEmpty();
  }

  boolean isFull() {
    return bytes >= maxBytes;
  }

  boolean shouldCommit() {
    return !slices.isEmpty() && (isFull() || untilDue().isZero());
  }

  List<FileSlice> slices() {
    return slices;
  }

  int lines() {
    return lines;
  }

  void clear() {
    slices.clear();
    latest.clear();
    bytes = 0;
    lines = 0;
    openedAt = null;
  }
}
