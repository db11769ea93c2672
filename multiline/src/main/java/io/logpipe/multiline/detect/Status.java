package io.logpipe.multiline.detect;

/** What a detector says about one line, given the lines before it (the vocabulary of fluent-plugin-detect-exceptions). */
public enum Status {
  /** The line is not part of a multi-line event; any open event ends before it. */
  NO_TRACE,
  /** The line starts a new event; any open event ends before it. */
  START,
  /** The line continues the open event. */
  INSIDE,
  /**
   * The line may continue the open event, but only the next line can tell (a blank line after a Python exception
   * is part of a chained traceback only if {@code During handling…} follows). The assembler holds it.
   */
  TENTATIVE,
  /** The line continues the open event and is its last line. */
  END
}
