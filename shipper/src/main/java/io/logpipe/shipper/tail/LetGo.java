package io.logpipe.shipper.tail;

import java.time.Duration;

/**
 * When the shipper may close a file for good (issue 3, "Rotation"): the kubelet renames {@code 0.log} to
 * {@code 0.log.<timestamp>} and the runtime keeps writing to the renamed file until it reopens, so a file no longer
 * found under a live path is read to its end, and let go only once it has stopped growing for {@code rotateWait}.
 * A live file is never let go; a deleted file still open is treated like a rotated one.
 */
public final class LetGo {

  private LetGo() {}

  /**
   * @param live whether the file is still found under a path we ship from ({@code *.log})
   * @param position next byte to read
   * @param size current size of the (open) file
   * @param sinceLastGrowth how long ago the file last grew (or was first seen)
   * @param rotateWait how long a rotated, fully read file is kept open in case its writer is late
   */
  public static boolean mayLetGo(boolean live, long position, long size, Duration sinceLastGrowth,
      Duration rotateWait) {
    if (live || position < size) {
      return false;
    }
    return sinceLastGrowth.compareTo(rotateWait) >= 0;
  }
}
