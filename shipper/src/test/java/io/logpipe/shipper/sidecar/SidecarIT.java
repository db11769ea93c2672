package io.logpipe.shipper.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.logpipe.multiline.assemble.AssembledEvent;
import io.logpipe.multiline.assemble.AssemblyLimits;
import io.logpipe.multiline.assemble.AssemblyMetrics;
import io.logpipe.multiline.assemble.ContainerAssembler;
import io.logpipe.multiline.assemble.Origin;
import io.logpipe.multiline.assemble.RawInput;
import io.logpipe.multiline.detect.Detectors;
import io.logpipe.multiline.format.LineFormat;
import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.runtime.health.HealthState;
import io.logpipe.runtime.health.ServiceMetrics;
import io.logpipe.schemas.PodLogPath;
import io.logpipe.schemas.RawLine;
import io.logpipe.schemas.StreamKey;
import io.logpipe.schemas.Topics;
import io.logpipe.shipper.Shipper;
import io.logpipe.shipper.ShipperConfig;
import io.logpipe.shipper.run.ShipperServices;
import io.logpipe.shipper.run.SourcesConfig;
import io.logpipe.testkit.CommittedRecords;
import io.logpipe.testkit.KafkaBroker;
import io.logpipe.testkit.KafkaTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sidecar mode (issue 9): an application writes log files into a directory (the shared {@code emptyDir}), the pod's
 * identity comes from downward-API variables, and the lines arrive on {@code logs.raw.v1} keyed and framed so that
 * multiline makes of them what it makes of the same lines in the kubelet's log of that container.
 */
@KafkaTest
class SidecarIT {

  private static final String TRACE = """
      ERROR payment failed
      java.lang.IllegalStateException: card declined
      \tat shop.pay.Gateway.charge(Gateway.java:42)
      \tat shop.pay.Checkout.run(Checkout.java:17)
      INFO retrying in 5s""";

  KafkaBroker broker;
  @TempDir Path dir;

