package io.logpipe.shipper.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.Topics;
import io.logpipe.shipper.it.ShipperMain;
import io.logpipe.testkit.CommittedRecords;
import io.logpipe.testkit.KafkaBroker;
import io.logpipe.testkit.KafkaTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's promise (issue 9, "kill -9 the shipper mid-stream and assert exactly once"): {@code logpipe shipper}
 * as its own process with the journal switched on, a stand-in journalctl following a journal the test keeps
 * appending to, killed with SIGKILL while it ships and restarted; afterwards {@code logs.enriched.v1} read with
 * read_committed holds every entry exactly once, in order per unit.
 */
@KafkaTest
class JournalPromiseIT {

  private static final int ENTRIES = 3_000;
  private static final int CHUNK = 100;
  private static final int KILLS = 4;

  KafkaBroker broker;
  @TempDir Path dir;

  @Test
  void holdsEveryJournalEntryExactlyOnceInOrderThroughKillNine() throws Exception {
    broker.createPipelineTopics(3);
    String node = broker.uniqueName("journal-promise");
    Path journal = dir.resolve("journal.jsonl");
    JournalLines lines = new JournalLines(journal);
    Path journalctl = FakeJournalctl.install(dir, journal, dir.resolve("args"), null);
    Files.createDirectories(dir.resolve("pods"));
    Path log = Path.of(System.getProperty("java.io.tmpdir"), node + "-shipper.log");
    Random random = new Random();
    lines.append(CHUNK);
    Process shipper = launch(node, journalctl, log);
    for (int kill = 1; kill <= KILLS; kill++) {
      int at = shipped(node).size() + 150 + random.nextInt(300);
      while (lines.written() < Math.min(ENTRIES, at + 2L * CHUNK)) {
        lines.append(CHUNK);
      }
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
          .until(() -> shipped(node).size() >= at);
      shipper.destroyForcibly(); // SIGKILL, mid-stream: more entries are waiting
      assertThat(shipper.waitFor()).isEqualTo(137);
      shipper = launch(node, journalctl, log);
    }
    while (lines.written() < ENTRIES) {
      lines.append(CHUNK);
    }
    try {
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
          .until(() -> shipped(node).size() >= ENTRIES);
    } finally {
      shipper.destroy(); // SIGTERM
    }
    assertThat(shipper.waitFor()).as("SIGTERM: finish the open transaction, exit 0").isZero();
    Map<String, List<Long>> byUnit = new LinkedHashMap<>();
    for (LogEvent e : shipped(node)) {
      byUnit.computeIfAbsent(e.getParsed().getAttributes().get("unit"), u -> new ArrayList<>())
          .add(e.getSource().getFirstOffset());
    }
    assertThat(byUnit.keySet()).containsExactlyInAnyOrder("kubelet.service", "containerd.service");
    for (Map.Entry<String, List<Long>> unit : byUnit.entrySet()) {
      List<Long> expected = new ArrayList<>();
      for (long n = 1; n <= ENTRIES; n++) {
        if (JournalLines.unit(n).equals(unit.getKey())) {
          expected.add(n);
        }
      }
      assertThat(unit.getValue()).as(unit.getKey()).containsExactlyElementsOf(expected);
    }
  }

  private List<LogEvent> shipped(String node) {
    List<LogEvent> events = new ArrayList<>();
    for (ConsumerRecord<String, LogEvent> r : CommittedRecords.readAll(broker.bootstrapServers(),
        Topics.ENRICHED.name(), Topics.ENRICHED.keySerde().deserializer(), Topics.ENRICHED.valueSerde().deserializer(),
        Duration.ofMillis(200))) {
      if (r.value().getSource().getNode().equals(node)) {
        events.add(r.value());
      }
    }
    return events;
  }

  private Process launch(String node, Path journalctl, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx160m", "-cp", System.getProperty("java.class.path"),
        ShipperMain.class.getName(),
        "--log-root", dir.resolve("pods").toString(),
        "--bootstrap-servers", broker.bootstrapServers(),
        "--node-name", node,
        "--http-port", "0");
    pb.environment().put("SHIPPER_JOURNAL_ENABLED", "true");
    pb.environment().put("SHIPPER_JOURNALCTL", journalctl.toString());
    pb.environment().put("SHIPPER_JOURNAL_COMMIT_INTERVAL", "100ms");
    pb.environment().put("SHIPPER_JOURNAL_BATCH_ENTRIES", "50");
    pb.environment().put("SHIPPER_RESCAN_INTERVAL", "500ms");
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return pb.start();
  }
}
