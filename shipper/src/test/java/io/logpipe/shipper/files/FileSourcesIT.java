package io.logpipe.shipper.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.runtime.health.HealthState;
import io.logpipe.runtime.health.ServiceMetrics;
import io.logpipe.runtime.service.Service;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.RawLine;
import io.logpipe.schemas.Topics;
import io.logpipe.shipper.ShipperConfig;
import io.logpipe.shipper.run.ShipperServices;
import io.logpipe.shipper.run.SourcesConfig;
import io.logpipe.testkit.CommittedRecords;
import io.logpipe.testkit.KafkaBroker;
import io.logpipe.testkit.KafkaTest;
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
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extra node files (issue 9) with the pod logs of the same node, as {@code logpipe shipper} runs them: the audit log
 * and a control-plane log become events on {@code logs.enriched.v1}, each line once through rename rotation (within
 * and out of the glob) and a restart, while the pod logs' positions stay untouched by the other source's keys.
 */
@KafkaTest
class FileSourcesIT {

  KafkaBroker broker;
  @TempDir Path dir;

  @Test
  void shipsAuditAndControlPlaneLinesOnceThroughRotationAndRestartBesideThePodLogs() throws Exception {
    broker.createPipelineTopics(3);
    String node = broker.uniqueName("files-node");
    Path audit = Files.createDirectories(dir.resolve("kubernetes/audit")).resolve("audit.log");
    Path apiserver = dir.resolve("kube-apiserver.log");
    Path podLog = Files.createDirectories(dir.resolve("pods/shop_web-1_uid-1/app")).resolve("0.log");
    Files.writeString(podLog, "2026-11-21T02:15:28.000000001Z stdout F pod line\n");
    append(audit, AuditLineTest.DELETE_POD, AuditLineTest.FORBIDDEN, "not an audit event");
    append(apiserver, "I1121 02:15:28.123456       1 controller.go:615] quota admission added evaluator",
        "W1121 02:15:29.000001       1 reflector.go:547] watch of *v1.Pod ended");

    try (Running first = start(node)) {
      await().atMost(Duration.ofSeconds(60)).until(() -> events(node).size() >= 5);
      // The API server's audit rotation renames within the glob; logrotate renames out of it (and may still write).
      Files.move(audit, audit.resolveSibling("audit-2026-11-21T02-45-00.000.log"));
      append(audit, AuditLineTest.FORBIDDEN.replace("\"a1\"", "\"a2\""));
      Files.move(apiserver, dir.resolve("kube-apiserver.log.1"));
      append(dir.resolve("kube-apiserver.log.1"), "I1121 02:16:00.000000       1 x.go:1] last before rotation");
      append(apiserver, "I1121 02:16:01.000000       1 x.go:1] first after rotation");
      await().atMost(Duration.ofSeconds(60)).until(() -> events(node).size() >= 8);
      assertThat(first.failure.get()).isNull();
    }
    try (Running second = start(node)) {
      append(apiserver, "E1121 02:17:00.000000       1 x.go:2] after the restart");
      await().atMost(Duration.ofSeconds(60)).until(() -> events(node).size() >= 9);
      assertThat(second.failure.get()).isNull();
    }

    List<ConsumerRecord<String, LogEvent>> records = records(node);
    assertThat(records).extracting(r -> r.value().getMessage()).hasSize(9).doesNotHaveDuplicates();
    LogEvent delete = records.stream().map(ConsumerRecord::value)
        .filter(e -> e.getMessage().equals(AuditLineTest.DELETE_POD)).findFirst().orElseThrow();
    assertThat(delete.getParsed().getAttributes())
        .containsEntry("verb", "delete").containsEntry("objectRef.resource", "pods")
        .containsEntry("user.username", "system:serviceaccount:kube-system:replicaset-controller")
        .containsEntry("responseStatus.code", "200").containsEntry("component", "kube-apiserver")
        .containsEntry("source", "audit").containsEntry("source_type", "node_file");
    assertThat(delete.getFlags()).containsExactly("node_file");
    assertThat(delete.getSource().getFileId()).isNotNull();
    assertThat(delete.getKubernetes().getNode()).isEqualTo(node);
    assertThat(records).filteredOn(r -> r.value().getMessage().equals("not an audit event"))
        .singleElement().satisfies(r -> assertThat(r.value().getFlags()).containsExactly("node_file", "unparsed"));
    assertThat(records).filteredOn(r -> r.value().getParsed().getAttributes().get("source").equals("apiserver"))
        .allSatisfy(r -> assertThat(r.key()).isEqualTo("_node/" + node + "/apiserver/_file"))
        .extracting(r -> r.value().getParsed().getSeverity()).containsExactly("INFO", "WARN", "INFO", "INFO", "ERROR");
    assertThat(records).filteredOn(r -> r.value().getParsed().getAttributes().get("source").equals("audit"))
        .allSatisfy(r -> assertThat(r.key()).isEqualTo("_node/" + node + "/audit/_file")).hasSize(4);
    List<ConsumerRecord<String, RawLine>> podLines = CommittedRecords.readAll(broker.bootstrapServers(),
        Topics.RAW.name(), Topics.RAW.keySerde().deserializer(), Topics.RAW.valueSerde().deserializer(),
        Duration.ofMillis(300)).stream().filter(r -> r.value().getNode().equals(node)).toList();
    assertThat(podLines).as("the pod log shipped once, not re-read after the restart").hasSize(1);
  }

