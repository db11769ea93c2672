package io.logpipe.shipper.deliver;

import io.logpipe.schemas.Topics;
import io.logpipe.shipper.ShipperConfig;
import io.logpipe.shipper.tail.Committed;
import io.logpipe.shipper.tail.FileSlice;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * At least once (issue 3, for clusters without transactions): an idempotent producer, and the positions written to
 * a local file only after the broker acknowledged every line of the batch. A crash between the two repeats the
 * batch; nothing is ever lost.
 */
public final class AtLeastOnceDelivery implements Delivery {

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final ShipperConfig config;
  private final WireRecords records;
  private final PositionFile file;
  private final Consumer<Producer<?, ?>> onProducer;
  private final Map<io.logpipe.shipper.tail.FileId, Committed.Saved> positions = new HashMap<>();
  private Producer<byte[], byte[]> producer;
  private KeyPartitions partitions;
  private FirstFailure failure = new FirstFailure();

  public AtLeastOnceDelivery(ShipperConfig config, Consumer<Producer<?, ?>> onProducer) {
    this.config = config;
    this.records = new WireRecords(config.nodeName());
    this.file = new PositionFile(config.positionsFile());
    this.onProducer = onProducer;
  }

  @Override
  public Committed open() throws Exception {
    Map<String, Object> settings = ProducerSettings.byteKeys(ProducerSettings.of(config, false));
    producer = new KafkaProducer<>(settings);
    partitions = KeyPartitions.forProducer(producer, settings);
    onProducer.accept(producer);
    producer.partitionsFor(Topics.RAW.name()); // connected: fails within max.block.ms when Kafka is away
    Committed committed = file.read();
    positions.clear();
    positions.putAll(committed.positions());
    return committed;
  }

  @Override
  public void send(java.util.List<FileSlice> slices) {
    for (FileSlice slice : slices) {
      records.lines(slice, (topic, key, value) -> {
        failure.check();
        producer.send(new ProducerRecord<>(topic, partitions.of(topic, key), key, value), failure);
      });
    }
  }

  @Override
  public void commit(java.util.List<FileSlice> batch) throws Exception {
    producer.flush();
    failure.check(); // every line acknowledged before the positions move
    failure = new FirstFailure();
    for (FileSlice s : batch) {
      if (s.lastOfFile()) {
        positions.remove(s.id());
      } else {
        positions.put(s.id(), new Committed.Saved(s.id(), s.path(), s.endPosition(), s.tailHash()));
      }
    }
    file.write(positions.values());
  }

  @Override
  public void close() {
    if (producer != null) {
      producer.close(CLOSE_TIMEOUT);
      producer = null;
    }
  }
}
