package io.logpipe.shipper.deliver;

import io.logpipe.schemas.Topics;
import io.logpipe.shipper.ShipperConfig;
import io.logpipe.shipper.tail.Committed;
import io.logpipe.shipper.tail.FileSlice;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Exactly once (issues 3 and 9): one Kafka transaction per batch, carrying the batch's records (pod-log lines to
 * {@code logs.raw.v1}, or whatever a source's {@link SliceRecords} makes of its lines) and the files' new positions to
 * {@code logs.positions.v1} under the source's owner. The source's {@code transactional.id} (from the node name) makes
 * {@link #open} fence a predecessor (a zombie pod, or our own previous connection) and resolve whatever it left open
 * before the positions are read back. A read_committed consumer therefore sees each line's record exactly once, and
 * the positions always say exactly which.
 */
public final class TransactionalDelivery implements Delivery {

  private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final ShipperConfig config;
  private final SourceIdentity source;
  private final SliceRecords records;
  private final Map<String, Object> producerSettings;
  private final Clock clock;
  private final Consumer<Producer<?, ?>> onProducer;
  private Producer<byte[], byte[]> producer;
  private KeyPartitions partitions;
  private FirstFailure failure;

  /**
   * {@code producerSettings} with byte keys ({@link ProducerSettings#byteKeys}); {@code onProducer} sees each
   * producer created (to bind its metrics).
   */
  public TransactionalDelivery(ShipperConfig config, SourceIdentity source, SliceRecords records,
      Map<String, Object> producerSettings, Clock clock, Consumer<Producer<?, ?>> onProducer) {
    this.config = config;
    this.source = source;
    this.records = records;
    this.producerSettings = Map.copyOf(producerSettings);
    this.clock = clock;
    this.onProducer = onProducer;
  }

  /** The node's pod logs: {@code transactional.id} {@code <prefix>-shipper-<node>}, positions owned by the node. */
  public static TransactionalDelivery podLogs(ShipperConfig config, Clock clock,
      Consumer<Producer<?, ?>> onProducer) {
    return new TransactionalDelivery(config, SourceIdentity.podLogs(config), new WireRecords(config.nodeName()),
        ProducerSettings.byteKeys(ProducerSettings.of(config, true)), clock, onProducer);
  }

  @Override
  public Committed open() {
    producer = new KafkaProducer<>(producerSettings);
    partitions = KeyPartitions.forProducer(producer, producerSettings);
    onProducer.accept(producer);
    producer.initTransactions();
    return PositionsLoader.load(config.kafka().clientProperties(), source.positionOwner(), LOAD_TIMEOUT);
  }

  @Override
  public void send(List<FileSlice> slices) {
    if (failure == null) {
      producer.beginTransaction();
      failure = new FirstFailure();
    }
    for (FileSlice slice : slices) {
      records.lines(slice, (topic, key, value) -> {
        failure.check();
        producer.send(new ProducerRecord<>(topic, partitions.of(topic, key), key, value), failure);
      });
    }
  }

  @Override
  public void commit(List<FileSlice> batch) {
    send(List.of()); // a batch of releases only still needs its transaction
    BatchPositions.of(batch, source, clock.instant()).forEach((key, value) -> {
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
