package io.logpipe.shipper.tail;

import java.time.Duration;

/**
 * When the shipper may close a file for good (issue 3, "Rotation"). The kubelet renames {@code 0.log} to
 * {@code 0.log.<timestamp>}, the runtime may still write to the renamed file until it reopens, and the kubelet later
 * compresses and deletes it. A file is let go only once it is no longer found under any path we ship from (deleted,
 * or replaced by its {@code .gz}), read to its end, and idle for {@code rotateWait}: while it is on disk we keep its
 * position, so it is never mistaken for a new file and read twice.
 */
public final class LetGo {

  private LetGo() {}

  /**
   * @param present whether the file is still found under a path we ship from ({@code *.log} or rotated)
   * @param position next byte to read
   * @param size current size of the (open) file
   * @param sinceLastGrowth how long ago the file last grew (or was first seen)
   * @param rotateWait how long a rotated, fully read file is kept open in case its writer is late
   */
  public static boolean mayLetGo(boolean present, long position, long size, Duration sinceLastGrowth,
      Duration rotateWait) {
    if (present || position < size) {
      return false;
    }
    return sinceLastGrowth.compareTo(rotateWait) >= 0;
  }
}
