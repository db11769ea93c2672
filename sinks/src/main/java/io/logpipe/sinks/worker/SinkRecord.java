package io.logpipe.sinks.worker;

import io.logpipe.schemas.LogEvent;

/**
 * One decoded record of a sink topic with its Kafka coordinates (which make writes idempotent: S3 object names,
 * and where a record must be dead-lettered from). {@code sizeBytes} is the encoded value size, used for batching.
 */
public record SinkRecord(String topic, int partition, long offset, String key, LogEvent event, int sizeBytes) {}
