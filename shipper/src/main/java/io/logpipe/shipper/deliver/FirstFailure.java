package io.logpipe.shipper.deliver;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * Remembers the first failed send of a batch, so the batch stops at once. Without it, when Kafka is away every
 * remaining {@code send} of the batch waits {@code max.block.ms} for metadata in turn: a batch of thousands of lines
 * would hold the shipper for hours instead of failing, reconnecting and rewinding.
 */
public final class FirstFailure implements Callback {

  private final AtomicReference<Exception> first = new AtomicReference<>();

  @Override
  public void onCompletion(RecordMetadata metadata, Exception e) {
    if (e != null) {
      first.compareAndSet(null, e);
    }
  }

  /** Throws if any send of the batch failed so far. */
  public void check() {
    Exception e = first.get();
    if (e != null) {
      throw new KafkaException("a send of the batch failed: " + e, e);
    }
  }
}
