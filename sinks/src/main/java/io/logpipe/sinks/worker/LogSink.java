package io.logpipe.sinks.worker;

import java.util.List;

/**
 * A delivery backend behind the smallest interface that keeps delivery exact (after Kafka Connect's sink task:
 * put, flush, stop). The worker calls {@link #write}, then {@link #flush}, and commits the batch's offsets only
 * when both returned; so every write must be idempotent (a crash between write and commit repeats it).
 *
 * <p>Implementations are used from the worker's single thread.
 */
public interface LogSink extends AutoCloseable {

  /**
   * Writes a batch. Returns the records the backend refused for good (to the dead-letter topic), empty when all
   * were accepted. Throws {@link TransientSinkException} when the whole batch should be retried later.
   */
  List<RejectedRecord> write(SinkBatch batch);

  /** Makes everything written so far durable and confirmed by the backend (no-op for synchronous sinks). */
  void flush();

  /** Where this sink delivers, for logs and the {@code local} mode's summary, e.g. {@code file:///tmp/out}. */
  String target();

  @Override
  void close();
}
