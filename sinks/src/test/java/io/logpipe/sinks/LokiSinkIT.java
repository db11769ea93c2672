package io.logpipe.sinks;

import static io.logpipe.sinks.SinkTestSupport.NAMESPACES;
import static io.logpipe.sinks.SinkTestSupport.PER_PARTITION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.loki4j.pkg.loki.protobuf.Push.EntryAdapter;
import io.logpipe.runtime.config.HttpSettings;
import io.logpipe.runtime.config.KafkaSettings;
import io.logpipe.runtime.errors.ErrorPolicy;
import io.logpipe.sinks.loki.LokiReceiver;
import io.logpipe.sinks.loki.LokiSettings;
import io.logpipe.sinks.worker.BatchPolicy;
import io.logpipe.testkit.KafkaBroker;
import io.logpipe.testkit.KafkaTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Loki sink through the real worker and a real broker, against {@link LokiReceiver} (decodes as Loki's
 * distributor does): a Loki that is down for a while, answering 503 and then not even listening, loses nothing
 * and repeats nothing once it is back, and the consumer group catches up to the end of the topic.
 */
@KafkaTest
class LokiSinkIT {

  private static final long SECOND = 1_000_000_000L;

  private static KafkaBroker broker;

  /** Event {@code i} of a partition at {@code 37·i mod 120} seconds: out of time order within every batch. */
  private static long timeOf(long i) {
    return TestEvents.TIME + (37 * i % PER_PARTITION) * SECOND;
  }

  private static SinkConfig config(String topic, LokiReceiver loki) {
    LokiSettings settings = new LokiSettings(loki.url(), LokiSettings.DEFAULT_LABELS, "", true, Map.of(), 100,
        Duration.ofHours(1), Duration.ofSeconds(5));
    return new SinkConfig(SinkName.LOKI, new KafkaSettings(broker.bootstrapServers(), Map.of()),
        new HttpSettings(0), broker.uniqueName("sink-loki-group"), topic,
        new BatchPolicy(25, 1 << 20, Duration.ofMillis(300)), Duration.ofMillis(50), Duration.ofMillis(400),
        ErrorPolicy.DEAD_LETTER, Optional.empty(), Optional.empty(), Optional.of(settings));
  }

  @Test
  void aLokiDownForAWhileGetsEveryEventOnceWhenItIsBackAndTheGroupCatchesUp() throws Exception {
    String topic = SinkTestSupport.topicWithEvents(broker, "sink-loki", LokiSinkIT::timeOf);
    try (LokiReceiver loki = new LokiReceiver()) {
      loki.unavailable();
      SinkConfig config = config(topic, loki);
      try (RunningSink sink = SinkWorkers.start(config)) {
        await().atMost(Duration.ofSeconds(30)).until(() -> loki.unavailableAnswers() >= 6);
        loki.refuseConnections();
        long retriesBeforeRefusing = sink.stats().retries();
        await().atMost(Duration.ofSeconds(30)).until(() -> sink.stats().retries() >= retriesBeforeRefusing + 6);
        assertThat(sink.delivered()).isZero();
        assertThat(sink.health().isReady()).isFalse();
        assertThat(loki.pushes).isEmpty();

        loki.up();
        await().atMost(Duration.ofSeconds(60)).until(() -> sink.delivered() == NAMESPACES.size() * PER_PARTITION);
        SinkTestSupport.assertLagIsZero(broker, config.groupId(), topic);
        assertThat(sink.failure()).isEmpty();
      }

      List<String> lines = new ArrayList<>();
      loki.pushes.forEach(push -> push.request().getStreamsList().forEach(stream ->
          stream.getEntriesList().forEach(entry -> lines.add(entry.getLine()))));
      assertThat(lines).hasSize(NAMESPACES.size() * PER_PARTITION)
          .containsExactlyInAnyOrderElementsOf(SinkTestSupport.expectedMessages());
      loki.pushes.forEach(LokiSinkIT::assertDecodedAsLokiWould);
      // Batches come in offset order, which is not time order: the sorted entries are the sink's doing.
      assertThat(loki.pushes).anySatisfy(push ->
          assertThat(offsetOrder(push)).isNotEqualTo(offsetOrder(push).stream().sorted().toList()));
    }
  }

  /**
   * One push per namespace's batch: its tenant is the namespace, one stream with the default labels, entries in
   * time order with the event's nanosecond time, the high-cardinality fields as structured metadata.
   */
  private static void assertDecodedAsLokiWould(LokiReceiver.Push push) {
    String ns = push.tenant();
    assertThat(ns).isIn(NAMESPACES);
    assertThat(push.contentType()).isEqualTo("application/x-protobuf");
    assertThat(push.request().getStreamsList()).singleElement().satisfies(stream -> {
      assertThat(stream.getLabels())
          .isEqualTo("{app=\"api\", container=\"server\", namespace=\"" + ns + "\", stream=\"stdout\"}");
      assertThat(stream.getEntriesList()).allSatisfy(entry -> {
        assertThat(entry.getLine()).startsWith(ns + " event ");
        long i = Long.parseLong(entry.getLine().substring((ns + " event ").length()));
        assertThat(entry.getTimestamp().getSeconds() * SECOND + entry.getTimestamp().getNanos())
            .isEqualTo(timeOf(i));
        assertThat(entry.getStructuredMetadataList()).extracting(pair -> pair.getName() + "=" + pair.getValue())
            .containsExactly("node=node-1", "pod=api-7d9f", "pod_uid=0a1b-uid",
                "trace_id=4bf92f3577b34da6a3ce929d0e0e4736");
      });
      assertThat(stream.getEntriesList()).extracting(LokiSinkIT::nanos).isSorted();
    });
  }

  private static long nanos(EntryAdapter entry) {
    return entry.getTimestamp().getSeconds() * SECOND + entry.getTimestamp().getNanos();
  }

  /** The event numbers (offset order) of a push's entries, in the order they were pushed. */
  private static List<Long> offsetOrder(LokiReceiver.Push push) {
    return push.request().getStreams(0).getEntriesList().stream()
        .map(entry -> Long.parseLong(entry.getLine().replaceAll("^.* event ", ""))).toList();
  }
}
