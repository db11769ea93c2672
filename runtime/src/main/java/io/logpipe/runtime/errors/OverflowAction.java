package io.logpipe.runtime.errors;

/**
 * What to do with a line or event above its configured maximum size. Whatever the choice, it is counted and
 * flagged on the event: an oversized record is never silently altered or lost.
 */
public enum OverflowAction {
  /** Keep the first bytes up to the limit and flag the event as truncated. */
  TRUNCATE,
  /** Cut into consecutive records of at most the limit, each flagged as a fragment. */
  SPLIT,
  /** Drop the record, counted with reason {@code oversized}. */
  DROP
}
