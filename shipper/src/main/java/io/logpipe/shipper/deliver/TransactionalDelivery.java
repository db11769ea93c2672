package io.logpipe.shipper.deliver;

import io.logpipe.schemas.Topics;
import io.logpipe.shipper.ShipperConfig;
import io.logpipe.shipper.tail.Committed;
import io.logpipe.shipper.tail.FileSlice;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Exactly once (issue 3): one Kafka transaction per batch, carrying the batch's lines to {@code logs.raw.v1} and the
 * files' new positions to {@code logs.positions.v1}. The {@code transactional.id} comes from the node name, so
 * {@link #open} fences a predecessor (a zombie pod, or our own previous connection) and resolves whatever it left
 * open before the positions are read back. A read_committed consumer therefore sees each line exactly once, and the
 * positions always say exactly which lines it sees.
 */
public final class TransactionalDelivery implements Delivery {

  private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final ShipperConfig config;
  private final Clock clock;
  private final WireRecords records;
  private final Consumer<Producer<?, ?>> onProducer;
  private Producer<byte[], byte[]> producer;
  private FirstFailure failure;

  /** {@code onProducer} sees each producer created (to bind its metrics). */
  public TransactionalDelivery(ShipperConfig config, Clock clock, Consumer<Producer<?, ?>> onProducer) {
    this.config = config;
    this.clock = clock;
    this.records = new WireRecords(config.nodeName());
    this.onProducer = onProducer;
  }

  @Override
  public Committed open() {
    producer = new KafkaProducer<>(ProducerSettings.withByteKeys(config, true));
    onProducer.accept(producer);
    producer.initTransactions();
    return PositionsLoader.load(config.kafka().clientProperties(), config.nodeName(), LOAD_TIMEOUT);
  }

  @Override
  public void send(List<FileSlice> slices) {
    if (failure == null) {
      producer.beginTransaction();
      failure = new FirstFailure();
    }
    for (FileSlice slice : slices) {
      records.lines(slice, (key, value) -> {
        failure.check();
        producer.send(new ProducerRecord<>(Topics.RAW.name(), key, value), failure);
      });
    }
  }

  @Override
  public void commit(List<FileSlice> batch) {
    send(List.of()); // a batch of releases only still needs its transaction
    records.positions(batch, clock.instant()).forEach((key, value) -> {
      failure.check();
      producer.send(new ProducerRecord<>(Topics.POSITIONS.name(), key.getBytes(StandardCharsets.UTF_8), value),
          failure);
    });
    // Throws if any send failed; then the transaction never commits and the next open() aborts it.
    producer.commitTransaction();
    failure = null;
  }

  @Override
  public void close() {
    if (producer != null) {
      producer.close(CLOSE_TIMEOUT);
      producer = null;
    }
  }
}
