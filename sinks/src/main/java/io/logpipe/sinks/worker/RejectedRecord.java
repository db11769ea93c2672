package io.logpipe.sinks.worker;

/**
 * A record the backend refused for good (a mapping error, a 4xx): it goes to the dead-letter topic with the
 * reason, and the rest of the batch is committed. Never used for transient failures.
 */
public record RejectedRecord(SinkRecord record, String errorClass, String reason) {}
