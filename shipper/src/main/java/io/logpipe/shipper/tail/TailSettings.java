package io.logpipe.shipper.tail;

import java.time.Duration;

/**
 * How the reader reads.
 *
 * @param maxLineBytes longer lines are cut into continued chunks (issue 3 default 1 MiB)
 * @param readCapBytes at most this much is read from one file per pass, so one noisy pod cannot starve others
 * @param rotateWait a rotated or deleted file, fully read, is kept open this long in case its writer is late
 */
public record TailSettings(int maxLineBytes, int readCapBytes, Duration rotateWait) {

  public TailSettings {
    if (maxLineBytes < 1 || readCapBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes and readCapBytes must be positive");
    }
    if (rotateWait.isNegative()) {
      throw new IllegalArgumentException("rotateWait must not be negative");
    }
  }

  /** Size of the reader's buffer: one pass's cap, but always room for a whole maximal line and its newline. */
  public int bufferBytes() {
    return Math.max(readCapBytes, maxLineBytes + 1);
  }
}
