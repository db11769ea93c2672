package io.logpipe.shipper.tail;

/**
 * Cuts bytes read from a file into lines (issue 3, "Long lines"). Only complete lines are taken: a partial last
 * line stays in the file for the next pass, unless it is already at the maximum size, in which case it is cut into
 * chunks of {@code maxLine} bytes marked as continued, or unless the file is finished ({@code flushTail}: a rotated
 * or deleted file that stopped growing, whose last line will never get its newline).
 *
 * <p>A line exactly {@code maxLine} bytes long is whole; a longer one becomes chunks, the last of which (ending at
 * the newline) is not continued. The newline itself is never part of a line.
 */
public final class LineSplitter {

  /** Receives each line (or chunk) as a slice of the buffer. */
  @FunctionalInterface
  public interface Sink {
    void line(int start, int length, boolean continued);
  }

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
    int i = 0;
    while (i < length) {
      if (bytes[i] == '\n') {
        // Complete: at most maxLine long, since longer ones were cut while scanning.
        sink.line(lineStart, i - lineStart, false);
        lineStart = i + 1;
      } else if (i - lineStart + 1 > maxLine) {
        // Byte i would make the line longer than the maximum: cut before it.
        sink.line(lineStart, maxLine, true);
        lineStart = i;
        continue;
      }
      i++;
    }
    int rest = length - lineStart;
    if (rest > 0 && flushTail) {
      sink.line(lineStart, rest, false);
      lineStart = length;
    }
    return lineStart;
  }
}
