package io.logpipe.sinks.opensearch;

import io.logpipe.sinks.worker.SinkRecord;

/** One document of a bulk request: the record, where it goes, its idempotent id and its JSON. */
record BulkItem(SinkRecord record, String index, String id, byte[] document) {}
