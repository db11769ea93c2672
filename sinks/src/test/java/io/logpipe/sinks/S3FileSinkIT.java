package io.logpipe.sinks;

import static io.logpipe.sinks.SinkTestSupport.PER_PARTITION;
import static io.logpipe.sinks.SinkTestSupport.assertExactlyEveryEventOnce;
import static io.logpipe.sinks.SinkTestSupport.objects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.logpipe.runtime.config.KafkaSettings;
import io.logpipe.sinks.SinkTestSupport.CrashAfterWrite;
import io.logpipe.sinks.s3.FileObjectStore;
import io.logpipe.sinks.s3.ObjectLayout;
import io.logpipe.sinks.s3.ObjectStore;
import io.logpipe.sinks.s3.S3LayoutSink;
import io.logpipe.sinks.worker.BatchPolicy;
import io.logpipe.sinks.worker.LogSink;
import io.logpipe.sinks.worker.TransientSinkException;
import io.logpipe.testkit.KafkaBroker;
import io.logpipe.testkit.KafkaTest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The S3-layout sink with a {@code file://} target against a real broker: exactly once across crashes. */
@KafkaTest
class S3FileSinkIT {


  private static KafkaBroker broker;

  @TempDir
  Path dir;

  private SinkConfig config(String topic, Path target, int batchRecords) {
    return SinkConfig.s3Directory(new KafkaSettings(broker.bootstrapServers(), Map.of()), target)
        .withGroupId(broker.uniqueName("sink-s3-group"))
        .withTopic(topic)
        .withBatch(new BatchPolicy(batchRecords, 1 << 30, Duration.ofMinutes(10)));
  }

  @Test
  void deliversEveryEventOnceIntoTheLayoutAndCommitsTheEnd() throws IOException {
    String topic = SinkTestSupport.topicWithEvents(broker);
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
    String topic = SinkTestSupport.topicWithEvents(broker);
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
    String topic = SinkTestSupport.topicWithEvents(broker);
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
    String topic = SinkTestSupport.topicWithEvents(broker);
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

  private static void assertLagIsZero(String group, String topic) {
    SinkTestSupport.assertLagIsZero(broker, group, topic);
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
