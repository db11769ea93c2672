package io.logpipe.shipper.source;

import io.logpipe.shipper.tail.FileSlice;

/**
 * How the lines of one slice become Kafka records, for the file sources other than pod logs (issue 9): extra node
 * files become {@code LogEvent}s on {@code logs.enriched.v1}, sidecar files CRI-framed {@code RawLine}s on
 * {@code logs.raw.v1}. Called by one thread at a time.
 */
@FunctionalInterface
public interface SliceRecords {

  /** Where each record goes. */
  @FunctionalInterface
  interface Out {
    void send(String topic, String key, byte[] value);
  }

  /** Every line of {@code slice} as records (a release has no lines and gives none). */
  void lines(FileSlice slice, Out out);
}
