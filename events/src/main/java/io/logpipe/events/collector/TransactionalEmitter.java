package io.logpipe.events.collector;

import io.logpipe.events.occurrence.EmittedState;
import io.logpipe.events.occurrence.StateCodec;
import io.logpipe.schemas.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Exactly once (issue 9, "remembered transactionally with the output"): one Kafka transaction carries a batch of
 * Event records to the output topic and, for each Event, its new state (or a tombstone) to the state topic. The
 * {@code transactional.id} is fixed per collector deployment, so {@link #open} fences a previous leader and aborts
 * whatever it left open. A read_committed consumer sees a record exactly when the state says it was emitted.
 */
final class TransactionalEmitter implements AutoCloseable {

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final Producer<String, byte[]> producer;
  private final String outputTopic;
  private final String stateTopic;
  private boolean broken;

  private TransactionalEmitter(Producer<String, byte[]> producer, String outputTopic, String stateTopic) {
    this.producer = producer;
    this.outputTopic = outputTopic;
    this.stateTopic = stateTopic;
  }

  /** A producer with the user's client overrides under ours, {@code initTransactions()} done. */
  static TransactionalEmitter open(Map<String, Object> clientProperties, String transactionalId,
      String outputTopic, String stateTopic) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    // Bounded waits: a Kafka outage fails the session within max.block.ms (then retried with back-off), and a stop
    // finishes within the runner's 20 s close timeout even then.
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "logpipe-k8s-events-" + transactionalId);
    props.putAll(clientProperties);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    try {
      producer.initTransactions();
    } catch (KafkaException e) {
      producer.close(Duration.ZERO);
      throw e;
    }
    return new TransactionalEmitter(producer, outputTopic, stateTopic);
  }

  /**
   * Sends the batch, the new states, then tombstones for the {@code forgotten} Event uids, and commits; throws (and
   * the transaction never commits) if any send failed or Kafka did not answer within {@code max.block.ms}. After a
   * failure the emitter is broken: the session closes it and a new one re-fences.
   */
  void commit(Collection<Emission> batch, Collection<String> forgotten) {
    AtomicReference<Exception> failure = new AtomicReference<>();
    try {
      producer.beginTransaction();
      for (Emission e : batch) {
        send(new ProducerRecord<>(outputTopic, e.record().key().toString(),
            Topics.LOG_EVENT.encode(e.record().event())), failure);
        send(new ProducerRecord<>(stateTopic, e.occurrence().eventUid(),
            StateCodec.encode(EmittedState.after(e.occurrence()))), failure);
      }
      // After the states: same key, same partition, so the tombstone is the key's last word and compaction removes it.
      for (String uid : forgotten) {
        send(new ProducerRecord<>(stateTopic, uid, null), failure);
      }
      if (failure.get() != null) {
        throw new KafkaException("a send of the batch failed", failure.get());
      }
      // Flushes, then commits; bounded by max.block.ms (flush() is not: with the coordinator away it waits forever),
      // and throws the first failed send, so nothing commits unless every record was written.
      producer.commitTransaction();
    } catch (KafkaException e) {
      // No abort here: it would wait for the same unreachable coordinator. The transaction stays open until the
      // next session's initTransactions (same transactional.id) aborts it, or the broker does after
      // transaction.timeout.ms.
      broken = true;
      throw e;
    }
  }

  private Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, AtomicReference<Exception> failure) {
    return producer.send(record, (metadata, e) -> {
      if (e != null) {
        failure.compareAndSet(null, e);
      }
    });
  }

  /** Closes the producer; at once when broken, since waiting would only wait for Kafka again. */
  @Override
  public void close() {
    producer.close(broken ? Duration.ZERO : CLOSE_TIMEOUT);
  }
}
