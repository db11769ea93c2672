package io.logpipe.redactor.scan;

/** A span {@code [start, end)} of the scanned text that a rule identified as sensitive. */
public record Finding(int start, int end, String rule) {
  public Finding {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("empty or negative span [" + start + ", " + end + ")");
    }
  }

  public int length() {
    return end - start;
  }

  public boolean overlaps(Finding other) {
    return start < other.end && other.start < end;
  }
}
