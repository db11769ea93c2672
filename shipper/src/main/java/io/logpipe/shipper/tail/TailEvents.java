package io.logpipe.shipper.tail;

/**
 * What the reader reports, by intent (STYLE.md pattern 8): the service maps these onto its metrics; tests count
 * them. Called from the reader thread only.
 */
public interface TailEvents {

  void linesRead(int lines, long bytes);

  /** A line longer than the maximum was cut into continued chunks (counted once per cut). */
  void lineSplit();

  /** A followed file left its live path (renamed by rotation, or deleted) and is being read to its end. */
  void rotated();

  /** A file shrank below our position (copy-truncate) and is read again from 0. */
  void truncated();

  /** A saved position was not taken up on resume, and why (the file is read from 0). */
  void resumeRejected(ResumeCheck.Outcome why);

  /** A file was let go: rotated or deleted, read to its end and idle. */
  void fileReleased();

  TailEvents NONE = new TailEvents() {
    @Override
    public void linesRead(int lines, long bytes) {}

    @Override
    public void lineSplit() {}

    @Override
    public void rotated() {}

    @Override
    public void truncated() {}

    @Override
    public void resumeRejected(ResumeCheck.Outcome why) {}

    @Override
    public void fileReleased() {}
  };
}
