package io.logpipe.shipper.tail;

/**
 * Decides whether a saved position still applies to the file now found with the same device and inode (issue 3,
 * "File identity": inode reuse or a truncated-and-refilled file must never make us skip or repeat data).
 *
 * <p>Anything but {@link Outcome#RESUME} means the bytes we read before are no longer there, so the file is read
 * from its start: it is new content.
 */
public final class ResumeCheck {

  /** Why a saved position was or was not taken up. */
  public enum Outcome {
    /** Same first bytes, long enough, same bytes just before the position: continue there. */
    RESUME,
    /** The first bytes differ: the inode was reused by another file. */
    NEW_FILE,
    /** The file is shorter than the position: truncated (copy-truncate rotation). */
    TRUNCATED,
    /** Long enough and same start, but the bytes before the position changed: truncated and refilled. */
    REWRITTEN;

    public boolean resumes() {
      return this == RESUME;
    }
  }

  /** What was saved: the fingerprint, the next byte to read and the hash of the bytes before it. */
  public record Saved(long fingerprint, long position, long tailHash) {}

  /**
   * What the file looks like now: whether its leading bytes still match the saved fingerprint, its size, and the
   * hash of the bytes before the saved position (meaningless when {@code size < position}).
   */
  public record Observed(boolean sameStart, long size, long tailHashAtSavedPosition) {}

  private ResumeCheck() {}

  public static Outcome decide(Saved saved, Observed now) {
    if (!now.sameStart()) {
      return Outcome.NEW_FILE;
    }
    if (now.size() < saved.position()) {
      return Outcome.TRUNCATED;
    }
    if (saved.position() > 0 && now.tailHashAtSavedPosition() != saved.tailHash()) {
      return Outcome.REWRITTEN;
    }
    return Outcome.RESUME;
  }
}
