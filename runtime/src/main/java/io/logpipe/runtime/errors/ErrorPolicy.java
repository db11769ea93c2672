package io.logpipe.runtime.errors;

/**
 * What a stage does with a record it cannot handle (bad bytes, a parser or processing error): the one place this
 * choice is made, so every stage logs and counts it the same way (see {@link PoisonRecords}).
 */
public enum ErrorPolicy {
  /** Stop the service with a non-zero exit: for bugs, where skipping would hide data loss. */
  FAIL,
  /** Skip the record, counted in {@code logpipe_records_dropped_total}. */
  DROP,
  /** Send the original bytes with provenance headers to {@code logs.dlq.v1}, counted; the default. */
  DEAD_LETTER
}
