package io.logpipe.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.cli.demo.DeliveryReport;
import io.logpipe.cli.demo.DemoLogTree;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.StreamKey;
import io.logpipe.schemas.Topics;
import io.logpipe.testkit.KafkaBroker;
import io.logpipe.testkit.KafkaTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path on a real broker, each stage its own Kafka Streams application wired through the real topics
 * (split, as on Kubernetes): files → shipper → logs.raw.v1 → multiline → enricher → redactor → router →
 * logs.sink.s3.v1 → S3-layout files.
 */
@KafkaTest
class PipelineEndToEndIT {

  static final int PARTITIONS = 3;

  @TempDir Path dir;

  @Test
  void deliversEveryEventOnceInOrderPerStreamWithKeysMetadataAndRedaction(KafkaBroker broker) throws Exception {
    Path pods = Files.createDirectories(dir.resolve("pods"));
    Path out = dir.resolve("out");
    List<DemoLogTree.ExpectedEvent> expected = DemoLogTree.write(pods, 120, 11);

    LocalOptions options = new LocalOptions(pods, out, dir.resolve("work"), Optional.of(broker.bootstrapServers()),
        PARTITIONS, false, "node-e2e");
    try (LocalPipeline pipeline = LocalPipeline.start(options)) {
      assertThat(pipeline.awaitDrained(Duration.ofMinutes(2))).as(pipeline::progress).isTrue();
      assertThat(pipeline.delivered()).isEqualTo(expected.size());
    }

    // The files: every expected event, per container and runtime stream in order, traces whole, no secret.
    DeliveryReport report = DeliveryReport.read(out, expected);
    assertThat(report.problems()).isEmpty();
    assertThat(report.delivered()).isEqualTo(expected.size());
    assertThat(report.byNamespace()).containsOnlyKeys("data", "shop", "web");

    // The sink topic: keyed by container stream, one partition per key, metadata from the path, sources exact.
    List<ConsumerRecord<String, LogEvent>> records =
        broker.readAllCommitted(Topics.SINK_S3, Duration.ofSeconds(2));
    assertThat(records).hasSize(expected.size());
    Map<String, Set<Integer>> partitionsByKey = new HashMap<>();
    for (ConsumerRecord<String, LogEvent> r : records) {
      StreamKey key = StreamKey.parse(r.key());
      LogEvent e = r.value();
      assertThat(e.getKubernetes().getNamespace()).isEqualTo(key.namespace());
      assertThat(e.getKubernetes().getPodUid()).isEqualTo(key.podUid());
      assertThat(e.getKubernetes().getContainer()).isEqualTo(key.container());
      assertThat(e.getSource().getNode()).isEqualTo("node-e2e");
      assertThat(e.getSource().getPath()).contains(key.namespace() + "_" + key.pod() + "_" + key.podUid());
      assertThat(e.getSource().getLastOffset()).isGreaterThanOrEqualTo(e.getSource().getFirstOffset());
      partitionsByKey.computeIfAbsent(r.key(), k -> new java.util.HashSet<>()).add(r.partition());
    }
    assertThat(partitionsByKey).hasSize(6).allSatisfy((k, p) -> assertThat(p).hasSize(1));

    // Traces arrive as one event each, with one line per frame counted.
    long traces = expected.stream().filter(e -> e.message().startsWith("Traceback")).count();
    assertThat(records.stream().filter(r -> r.value().getMessage().startsWith("Traceback")))
        .hasSize((int) traces)
        .allSatisfy(r -> assertThat(r.value().getSource().getLineCount()).isEqualTo(6));

    // JSON bodies were parsed by the enricher.
    Map<String, Long> severities = records.stream()
        .filter(r -> r.value().getMessage().startsWith("{\"level\":\"error\""))
        .collect(Collectors.groupingBy(r -> String.valueOf(r.value().getParsed().getSeverity()), Collectors.counting()));
    assertThat(severities).containsOnlyKeys("ERROR");
  }
}
