package io.logpipe.shipper.deliver;

import io.logpipe.shipper.tail.FileSlice;

/**
 * How the lines of one slice become Kafka records: pod-log lines {@code RawLine}s on {@code logs.raw.v1}
 * ({@link WireRecords}), extra node files {@code LogEvent}s on {@code logs.enriched.v1}, sidecar files CRI-framed
 * {@code RawLine}s on {@code logs.raw.v1} (issue 9). Called by one thread at a time.
 */
@FunctionalInterface
public interface SliceRecords {

  /**
   * Where each record goes. The key is UTF-8 bytes, made once per slice and shared by its records (the producer
   * only reads it), not encoded again per line by a serializer.
   */
  @FunctionalInterface
  interface Out {
    void send(String topic, byte[] key, byte[] value);
  }

  /** Every line of {@code slice} as records (a release has no lines and gives none). */
  void lines(FileSlice slice, Out out);
}
