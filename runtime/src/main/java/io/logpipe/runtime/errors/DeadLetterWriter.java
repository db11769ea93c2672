package io.logpipe.runtime.errors;

import io.logpipe.runtime.config.KafkaSettings;
import io.logpipe.runtime.health.DropReason;
import io.logpipe.runtime.health.Reason;
import io.logpipe.runtime.health.ServiceMetrics;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The error policy for services that are not Kafka Streams applications (shipper, sink workers).
 *
 * <p>Given a producer it does not own, dead letters join that producer's current transaction: a sink or the
 * shipper commits the DLQ record and its progress atomically. With its own producer ({@link #create}) the caller
 * must {@link #flush()} before committing the consumer offsets that pass the rejected record, so a crash cannot
 * lose it.
 */
public final class DeadLetterWriter implements AutoCloseable {

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final Producer<byte[], byte[]> producer;
  private final boolean ownsProducer;
  private final PoisonRecords poison;

  private DeadLetterWriter(Producer<byte[], byte[]> producer, boolean ownsProducer, PoisonRecords poison) {
    this.producer = producer;
    this.ownsProducer = ownsProducer;
    this.poison = poison;
  }

  /** Writes through {@code producer} (not closed by {@link #close()}; may be transactional). */
  public static DeadLetterWriter using(Producer<byte[], byte[]> producer, String stage, ErrorPolicy policy,
      ServiceMetrics metrics, InstantSource clock) {
    return using(producer, stage, policy, metrics, new DeadLetters(clock));
  }

  /** As above, with dead letters built by {@code deadLetters} (another DLQ topic, for instance). */
  public static DeadLetterWriter using(Producer<byte[], byte[]> producer, String stage, ErrorPolicy policy,
      ServiceMetrics metrics, DeadLetters deadLetters) {
    return new DeadLetterWriter(Objects.requireNonNull(producer, "producer"), false,
        new PoisonRecords(stage, policy, deadLetters, Optional.of(metrics)));
  }

  /** Writes through its own idempotent producer ({@code acks=all}), closed by {@link #close()}. */
  public static DeadLetterWriter create(KafkaSettings kafka, String stage, ErrorPolicy policy,
      ServiceMetrics metrics) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, stage + "-dlq");
    props.putAll(kafka.clientProperties());
    Producer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    metrics.bind(producer);
    return new DeadLetterWriter(producer, true,
        new PoisonRecords(stage, policy, DeadLetters.systemClock(), Optional.of(metrics)));
  }

  /** Applies the policy to a consumed record (see the coordinates overload). */
  public Optional<Future<RecordMetadata>> reject(ConsumerRecord<byte[], byte[]> record, Throwable error,
      Reason dropReason) {
    return reject(record.topic(), record.partition(), record.offset(), record.key(), record.value(), error,
        dropReason);
  }

  /**
   * Applies the policy to one record that could not be handled: DEAD_LETTER sends it (the returned future completes
   * when Kafka has it), DROP counts it under {@code dropReason}, FAIL throws {@link PoisonRecordException}.
   */
  public Optional<Future<RecordMetadata>> reject(String topic, int partition, long offset, byte[] key, byte[] value,
      Throwable error, Reason dropReason) {
    PoisonRecords.Verdict verdict = poison.judge(topic, partition, offset, key, value, error, dropReason);
    if (!verdict.resume()) {
      throw new PoisonRecordException(poison.stage(), topic + "-" + partition + "@" + offset, error);
    }
    return verdict.deadLetter().map(producer::send);
  }

  /** As {@link #reject(String, int, long, byte[], byte[], Throwable, Reason)}, counting drops as {@code rejected}. */
  public Optional<Future<RecordMetadata>> reject(String topic, int partition, long offset, byte[] key, byte[] value,
      Throwable error) {
    return reject(topic, partition, offset, key, value, error, DropReason.REJECTED);
  }

  public ErrorPolicy policy() {
    return poison.policy();
  }

  /** Blocks until every dead letter sent so far is acknowledged. */
  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    if (ownsProducer) {
      producer.close(CLOSE_TIMEOUT);
    }
  }
}
