package io.logpipe.multiline.assemble;

import java.util.ArrayList;
import java.util.List;

/** The event flags this stage sets (LogEvent.flags), as a bit set while assembling. */
public final class Flags {

  /** A partial line whose final piece never came (flushed by quiet time or end of input). */
  public static final int PARTIAL = 1;
  /** Lines or bytes beyond the configured limits were left out of the message. */
  public static final int TRUNCATED = 2;
  /** The event reached a limit and was cut into several events. */
  public static final int SPLIT = 4;

  private Flags() {
  }

  public static List<String> names(int flags) {
    if (flags == 0) {
      return List.of();
    }
    List<String> out = new ArrayList<>(2);
    if ((flags & PARTIAL) != 0) {
      out.add("partial");
    }
    if ((flags & TRUNCATED) != 0) {
      out.add("truncated");
    }
    if ((flags & SPLIT) != 0) {
      out.add("split");
    }
    return out;
  }
}
