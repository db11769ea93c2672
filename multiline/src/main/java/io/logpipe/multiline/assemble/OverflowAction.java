package io.logpipe.multiline.assemble;

/** What to do when an event reaches its line or byte limit. */
public enum OverflowAction {
  /** Keep the event open, leave further lines out of its message, flag it {@code truncated}. */
  TRUNCATE,
  /** Emit what there is, flagged {@code split}, and continue the event in a new one, also flagged {@code split}. */
  SPLIT
}
