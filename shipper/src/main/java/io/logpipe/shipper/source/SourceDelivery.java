package io.logpipe.shipper.source;

import io.logpipe.schemas.FilePosition;
import io.logpipe.schemas.Topics;
import io.logpipe.shipper.ShipperConfig;
import io.logpipe.shipper.deliver.Delivery;
import io.logpipe.shipper.deliver.FirstFailure;
import io.logpipe.shipper.deliver.PositionsLoader;
import io.logpipe.shipper.deliver.ProducerSettings;
import io.logpipe.shipper.tail.Committed;
import io.logpipe.shipper.tail.FileSlice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Exactly once for a file source other than pod logs (issue 9): as {@code TransactionalDelivery}, one transaction per
 * batch holding the batch's records (whatever {@link SliceRecords} makes of the lines, on whatever topic) and the
 * files' new positions under the source's own owner and {@code transactional.id}. A read_committed reader sees each
 * line's record exactly once, and the positions say exactly which.
 */
public final class SourceDelivery implements Delivery {

  private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final ShipperConfig config;
  private final SourceIdentity identity;
  private final SliceRecords records;
  private final Clock clock;
  private final Consumer<Producer<?, ?>> onProducer;
  private final Map<String, Object> producerDefaults;
  private Producer<String, byte[]> producer;
  private FirstFailure failure;

  public SourceDelivery(ShipperConfig config, SourceIdentity identity, SliceRecords records, Clock clock,
      Consumer<Producer<?, ?>> onProducer, Map<String, Object> producerDefaults) {
    this.config = config;
    this.producerDefaults = Map.copyOf(producerDefaults);
    this.identity = identity;
    this.records = records;
    this.clock = clock;
    this.onProducer = onProducer;
  }

  /**
   * The shipper's producer settings with this source's transactional and client ids, and {@code defaults} of the
   * source's own (smaller buffers for a sidecar) under the user's {@code SHIPPER_KAFKA_*} overrides.
   */
  public static Map<String, Object> producerSettings(ShipperConfig config, String transactionalId,
      Map<String, Object> defaults) {
    Map<String, Object> props = ProducerSettings.of(config, true);
    defaults.forEach((key, value) -> {
      if (!config.kafka().clientProperties().containsKey(key)) {
        props.put(key, value);
      }
    });
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
    return props;
  }

  @Override
  public Committed open() {
    producer = new KafkaProducer<>(producerSettings(config, identity.transactionalId(), producerDefaults));
    onProducer.accept(producer);
    producer.initTransactions();
    return PositionsLoader.load(config.kafka().clientProperties(), identity.positionOwner(), LOAD_TIMEOUT);
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
        producer.send(new ProducerRecord<>(topic, key, value), failure);
      });
    }
  }

  @Override
  public void commit(List<FileSlice> batch) {
    send(List.of());
    positions(batch, clock.instant()).forEach((key, value) -> {
      failure.check();
      producer.send(new ProducerRecord<>(Topics.POSITIONS.name(), key, value), failure);
    });
    producer.commitTransaction();
    failure = null;
  }

  /** The last slice per file wins; a file let go is a tombstone. */
  Map<String, byte[]> positions(List<FileSlice> batch, Instant now) {
    Map<String, byte[]> latest = new LinkedHashMap<>();
    for (FileSlice s : batch) {
      String key = s.id().positionKey(identity.positionOwner());
      latest.remove(key);
      latest.put(key, s.lastOfFile() ? null : Topics.FILE_POSITION.encode(
          new FilePosition(identity.node(), s.path(), s.id().toAvro(), s.endPosition(), s.tailHash(), now)));
    }
    return latest;
  }

  @Override
  public void close() {
    if (producer != null) {
      producer.close(CLOSE_TIMEOUT);
      producer = null;
    }
  }
}
