package io.logpipe.shipper.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.schemas.RawLine;
import io.logpipe.schemas.Topics;
import io.logpipe.testkit.CommittedRecords;
import io.logpipe.testkit.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What a read_committed consumer of {@code logs.raw.v1} sees from one node, by stream key, in partition order. */
final class Shipped {

  private final Map<String, List<RawLine>> byStream = new LinkedHashMap<>();

  private Shipped() {}

  static Shipped read(KafkaBroker broker, String node) {
    return read(broker.bootstrapServers(), node);
  }

  static Shipped read(String bootstrapServers, String node) {
    Shipped shipped = new Shipped();
    for (ConsumerRecord<String, RawLine> r : CommittedRecords.readAll(bootstrapServers, Topics.RAW.name(),
        Topics.RAW.keySerde().deserializer(), Topics.RAW.valueSerde().deserializer(), Duration.ofMillis(500))) {
      if (r.value().getNode().equals(node)) {
        shipped.byStream.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value());
      }
    }
    return shipped;
  }

  List<String> texts(String streamKey) {
    return byStream.getOrDefault(streamKey, List.of()).stream()
        .map(l -> StandardCharsets.UTF_8.decode(l.getLine().duplicate()).toString()).toList();
  }

  List<RawLine> lines(String streamKey) {
    return byStream.getOrDefault(streamKey, List.of());
  }

  int total() {
    return byStream.values().stream().mapToInt(List::size).sum();
  }

  /** Every line the writer wrote, each exactly once, in the order written. */
  void assertExactlyOnceInOrder(PodLogs logs) {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < logs.written(); i++) {
      expected.add(logs.line(i));
    }
    assertThat(texts(logs.streamKey)).containsExactlyElementsOf(expected);
  }
}