  private static void append(Path file, String... lines) throws Exception {
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  private List<LogEvent> events(String node) {
    return records(node).stream().map(ConsumerRecord::value).toList();
  }

  private List<ConsumerRecord<String, LogEvent>> records(String node) {
    List<ConsumerRecord<String, LogEvent>> mine = new ArrayList<>();
    for (ConsumerRecord<String, LogEvent> r : CommittedRecords.readAll(broker.bootstrapServers(),
        Topics.ENRICHED.name(), Topics.ENRICHED.keySerde().deserializer(), Topics.ENRICHED.valueSerde().deserializer(),
        Duration.ofMillis(300))) {
      if (r.value().getSource().getNode().equals(node)) {
        mine.add(r);
      }
    }
    return mine;
  }

  private Running start(String node) {
    Map<String, String> env = new HashMap<>(Map.of(
        "SHIPPER_NODE_NAME", node,
        "SHIPPER_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
        "SHIPPER_LOG_ROOT", dir.resolve("pods").toString(),
        "SHIPPER_FILES", "audit,apiserver",
        "SHIPPER_FILES_AUDIT_GLOBS", dir + "/kubernetes/audit/*.log",
        "SHIPPER_FILES_AUDIT_FORMAT", "audit",
        "SHIPPER_FILES_AUDIT_LABELS", "component=kube-apiserver",
        "SHIPPER_FILES_APISERVER_GLOBS", dir + "/kube-apiserver.log",
        // Long enough that appending to a file just renamed out of the glob is never raced by its let-go.
        "SHIPPER_ROTATE_WAIT", "5s",
        "SHIPPER_RESCAN_INTERVAL", "300ms"));
    env.put("SHIPPER_POLL_INTERVAL", "50ms");
    env.put("SHIPPER_EXCLUDE_NAMESPACES", "");
    ConfigReader r = ConfigReader.of("SHIPPER", env, Optional.empty());
    ShipperConfig config = ShipperConfig.read(r);
    SourcesConfig sources = SourcesConfig.read(r);
    r.done();
    return new Running(ShipperServices.of(config, sources, ServiceMetrics.bare("shipper"), Clock.systemUTC()));
  }

  /** The shipper's services on their own thread; closing stops them and waits. */
  static final class Running implements AutoCloseable {
    final Service service;
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    final Thread thread;

    Running(Service service) {
      this.service = service;
      this.thread = new Thread(() -> {
        try {
          service.run(new HealthState());
        } catch (Throwable e) {
          failure.set(e);
        }
      }, "shipper-services");
      thread.start();
    }

    @Override
    public void close() {
      service.stop();
      try {
        thread.join(Duration.ofSeconds(30).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      assertThat(thread.isAlive()).isFalse();
    }
  }
}
