package io.logpipe.shipper.tail;

import io.logpipe.schemas.StreamKey;
import java.time.Instant;

/**
 * Consecutive lines of one file read in one pass, and where the file stands after them: the unit the reader hands to
 * the producer. The lines share one byte array: the one the pass was read into (no copy), which may hold the start of
 * a next, incomplete line after them. Once the shipper's queue hands the slice out and the delivery thread drains
 * again, that array is read into anew ({@link SliceQueue}): only the lines' records outlive the send.
 *
 * <p>{@code endPosition}/{@code tailHash} are what the positions topic must say once these lines are committed.
 * {@code lastOfFile} marks a file let go (rotated or deleted, read to its end): its position is then forgotten
 * (a tombstone) in the same transaction. {@code stream} is null only for a release of a file never seen again.
 */
public record FileSlice(
    FileId id,
    String path,
    StreamKey stream,
    long startOffset,
    byte[] data,
    int[] starts,
    int[] lengths,
    boolean[] continued,
    int lineCount,
    long endPosition,
    long tailHash,
    boolean lastOfFile,
    Instant readTime) {

  private static final int[] NO_INTS = new int[0];
  private static final boolean[] NO_FLAGS = new boolean[0];
  private static final byte[] NO_BYTES = new byte[0];

  /** No lines, only the news that a file is let go: its position is forgotten when this is committed. */
  public static FileSlice release(FileId id, String path, StreamKey stream, long position, long tailHash,
      Instant now) {
    return new FileSlice(id, path, stream, position, NO_BYTES, NO_INTS, NO_INTS, NO_FLAGS, 0, position, tailHash,
        true, now);
  }

  /**
   * The same slice without its lines: where the file stands once it is committed, which is all an open batch needs
   * after the lines went to the producer. Holding only this lets the line bytes die young instead of being promoted
   * with the batch (on the agent's small heap, that promotion was what filled the old generation).
   */
  public FileSlice withoutLines() {
    return lineCount == 0 ? this : new FileSlice(id, path, stream, startOffset, NO_BYTES, NO_INTS, NO_INTS, NO_FLAGS,
        0, endPosition, tailHash, lastOfFile, readTime);
  }

  /** Bytes of line content held (what the bounded queue counts). */
  public int byteSize() {
    return data.length;
  }

  /** File offset of line {@code i}. */
  public long offsetOf(int i) {
    return startOffset + starts[i];
  }
}
