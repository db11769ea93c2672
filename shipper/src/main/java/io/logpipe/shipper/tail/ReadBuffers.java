package io.logpipe.shipper.tail;

import java.util.ArrayDeque;

/**
 * The arrays full reads are read into, handed back once the delivery thread is done with their lines
 * ({@link SliceQueue#recycleInto}): with a backlog every read fills a whole read cap, and reading into the same few
 * arrays instead of a new one per read takes the line bytes out of the allocation rate (they were about 40 % of
 * what the reader and the encoder allocate per line, see {@code ReadEncodeBench}) and out of the young collections,
 * which otherwise copy the queued slices between survivor spaces or promote them.
 *
 * <p>Bounded: at most {@link #MAX_FREE_BYTES} (and at least one array) wait here; more are left to the collector.
 * Thread-safe: taken by the reader, given back by the delivery thread.
 */
public final class ReadBuffers {

  /** Free arrays kept: a default 1 MiB queue in flight twice over, in 256 KiB reads. */
  static final long MAX_FREE_BYTES = 2L << 20;

  private final int arrayBytes;
  private final int maxFree;
  private final ArrayDeque<byte[]> free = new ArrayDeque<>();

  ReadBuffers(int arrayBytes) {
    this.arrayBytes = arrayBytes;
    this.maxFree = (int) Math.max(1, MAX_FREE_BYTES / arrayBytes);
  }

  /** The size of the arrays handed out: one full read. */
  int arrayBytes() {
    return arrayBytes;
  }

  /** A free array of {@link #arrayBytes}, or a new one. Its content is whatever was read into it last. */
  synchronized byte[] take() {
    byte[] array = free.pollFirst();
    return array != null ? array : new byte[arrayBytes];
  }

  /** {@code array} may be read into again: nothing reads its old content any more. Other sizes are ignored. */
  synchronized void give(byte[] array) {
    for (byte[] waiting : free) {
      if (waiting == array) {
        // Two slices would share it and one would send the other's lines: never, whatever a caller does.
        throw new IllegalStateException("an array given back twice");
      }
    }
    if (array.length == arrayBytes && free.size() < maxFree) {
      free.addFirst(array); // the most recently used first: likelier still in the CPU's caches
    }
  }

  synchronized int free() {
    return free.size();
  }
}
