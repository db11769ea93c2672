package io.logpipe.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.Topics;
import io.logpipe.sinks.worker.LogSink;
import io.logpipe.sinks.worker.RejectedRecord;
import io.logpipe.sinks.worker.SinkBatch;
import io.logpipe.testkit.KafkaBroker;
import java.io.ByteArrayInputStream;
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
import java.util.function.LongUnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/** What the sink integration tests share: a topic of known events, object reading, an injected crash. */
final class SinkTestSupport {

  static final List<String> NAMESPACES = List.of("ns-a", "ns-b", "ns-c");
  static final int PER_PARTITION = 120;
  private static final long MINUTE = 60_000_000_000L;

  private SinkTestSupport() {}

  /** 120 events per partition, one namespace per partition, event times over two hours. */
  static String topicWithEvents(KafkaBroker broker) {
    return topicWithEvents(broker, "sink-s3", i -> TestEvents.TIME + i * MINUTE);
  }

  /**
   * A topic {@code base}-unique with 120 events per partition, one namespace per partition ({@code "<ns> event
   * <i>"}, read from offset {@code i * 100} of its file), event {@code i} at {@code timeOf(i)}.
   */
  static String topicWithEvents(KafkaBroker broker, String base, LongUnaryOperator timeOf) {
    String topic = broker.uniqueName(base);
    broker.createTopic(topic, NAMESPACES.size());
    try (KafkaProducer<String, LogEvent> producer = broker.producer(Topics.SINK_S3)) {
      for (int i = 0; i < PER_PARTITION; i++) {
        for (int p = 0; p < NAMESPACES.size(); p++) {
          String ns = NAMESPACES.get(p);
          LogEvent event = TestEvents.event(ns, timeOf.applyAsLong(i), i * 100L, ns + " event " + i);
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

  /** Every message {@link #topicWithEvents} wrote, once. */
  static List<String> expectedMessages() {
    List<String> expected = new ArrayList<>();
    for (String ns : NAMESPACES) {
      for (int i = 0; i < PER_PARTITION; i++) {
        expected.add(ns + " event " + i);
      }
    }
    return expected;
  }

  /** The group committed the end of every partition of {@code topic} (waits for it, up to 30 s). */
  static void assertLagIsZero(KafkaBroker broker, String group, String topic) {
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

  static void assertExactlyEveryEventOnce(Map<String, byte[]> objects) throws IOException {
    List<String> messages = new ArrayList<>();
    for (byte[] object : objects.values()) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(object))) {
        new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
            .map(line -> line.replaceAll("^.*\"message\":\"([^\"]*)\".*$", "$1"))
            .forEach(messages::add);
      }
    }
    List<String> expected = expectedMessages();
    assertThat(messages).hasSameSizeAs(expected).containsExactlyInAnyOrderElementsOf(expected);
  }

  static Map<String, byte[]> objects(Path root) throws IOException {
    Map<String, byte[]> objects = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        objects.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    }
    return objects;
  }

  /** Writes through, then "crashes" the worker before it can commit, on the n-th batch. */
  static final class CrashAfterWrite implements LogSink {
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

}