  @Test
  void shipsTheAppsFilesAsThePodsContainerLogThroughRotation() throws Exception {
    broker.createPipelineTopics(3);
    String uid = broker.uniqueName("6a1f2e3d-uid");
    StreamKey pod = new StreamKey("shop", "checkout-5c7d9-x2x9q", uid, "app-files");
    Path app = Files.createDirectories(dir.resolve("var-log-app"));
    Files.writeString(app.resolve("app.log"), TRACE + "\n");
    Files.writeString(app.resolve("notes.txt"), "not matched by the glob\n");

    try (Shipper sidecar = start(pod, app)) {
      await().atMost(Duration.ofSeconds(60)).until(() -> shipped(pod).size() >= 5);
      Files.move(app.resolve("app.log"), app.resolve("app.log.1")); // the app's own rotation, out of the glob
      Files.writeString(app.resolve("app.log.1"), "INFO last line before rotation\n", StandardOpenOption.APPEND);
      Files.writeString(app.resolve("app.log"), "INFO first line after rotation\n");
      await().atMost(Duration.ofSeconds(60)).until(() -> shipped(pod).size() >= 7);
      assertThat(sidecar.failure()).isNull();
    }

    List<ConsumerRecord<String, RawLine>> records = shipped(pod);
    assertThat(records).hasSize(7).allSatisfy(r -> {
      assertThat(r.key()).isEqualTo(pod.toString());
      assertThat(PodLogPath.parse(r.value().getPath()).orElseThrow().stream()).isEqualTo(pod);
      assertThat(r.value().getNode()).isEqualTo("worker-7");
    });
    List<String> texts = records.stream().map(r -> text(r.value()).replaceFirst("^\\S+ stdout F ", "")).toList();
    List<String> expected = new ArrayList<>(TRACE.lines().toList());
    expected.add("INFO last line before rotation");
    expected.add("INFO first line after rotation");
    assertThat(texts).containsExactlyElementsOf(expected);

    // Through multiline, exactly as the same lines written by the runtime into the kubelet's log of the container.
    List<AssembledEvent> fromSidecar = assemble(records.stream().map(ConsumerRecord::value).toList());
    List<RawLine> asPodLog = new ArrayList<>();
    long offset = 0;
    for (ConsumerRecord<String, RawLine> r : records) {
      byte[] line = text(r.value()).getBytes(StandardCharsets.UTF_8);
      asPodLog.add(new RawLine("worker-7", r.value().getPath(), r.value().getFileId(), offset, ByteBuffer.wrap(line),
          false, r.value().getReadTime()));
      offset += line.length + 1;
    }
    List<AssembledEvent> fromPodLog = assemble(asPodLog);
    assertThat(fromSidecar).extracting(AssembledEvent::message)
        .containsExactlyElementsOf(fromPodLog.stream().map(AssembledEvent::message).toList());
    assertThat(fromSidecar).extracting(AssembledEvent::stream, AssembledEvent::timeText)
        .containsExactlyElementsOf(fromPodLog.stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.stream(),
            e.timeText())).toList());
    assertThat(fromSidecar).as("the stack trace joined into one event").extracting(AssembledEvent::message)
        .contains(String.join("\n", TRACE.lines().skip(1).limit(3).toList()));
    assertThat(fromSidecar).hasSizeLessThan(records.size()).allSatisfy(e -> assertThat(e.flags()).isEmpty());
  }

  private Shipper start(StreamKey pod, Path app) {
    Map<String, String> env = new HashMap<>(Map.of(
        "NODE_NAME", "worker-7",
        "POD_NAMESPACE", pod.namespace(), "POD_NAME", pod.pod(), "POD_UID", pod.podUid(),
        "SHIPPER_SIDECAR_CONTAINER", pod.container(),
        "SHIPPER_SIDECAR_GLOBS", app + "/*.log",
        "SHIPPER_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
        // The rotate wait is how long a renamed file may stay quiet before it is let go: the test appends to the
        // renamed file right after the rename, and a loaded machine can pause this thread for a good part of a second.
        "SHIPPER_ROTATE_WAIT", "5s", "SHIPPER_RESCAN_INTERVAL", "300ms"));
    env.put("SHIPPER_POLL_INTERVAL", "50ms");
    ConfigReader r = ConfigReader.of("SHIPPER", env, Optional.empty());
    ShipperConfig config = ShipperConfig.read(r);
    SourcesConfig sources = SourcesConfig.read(r);
    r.done();
    return Shipper.start(ShipperServices.sidecar(config, sources.sidecar().orElseThrow(), sources.sidecarQueueBytes(),
        ServiceMetrics.bare("shipper"), Clock.systemUTC()), new HealthState());
  }

  private List<ConsumerRecord<String, RawLine>> shipped(StreamKey pod) {
    return CommittedRecords.readAll(broker.bootstrapServers(), Topics.RAW.name(), Topics.RAW.keySerde().deserializer(),
        Topics.RAW.valueSerde().deserializer(), Duration.ofMillis(300)).stream()
        .filter(r -> r.key().equals(pod.toString())).toList();
  }

  private static List<AssembledEvent> assemble(List<RawLine> lines) {
    ContainerAssembler assembler = new ContainerAssembler(LineFormat.AUTO, AssemblyLimits.DEFAULT,
        () -> Detectors.builtinsOnly().forStream("shop", "checkout", "app-files"), AssemblyMetrics.NONE);
    List<AssembledEvent> events = new ArrayList<>();
    for (RawLine l : lines) {
      byte[] bytes = new byte[l.getLine().remaining()];
      l.getLine().duplicate().get(bytes);
      String rejected = assembler.accept(new RawInput(new Origin(l.getNode(), l.getPath(), l.getFileId()),
          l.getOffset(), bytes, l.getContinued(), l.getReadTime().toEpochMilli()), 0, events::add);
      assertThat(rejected).isNull();
    }
    assembler.flushAll(0, events::add);
    return events;
  }

  private static String text(RawLine line) {
    return StandardCharsets.UTF_8.decode(line.getLine().duplicate()).toString();
  }
}
