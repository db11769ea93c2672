package io.logpipe.sinks.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.runtime.errors.DeadLetterHeaders;
import io.logpipe.runtime.errors.DeadLetterWriter;
import io.logpipe.runtime.errors.ErrorPolicy;
import io.logpipe.runtime.health.HealthState;
import io.logpipe.runtime.health.ServiceMetrics;
import io.logpipe.sinks.TestEvents;
import io.logpipe.testkit.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class SinkWorkerTest {

  private static final String TOPIC = "logs.sink.s3.v1";
  private static final TopicPartition TP = new TopicPartition(TOPIC, 0);

  private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
  private final MockProducer<byte[], byte[]> dlq =
      new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
  private final ManualClock clock = new ManualClock();
  private final HealthState health = new HealthState();

  private SinkWorker worker(LogSink sink, BatchPolicy policy) {
    return worker(sink, policy, new SinkStats());
  }

  private SinkWorker worker(LogSink sink, BatchPolicy policy, SinkStats stats) {
    DeadLetterWriter deadLetters =
        DeadLetterWriter.using(dlq, "sink-test", ErrorPolicy.DEAD_LETTER, ServiceMetrics.bare("test"), clock);
    RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(1), new SplittableRandom(7));
    return new SinkWorker(consumer, TOPIC, sink, policy, backoff, deadLetters, stats, clock);
  }

  private void assignAndAdd(long... offsets) {
    consumer.schedulePollTask(() -> {
      consumer.rebalance(List.of(TP));
      consumer.updateBeginningOffsets(Map.of(TP, 0L));
      add(offsets);
    });
  }

  private void add(long... offsets) {
    for (long offset : offsets) {
      consumer.addRecord(TestEvents.record(TOPIC, 0, offset, TestEvents.event("shop", TestEvents.TIME, offset, "m")));
    }
  }

  private Long committed() {
    OffsetAndMetadata committed = consumer.committed(Set.of(TP)).get(TP);
    return committed == null ? null : committed.offset();
  }

  @Test
  void commitsABatchOnlyAfterTheBackendConfirmedIt() {
    AtomicReference<Long> committedDuringWrite = new AtomicReference<>(-1L);
    RecordingSink sink = new RecordingSink().onWrite(() -> committedDuringWrite.set(committed()));
    SinkWorker worker = worker(sink, new BatchPolicy(3, 1 << 20, Duration.ofSeconds(5)));
    assignAndAdd(0, 1, 2);
    consumer.schedulePollTask(worker::stop);

    worker.run(health);

    assertThat(sink.writes).containsExactly(List.of(0L, 1L, 2L));
    assertThat(committedDuringWrite.get()).isNull();
    assertThat(committed()).isEqualTo(3L);
    assertThat(worker.stats().delivered()).isEqualTo(3);
  }

  @Test
  void retriesATransientFailureFromTheBatchsFirstOffsetAfterABackoffWithThePartitionPaused() {
    RecordingSink sink = new RecordingSink().failingTransiently(1);
    SinkWorker worker = worker(sink, new BatchPolicy(3, 1 << 20, Duration.ofSeconds(5)));
    assignAndAdd(0, 1, 2);
    consumer.schedulePollTask(() -> {
      assertThat(consumer.paused()).containsExactly(TP);
      assertThat(consumer.position(TP)).isZero();
      assertThat(committed()).isNull();
      assertThat(health.isReady()).isFalse();
      clock.advance(Duration.ofSeconds(1));
    });
    consumer.schedulePollTask(() -> {
      assertThat(consumer.paused()).isEmpty();
      add(0, 1, 2); // the mock forgets what it returned; a broker would return the records again after the seek
    });
    consumer.schedulePollTask(worker::stop);

    worker.run(health);

    assertThat(sink.writes).containsExactly(List.of(0L, 1L, 2L), List.of(0L, 1L, 2L));
    assertThat(committed()).isEqualTo(3L);
    assertThat(worker.stats().retries()).isEqualTo(1);
    assertThat(worker.stats().delivered()).isEqualTo(3);
    assertThat(health.isReady()).isTrue();
  }

  @Test
  void exportsTheConfirmedWritesTimeAndTheDeliveredAndRetriedCountsPerBackend() {
    ServiceMetrics metrics = ServiceMetrics.bare("sink-s3");
    RecordingSink sink = new RecordingSink().failingTransiently(1);
    SinkWorker worker = worker(sink, new BatchPolicy(3, 1 << 20, Duration.ofSeconds(5)),
        SinkStats.metered(metrics.registry(), "s3"));
    assignAndAdd(0, 1, 2);
    consumer.schedulePollTask(() -> clock.advance(Duration.ofSeconds(1)));
    consumer.schedulePollTask(() -> add(0, 1, 2));
    consumer.schedulePollTask(worker::stop);

    worker.run(health);

    var registry = metrics.registry();
    // Only the attempt the backend confirmed is timed; the failed one is a retry.
    assertThat(registry.get(SinkStats.WRITE).tag("backend", "s3").timer().count()).isEqualTo(1);
    assertThat(registry.get(SinkStats.DELIVERED).tag("backend", "s3").functionCounter().count()).isEqualTo(3);
    assertThat(registry.get(SinkStats.RETRIES).tag("backend", "s3").functionCounter().count()).isEqualTo(1);
    assertThat(registry.scrape()).contains("logpipe_sink_write_seconds_bucket{backend=\"s3\"");
  }

  @Test
  void deadLettersUndecodableRecordsWithTheirOriginalBytesAndDeliversTheRest() {
    RecordingSink sink = new RecordingSink();
    SinkWorker worker = worker(sink, new BatchPolicy(3, 1 << 20, Duration.ofSeconds(5)));
    byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
    consumer.schedulePollTask(() -> {
      consumer.rebalance(List.of(TP));
      consumer.updateBeginningOffsets(Map.of(TP, 0L));
      add(0);
      consumer.addRecord(TestEvents.raw(TOPIC, 0, 1, TestEvents.key("shop"), garbage));
      add(2);
    });
    consumer.schedulePollTask(worker::stop);

    worker.run(health);

    assertThat(sink.writes).containsExactly(List.of(0L, 2L));
    assertThat(dlq.history()).singleElement().satisfies(letter -> {
      assertThat(letter.value()).isEqualTo(garbage);
      assertThat(header(letter, DeadLetterHeaders.OFFSET)).isEqualTo("1");
      assertThat(header(letter, DeadLetterHeaders.STAGE)).isEqualTo("sink-test");
    });
    assertThat(committed()).isEqualTo(3L);
    assertThat(worker.stats().deadLettered()).isEqualTo(1);
  }

  @Test
  void deadLettersWhatTheBackendRefusesForGoodAndCommitsPastIt() {
    RecordingSink sink = new RecordingSink().refusing(Set.of(1L));
    SinkWorker worker = worker(sink, new BatchPolicy(3, 1 << 20, Duration.ofSeconds(5)));
    assignAndAdd(0, 1, 2);
    consumer.schedulePollTask(worker::stop);

    worker.run(health);

    assertThat(dlq.history()).singleElement().satisfies(letter -> {
      assertThat(header(letter, DeadLetterHeaders.OFFSET)).isEqualTo("1");
      assertThat(header(letter, DeadLetterHeaders.ERROR_MESSAGE)).isEqualTo("mapper_parsing_exception: bad field");
    });
    assertThat(committed()).isEqualTo(3L);
    assertThat(worker.stats().delivered()).isEqualTo(2);
  }

  @Test
  void deliversAPartialBatchOnceItIsOldEnough() {
    RecordingSink sink = new RecordingSink();
    SinkWorker worker = worker(sink, new BatchPolicy(100, 1 << 20, Duration.ofSeconds(5)));
    assignAndAdd(0, 1);
    consumer.schedulePollTask(() -> {
      assertThat(sink.writes).isEmpty();
      clock.advance(Duration.ofSeconds(5));
    });
    consumer.schedulePollTask(() -> assertThat(sink.writes).containsExactly(List.of(0L, 1L)));
    consumer.schedulePollTask(worker::stop);

    worker.run(health);

    assertThat(committed()).isEqualTo(2L);
  }

  @Test
  void forgetsUncommittedRecordsOfAPartitionThatMovesAway() {
    RecordingSink sink = new RecordingSink();
    SinkWorker worker = worker(sink, new BatchPolicy(100, 1 << 20, Duration.ofSeconds(5)));
    assignAndAdd(0, 1);
    consumer.schedulePollTask(() -> consumer.rebalance(List.of()));
    consumer.schedulePollTask(worker::stop);

    worker.run(health);

    assertThat(sink.writes).isEmpty();
    assertThat(committed()).isNull();
  }

  @Test
  void deliversWhatIsPendingWhenStopped() {
    RecordingSink sink = new RecordingSink();
    SinkWorker worker = worker(sink, new BatchPolicy(100, 1 << 20, Duration.ofMinutes(5)));
    assignAndAdd(0, 1);
    consumer.schedulePollTask(worker::stop);

    worker.run(health);

    assertThat(sink.writes).containsExactly(List.of(0L, 1L));
    assertThat(committed()).isEqualTo(2L);
  }

  private static String header(ProducerRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
