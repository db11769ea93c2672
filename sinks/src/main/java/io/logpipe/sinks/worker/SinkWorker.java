package io.logpipe.sinks.worker;

import io.logpipe.runtime.errors.DeadLetterWriter;
import io.logpipe.runtime.health.DropReason;
import io.logpipe.runtime.health.HealthState;
import io.logpipe.runtime.service.Service;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop shared by every backend (issue 7, "Sink workers"): poll a sink topic, batch per partition by the
 * {@link BatchPolicy}, write through the {@link LogSink}, and commit a partition's offsets only after the backend
 * confirmed its batch and every dead letter of it is durable.
 *
 * <p>A transient failure rewinds the partition to the batch's first offset and pauses it for a capped, jittered
 * back-off: the records stay in Kafka, not in memory, and the other partitions go on. A rebalance drops what was
 * not committed; the next owner reads it again, and idempotent writes make the repeat harmless. Single-threaded:
 * only {@link #stop} may be called from another thread.
 */
public final class SinkWorker implements Service {

  private static final Logger LOG = LoggerFactory.getLogger(SinkWorker.class);
  private static final Duration MAX_POLL_WAIT = Duration.ofMillis(200);

  private final Consumer<byte[], byte[]> consumer;
  private final String topic;
  private final LogSink sink;
  private final BatchPolicy policy;
  private final RetryBackoff backoff;
  private final DeadLetterWriter deadLetters;
  private final SinkStats stats;
  private final InstantSource clock;
  private final Map<TopicPartition, PendingBatch> pending = new HashMap<>();
  private final Map<TopicPartition, Instant> pausedUntil = new HashMap<>();
  private final Map<TopicPartition, Integer> failures = new HashMap<>();
  /** Per partition, the offset of the last record the latest poll returned (see {@link #nextOffset}). */
  private final Map<TopicPartition, Long> lastReturned = new HashMap<>();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private ReplayWindow replay;

  public SinkWorker(Consumer<byte[], byte[]> consumer, String topic, LogSink sink, BatchPolicy policy,
      RetryBackoff backoff, DeadLetterWriter deadLetters, SinkStats stats, InstantSource clock) {
    this.consumer = consumer;
    this.topic = topic;
    this.sink = sink;
    this.policy = policy;
    this.backoff = backoff;
    this.deadLetters = deadLetters;
    this.stats = stats;
    this.clock = clock;
  }

  /**
   * Delivers only {@code window}, from a fresh consumer group, and makes {@link #run} return once it is delivered
   * ({@code logpipe replay}). Call before {@link #run}.
   */
  public SinkWorker replaying(ReplayWindow window) {
    this.replay = window;
    return this;
  }

  /** Runs until {@link #stop}; then delivers what is pending (once, without retry). Throws on a fatal error. */
  @Override
  public void run(HealthState health) {
    consumer.subscribe(List.of(topic), new Rebalance());
    try {
      while (!stopped.get()) {
        resumeDuePartitions();
        ConsumerRecords<byte[], byte[]> records = consumer.poll(pollWait());
        accept(records);
        deliverDue();
        if (replay != null && pending.isEmpty() && pausedUntil.isEmpty() && replay.isFinished(consumer)) {
          break;
        }
        if (failures.isEmpty()) {
          health.markReady();
        } else {
          health.markNotReady(sink.target() + " failing for " + failures.keySet() + "; retrying");
        }
      }
    } catch (WakeupException e) {
      if (!stopped.get()) {
        throw e;
      }
    }
    for (TopicPartition partition : List.copyOf(pending.keySet())) {
      deliver(partition);
    }
  }

  /** Asks {@link #run} to return after delivering what is pending; never blocks. */
  @Override
  public void stop() {
    stopped.set(true);
    consumer.wakeup();
  }

  public SinkStats stats() {
    return stats;
  }

  private void accept(ConsumerRecords<byte[], byte[]> records) {
    Instant now = clock.instant();
    for (TopicPartition partition : records.partitions()) {
      List<ConsumerRecord<byte[], byte[]>> fetched = records.records(partition);
      lastReturned.put(partition, fetched.get(fetched.size() - 1).offset());
    }
    for (TopicPartition partition : records.partitions()) {
      for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
        if (pausedUntil.containsKey(partition)) {
          break; // rewound after a failure in this very loop: the rest is read again later
        }
        if (replay != null && !replay.admits(partition, record)) {
          continue;
        }
        PendingBatch batch = pending.computeIfAbsent(partition, p -> new PendingBatch(now));
        batch.add(record);
        if (batch.isFull(policy)) {
          deliver(partition);
        }
      }
    }
  }

  private void deliverDue() {
    Instant now = clock.instant();
    List<TopicPartition> due = pending.entrySet().stream()
        .filter(e -> e.getValue().isDue(policy, now)).map(Map.Entry::getKey).toList();
    due.forEach(this::deliver);
  }

  private void deliver(TopicPartition partition) {
    PendingBatch batch = pending.remove(partition);
    if (batch == null) {
      return;
    }
    Map<Long, ConsumerRecord<byte[], byte[]>> byOffset = new HashMap<>();
    List<Rejection> rejected = new ArrayList<>();
    List<SinkRecord> decoded = new ArrayList<>(batch.records().size());
    for (ConsumerRecord<byte[], byte[]> record : batch.records()) {
      byOffset.put(record.offset(), record);
      try {
        decoded.add(decode(record));
      } catch (SerializationException e) {
        rejected.add(new Rejection(record, e, DropReason.UNDESERIALIZABLE));
      }
    }
    try {
      if (!decoded.isEmpty()) {
        long started = System.nanoTime(); // a duration, not a point in time: monotonic, not the injected clock
        for (RejectedRecord refused : sink.write(new SinkBatch(partition.topic(), partition.partition(), decoded))) {
          rejected.add(new Rejection(byOffset.get(refused.record().offset()), new RejectedByBackendException(refused),
              DropReason.REJECTED));
        }
        sink.flush();
        stats.written(System.nanoTime() - started);
      }
    } catch (TransientSinkException e) {
      rewind(partition, batch, e);
      return;
    }
    // Dead letters only once the batch is through, so a retried batch never dead-letters twice.
    rejected.forEach(r -> deadLetters.reject(r.record(), r.error(), r.dropReason()));
    if (!rejected.isEmpty()) {
      deadLetters.flush();
    }
    commit(partition, nextOffset(partition, batch));
    failures.remove(partition);
    stats.batchDelivered(batch.records().size() - rejected.size(), rejected.size());
  }

  private static SinkRecord decode(ConsumerRecord<byte[], byte[]> record) {
    if (record.value() == null) {
      throw new SerializationException("empty record (null value)");
    }
    LogEvent event = Topics.LOG_EVENT.decode(record.value());
    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    return new SinkRecord(record.topic(), record.partition(), record.offset(), key, event,
        record.serializedValueSize());
  }

  private void rewind(TopicPartition partition, PendingBatch batch, TransientSinkException e) {
    int attempt = failures.merge(partition, 1, Integer::sum) - 1;
    Duration delay = backoff.delay(attempt);
    LOG.warn("{}: {} failed transiently (attempt {}): {}; retrying from offset {} in {} ms", sink.target(), partition,
        attempt + 1, e.getMessage(), batch.firstOffset(), delay.toMillis());
    consumer.seek(partition, batch.firstOffset());
    lastReturned.remove(partition);
    consumer.pause(List.of(partition));
    pausedUntil.put(partition, clock.instant().plus(delay));
    stats.retried();
  }

  /**
   * The offset to commit after {@code batch}. Upstream stages write with transactions, so each partition's log
   * holds commit markers after the records; a consumer's position steps over them, but {@code lastOffset + 1}
   * would leave the group forever "behind" by the markers (lag dashboards never reach zero). When the batch ends at
   * the last record the poll returned, the position is past it and past nothing but control records, so that is
   * what we commit; otherwise later records of the poll are still to be delivered and {@code lastOffset + 1} is.
   */
  private long nextOffset(TopicPartition partition, PendingBatch batch) {
    long afterBatch = batch.lastOffset() + 1;
    Long last = lastReturned.get(partition);
    return last != null && last == batch.lastOffset() ? Math.max(afterBatch, consumer.position(partition)) : afterBatch;
  }

  private void commit(TopicPartition partition, long nextOffset) {
    try {
      consumer.commitSync(Map.of(partition, new OffsetAndMetadata(nextOffset)));
    } catch (CommitFailedException | RebalanceInProgressException e) {
      // The partition moved to another worker, which reads from the last commit: the writes we did are
      // idempotent, so its repeat is harmless.
      LOG.info("{}: commit of {} at {} not accepted ({}); the next owner repeats the batch", sink.target(),
          partition, nextOffset, e.getClass().getSimpleName());
    }
  }

  private void resumeDuePartitions() {
    Instant now = clock.instant();
    List<TopicPartition> due = pausedUntil.entrySet().stream()
        .filter(e -> !now.isBefore(e.getValue())).map(Map.Entry::getKey).toList();
    if (!due.isEmpty()) {
      due.forEach(pausedUntil::remove);
      consumer.resume(due);
    }
  }

  private Duration pollWait() {
    Instant now = clock.instant();
    Instant next = now.plus(MAX_POLL_WAIT);
    for (PendingBatch batch : pending.values()) {
      Instant due = batch.dueAt(policy);
      next = due.isBefore(next) ? due : next;
    }
    for (Instant until : pausedUntil.values()) {
      next = until.isBefore(next) ? until : next;
    }
    Duration wait = Duration.between(now, next);
    return wait.isNegative() ? Duration.ZERO : wait;
  }

  /** A record that will never be delivered, why, and how to count it if the policy drops it. */
  private record Rejection(ConsumerRecord<byte[], byte[]> record, Throwable error, DropReason dropReason) {}

  /** Forgets what was not committed for partitions that leave; their next owner reads it from the last commit. */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      forget(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      forget(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (replay != null) {
        replay.start(consumer, partitions);
      }
    }

    private void forget(Collection<TopicPartition> partitions) {
      partitions.forEach(p -> {
        pending.remove(p);
        pausedUntil.remove(p);
        failures.remove(p);
        lastReturned.remove(p);
      });
    }
  }
}
