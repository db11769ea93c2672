package io.logpipe.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.logpipe.runtime.config.KafkaSettings;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.Topics;
import io.logpipe.sinks.s3.FileObjectStore;
import io.logpipe.sinks.s3.ObjectLayout;
import io.logpipe.sinks.s3.ObjectStore;
import io.logpipe.sinks.s3.S3LayoutSink;
import io.logpipe.sinks.worker.BatchPolicy;
import io.logpipe.sinks.worker.LogSink;
import io.logpipe.sinks.worker.RejectedRecord;
import io.logpipe.sinks.worker.SinkBatch;
import io.logpipe.sinks.worker.TransientSinkException;
import io.logpipe.testkit.KafkaBroker;
import io.logpipe.testkit.KafkaTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The S3-layout sink with a {@code file://} target against a real broker: exactly once across crashes. */
@KafkaTest
class S3FileSinkIT {

  private static final List<String> NAMESPACES = List.of("ns-a", "ns-b", "ns-c");
  private static final int PER_PARTITION = 120;
  private static final long MINUTE = 60_000_000_000L;

  private static KafkaBroker broker;

  @TempDir
  Path dir;

  /** 120 events per partition, one namespace per partition, event times over two hours. */
  private String topicWithEvents() {
    String topic = broker.uniqueName("sink-s3");
    broker.createTopic(topic, NAMESPACES.size());
    try (KafkaProducer<String, LogEvent> producer = broker.producer(Topics.SINK_S3)) {
      for (int i = 0; i < PER_PARTITION; i++) {
        for (int p = 0; p < NAMESPACES.size(); p++) {
          String ns = NAMESPACES.get(p);
          LogEvent event = TestEvents.event(ns, TestEvents.TIME + i * MINUTE, i * 100L, ns + " event " + i);
          var sent = producer.send(new ProducerRecord<>(topic, p, TestEvents.key(ns), event));
          if (i == 0) {
            // The first write to a fresh partition waits for its leader: batches sent ahead of it can be
            // refused out of sequence by the in-process broker and retried until the delivery timeout.
            sent.get(30, TimeUnit.SECONDS);
          }
        }
      }
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new AssertionError("cannot produce the test events", e);
    }
    return topic;
  }

  private SinkConfig config(String topic, Path target, int batchRecords) {
    return SinkConfig.s3Directory(new KafkaSettings(broker.bootstrapServers(), Map.of()), target)
        .withGroupId(broker.uniqueName("sink-s3-group"))
        .withTopic(topic)
        .withBatch(new BatchPolicy(batchRecords, 1 << 30, Duration.ofMinutes(10)));
  }

  @Test
  void deliversEveryEventOnceIntoTheLayoutAndCommitsTheEnd() throws IOException {
    String topic = topicWithEvents();
    SinkConfig config = config(topic, dir, 40);
    try (RunningSink sink = SinkWorkers.start(config)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> sink.delivered() == 3 * PER_PARTITION);
      assertThat(sink.target()).isEqualTo(dir.toUri().toString());
      assertLagIsZero(config.groupId(), topic);
    }

    Map<String, byte[]> objects = objects(dir);
    assertThat(objects.keySet()).allMatch(key ->
        key.matches("namespace=ns-[abc]/dt=2023-11-1[45]/hour=\\d\\d/" + topic + "\\+[0-2]\\+\\d+\\.ndjson\\.gz"));
    assertThat(objects).containsKey("namespace=ns-b/dt=2023-11-14/hour=22/" + topic + "+1+0.ndjson.gz");
    assertExactlyEveryEventOnce(objects);
  }

  @Test
  void aCrashBetweenUploadAndCommitLeavesTheSameObjectsWithNoDuplicateLine() throws IOException {
    String topic = topicWithEvents();
    Path reference = dir.resolve("reference");
    Path crashed = dir.resolve("crashed");
    try (RunningSink sink = SinkWorkers.start(config(topic, reference, 40))) {
      await().atMost(Duration.ofSeconds(30)).until(() -> sink.delivered() == 3 * PER_PARTITION);
    }

    SinkConfig config = config(topic, crashed, 40);
    CrashAfterWrite crashing = new CrashAfterWrite(fileSink(crashed), 4);
    try (RunningSink sink = SinkWorkers.start(config, crashing)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> sink.failure().isPresent());
      assertThat(sink.delivered()).isEqualTo(3 * 40);
    }
    try (RunningSink restarted = SinkWorkers.start(config)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> restarted.delivered() == 3 * PER_PARTITION - 3 * 40);
    }

    Map<String, byte[]> expected = objects(reference);
    Map<String, byte[]> actual = objects(crashed);
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    actual.forEach((key, bytes) -> assertThat(bytes).as(key).isEqualTo(expected.get(key)));
    assertExactlyEveryEventOnce(actual);
  }

  @Test
  void aRestartWithOtherBatchBoundariesStillRepeatsNoLine() throws IOException {
    String topic = topicWithEvents();
    SinkConfig config = config(topic, dir, 40);
    try (RunningSink sink = SinkWorkers.start(config, new CrashAfterWrite(fileSink(dir), 2))) {
      await().atMost(Duration.ofSeconds(30)).until(() -> sink.failure().isPresent());
    }
    try (RunningSink restarted = SinkWorkers.start(config.withBatch(
        new BatchPolicy(7, 1 << 30, Duration.ofMillis(300))))) {
      await().atMost(Duration.ofSeconds(30)).until(() -> restarted.delivered() >= 3 * PER_PARTITION - 40);
      assertLagIsZero(config.groupId(), topic);
    }

    assertExactlyEveryEventOnce(objects(dir));
  }

  @Test
  void aBackendDownForAWhileGetsEveryEventOnceWhenItIsBack() throws IOException {
    String topic = topicWithEvents();
    SinkConfig config = config(topic, dir, 40);
    AtomicInteger failuresLeft = new AtomicInteger(6);
    ObjectStore flaky = new FlakyStore(new FileObjectStore(dir), failuresLeft);
    try (RunningSink sink = SinkWorkers.start(config, new S3LayoutSink(new ObjectLayout(""), flaky))) {
      await().atMost(Duration.ofSeconds(30)).until(() -> sink.delivered() == 3 * PER_PARTITION);
      assertThat(sink.stats().retries()).isGreaterThanOrEqualTo(1);
      assertLagIsZero(config.groupId(), topic);
    }

    assertThat(failuresLeft.get()).isNegative();
    assertExactlyEveryEventOnce(objects(dir));
  }

  private static LogSink fileSink(Path target) {
    return new S3LayoutSink(new ObjectLayout(""), new FileObjectStore(target));
  }

  private static void assertExactlyEveryEventOnce(Map<String, byte[]> objects) throws IOException {
    List<String> messages = new ArrayList<>();
    for (byte[] object : objects.values()) {
      try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(object))) {
        new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
            .map(line -> line.replaceAll("^.*\"message\":\"([^\"]*)\".*$", "$1"))
            .forEach(messages::add);
      }
    }
    List<String> expected = new ArrayList<>();
    for (String ns : NAMESPACES) {
      for (int i = 0; i < PER_PARTITION; i++) {
        expected.add(ns + " event " + i);
      }
    }
    assertThat(messages).hasSameSizeAs(expected).containsExactlyInAnyOrderElementsOf(expected);
  }

  private static Map<String, byte[]> objects(Path root) throws IOException {
    Map<String, byte[]> objects = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        objects.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    }
    return objects;
  }

  private static void assertLagIsZero(String group, String topic) {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      Map<TopicPartition, OffsetAndMetadata> committed =
          broker.admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, Long> ends = broker.admin().listOffsets(committed.keySet().stream()
              .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
          .all().get().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
      assertThat(committed).hasSize(NAMESPACES.size());
      committed.forEach((tp, offset) -> assertThat(offset.offset()).as(tp + " of " + topic).isEqualTo(ends.get(tp)));
    });
  }

  /** Writes through, then "crashes" the worker before it can commit, on the n-th batch. */
  private static final class CrashAfterWrite implements LogSink {
    private final LogSink delegate;
    private final AtomicInteger writesLeft;

    CrashAfterWrite(LogSink delegate, int crashOnWrite) {
      this.delegate = delegate;
      this.writesLeft = new AtomicInteger(crashOnWrite);
    }

    @Override
    public List<RejectedRecord> write(SinkBatch batch) {
      List<RejectedRecord> rejected = delegate.write(batch);
      if (writesLeft.decrementAndGet() == 0) {
        throw new IllegalStateException("simulated crash between upload and commit");
      }
      return rejected;
    }

    @Override
    public void flush() {
      delegate.flush();
    }

    @Override
    public String target() {
      return delegate.target();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  /** Refuses the first puts as a store that is down would, then works. */
  private record FlakyStore(ObjectStore delegate, AtomicInteger failuresLeft) implements ObjectStore {
    @Override
    public void put(String key, byte[] body) {
      if (failuresLeft.getAndDecrement() > 0) {
        throw new TransientSinkException("503 Slow Down (test)");
      }
      delegate.put(key, body);
    }

    @Override
    public String target() {
      return delegate.target();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
