package io.logpipe.shipper.tail;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Cuts bytes read from a file into lines (issue 3, "Long lines"). Only complete lines are taken: a partial last
 * line stays in the file for the next pass, unless it is already at the maximum size, in which case it is cut into
 * chunks of {@code maxLine} bytes marked as continued, or unless the file is finished ({@code flushTail}: a rotated
 * or deleted file that stopped growing, whose last line will never get its newline).
 *
 * <p>A line exactly {@code maxLine} bytes long is whole; a longer one becomes chunks, the last of which (ending at
 * the newline) is not continued. The newline itself is never part of a line.
 *
 * <p>The reader's hot loop: every byte of every file passes through {@link #indexOfNewline}, which looks at eight
 * bytes per step (the "has a zero byte" test of Hacker's Delight 6-1 on the word XORed with newlines), several
 * times fewer steps than a byte-by-byte scan (measured in {@code bench}'s {@code ReadEncodeBench}).
 */
public final class LineSplitter {

  /** Receives each line (or chunk) as a slice of the buffer. */
  @FunctionalInterface
  public interface Sink {
    void line(int start, int length, boolean continued);
  }

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
      ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
  private static final long LOW_BITS = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  private final int maxLine;

  public LineSplitter(int maxLine) {
    if (maxLine < 1) {
      throw new IllegalArgumentException("maxLine must be positive: " + maxLine);
    }
    this.maxLine = maxLine;
  }

  public int maxLine() {
    return maxLine;
  }

  /**
   * Splits {@code bytes[0 .. length)} and returns how many bytes were consumed (lines, their newlines and chunks):
   * the caller's position moves on by that much.
   */
  public int split(byte[] bytes, int length, boolean flushTail, Sink sink) {
    int lineStart = 0;
    while (lineStart < length) {
      // A newline at most maxLine bytes after the start ends a whole line; none there (and more bytes after them)
      // means the line is longer than the maximum: its first maxLine bytes are a continued chunk.
      int limit = (int) Math.min(length, (long) lineStart + maxLine + 1);
      int newline = indexOfNewline(bytes, lineStart, limit);
      if (newline >= 0) {
        sink.line(lineStart, newline - lineStart, false);
        lineStart = newline + 1;
      } else if (limit - lineStart > maxLine) {
        sink.line(lineStart, maxLine, true);
        lineStart += maxLine;
      } else {
        break; // a partial line: it waits for its newline
      }
    }
    int rest = length - lineStart;
    if (rest > 0 && flushTail) {
      sink.line(lineStart, rest, false);
      lineStart = length;
    }
    return lineStart;
  }

  /** The index of the first {@code '\n'} in {@code bytes[from .. to)}, or -1. */
  static int indexOfNewline(byte[] bytes, int from, int to) {
    int i = from;
    for (; i <= to - Long.BYTES; i += Long.BYTES) {
      long word = (long) LONGS.get(bytes, i) ^ NEWLINES; // a newline byte is now zero
      long zeros = (word - LOW_BITS) & ~word & HIGH_BITS; // lowest set bit: the first zero byte, exactly
      if (zeros != 0) {
        return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
