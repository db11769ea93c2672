package io.logpipe.testkit;

import java.time.Duration;

/** A point in monotonic time that waits are bounded by. */
record Deadline(long nanos) {

  static Deadline after(Duration timeout) {
    return new Deadline(System.nanoTime() + timeout.toNanos());
  }

  boolean passed() {
    return System.nanoTime() - nanos >= 0;
  }

  Duration remaining() {
    return Duration.ofNanos(Math.max(0, nanos - System.nanoTime()));
  }

  /** The remaining time, but no more than {@code limit}: for polls that must come back to check a condition. */
  Duration atMost(Duration limit) {
    Duration remaining = remaining();
    return remaining.compareTo(limit) < 0 ? remaining : limit;
  }
}
