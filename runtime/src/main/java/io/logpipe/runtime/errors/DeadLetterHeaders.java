package io.logpipe.runtime.errors;

/**
 * Header names of a dead-letter record. The record's key and value are the ORIGINAL bytes as read from
 * {@code logpipe.dlq.topic}; these headers say where they came from and why they were rejected. Numbers and times
 * are UTF-8 decimal text so that any console consumer can read them.
 */
public final class DeadLetterHeaders {

  /** The stage that rejected the record ({@code multiline}, {@code sink-loki}...). */
  public static final String STAGE = "logpipe.dlq.stage";
  /** The fully-qualified class of the error. */
  public static final String ERROR_CLASS = "logpipe.dlq.error.class";
  /** The error message, at most {@link #MAX_MESSAGE_CHARS} characters. */
  public static final String ERROR_MESSAGE = "logpipe.dlq.error.message";
  /** The topic the record was read from (absent when it did not come from a topic). */
  public static final String TOPIC = "logpipe.dlq.topic";
  /** The partition the record was read from, decimal. */
  public static final String PARTITION = "logpipe.dlq.partition";
  /** The offset of the record in that partition, decimal. */
  public static final String OFFSET = "logpipe.dlq.offset";
  /** When the record was rejected: ISO-8601 UTC instant. */
  public static final String TIME = "logpipe.dlq.time";

  /** Bound on the message header: error messages can be long, and must not carry a whole record. */
  public static final int MAX_MESSAGE_CHARS = 512;

  private DeadLetterHeaders() {}
}
