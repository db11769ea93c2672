package io.logpipe.shipper.tail;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * The hash of the bytes just before a position (FilePosition.tailHash): on resume, the same bytes must still be
 * there, otherwise the file was truncated and refilled (or the inode reused) and the saved position means nothing.
 */
public final class TailHash {

  /** How many bytes before the position are hashed: more than a CRI timestamp, so refilled files differ. */
  public static final int LENGTH = 64;

  private TailHash() {}

  /** Hash of {@code bytes[end - min(end, LENGTH) .. end)}, where {@code end} is the position within {@code bytes}. */
  public static long before(byte[] bytes, int end) {
    int start = Math.max(0, end - LENGTH);
    return Hash64.of(bytes, start, end - start);
  }

  /** Hash of the {@code min(position, LENGTH)} bytes of the file before {@code position}. */
  public static long before(FileChannel channel, long position) throws IOException {
    long start = Math.max(0, position - LENGTH);
    byte[] bytes = FileProbe.bytesAt(channel, start, (int) (position - start));
    if (bytes.length != position - start) {
      // The file is shorter than the position: no hash can match the saved one. Hash what is there, flagged apart.
      return ~Hash64.of(bytes);
    }
    return Hash64.of(bytes);
  }
}
