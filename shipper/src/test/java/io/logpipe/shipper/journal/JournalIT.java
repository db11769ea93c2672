package io.logpipe.shipper.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.runtime.health.HealthState;
import io.logpipe.runtime.health.ServiceMetrics;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.Topics;
import io.logpipe.shipper.ShipperConfig;
import io.logpipe.testkit.CommittedRecords;
import io.logpipe.testkit.KafkaBroker;
import io.logpipe.testkit.KafkaTest;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The journal source against a real broker with a stand-in {@code journalctl} ({@link FakeJournalctl}): every entry
 * once on {@code logs.enriched.v1} (read_committed), the next start after the committed cursor, journalctl exiting
 * or missing counted and retried.
 */
@KafkaTest
class JournalIT {

  KafkaBroker broker;
  @TempDir Path dir;

  @Test
  void shipsEveryRecordedEntryOnceAndTheNextStartGoesOnAfterTheCommittedCursor() throws Exception {
    broker.createPipelineTopics(3);
    String node = broker.uniqueName("journal-node");
    Path journal = dir.resolve("journal.jsonl");
    try (InputStream recorded = getClass().getResourceAsStream("/journal/recorded.jsonl")) {
      Files.copy(recorded, journal);
    }
    Path args = dir.resolve("args");
    Path journalctl = FakeJournalctl.install(dir, journal, args, null);

    try (Running first = start(node, journalctl, Map.of())) {
      await().atMost(Duration.ofSeconds(60)).until(() -> events(node).size() >= 400);
      assertThat(first.journal.committedEntries()).isEqualTo(400);
    }
    List<LogEvent> firstRun = events(node);
    assertThat(firstRun).hasSize(400);
    LogEvent error = firstRun.stream().filter(e -> e.getMessage().endsWith("n=3")).findFirst().orElseThrow();
    assertThat(error.getParsed().getSeverity()).isEqualTo("ERROR");
    assertThat(error.getParsed().getAttributes()).containsEntry("unit", "kubelet.service")
        .containsEntry("hostname", "worker-1").containsEntry("source_type", "journal");
    assertThat(error.getTimeUnixNano()).isEqualTo(1_795_227_328_004_500_000L);
    assertThat(error.getFlags()).containsExactly("journal");
    assertThat(error.getSource().getPath()).isEqualTo("journal/7a1b2c3d4e5f40718293a4b5c6d7e8f9");
    assertThat(error.getKubernetes().getContainer()).isEqualTo("_journal");

    JournalLines more = new JournalLines(journal);
    more.append(25);
    try (Running second = start(node, journalctl, Map.of())) {
      await().atMost(Duration.ofSeconds(60)).until(() -> events(node).size() >= 425);
      assertThat(second.journal.committedEntries()).as("only the new entries").isEqualTo(25);
    }
    List<String> invocations = Files.readAllLines(args);
    assertThat(invocations).hasSize(2);
    assertThat(invocations.get(0)).contains("--boot").doesNotContain("--after-cursor");
    String lastRecorded = JournalEntryTest.recorded().get(399);
    assertThat(invocations.get(1)).contains("--after-cursor=" + JournalEntry.parse(lastRecorded).orElseThrow()
        .cursor());
    assertThat(events(node)).hasSize(425).extracting(e -> e.getSource().getPath() + "#" + e.getSource()
        .getFirstOffset()).doesNotHaveDuplicates();
  }

  @Test
  void startsAgainFromTheCommittedCursorWhenJournalctlExits() throws Exception {
    broker.createPipelineTopics(3);
    String node = broker.uniqueName("journal-exits");
    Path journal = dir.resolve("journal.jsonl");
    new JournalLines(journal).append(500);
    Path journalctl = FakeJournalctl.install(dir, journal, dir.resolve("args"), 120);

    try (Running running = start(node, journalctl, Map.of("JOURNAL_MAX_BACKOFF", "400ms"))) {
      await().atMost(Duration.ofSeconds(90)).until(() -> events(node).size() >= 500);
      assertThat(running.journal.restarts(JournalMetrics.Restart.JOURNALCTL_EXITED)).isGreaterThanOrEqualTo(4);
    }
    List<String> messages = events(node).stream().map(LogEvent::getMessage).toList();
    List<String> expected = new ArrayList<>();
    for (int n = 1; n <= 500; n++) {
      expected.add("entry " + n);
    }
    assertThat(messages).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aMissingJournalctlIsCountedRetriedAndReportedNotReady() throws Exception {
    String node = broker.uniqueName("journal-missing");
    broker.createPipelineTopics(3);
    try (Running running = start(node, dir.resolve("no-such-journalctl"), Map.of("JOURNAL_MAX_BACKOFF", "300ms"))) {
      await().atMost(Duration.ofSeconds(30))
          .until(() -> running.journal.restarts(JournalMetrics.Restart.JOURNALCTL_MISSING) >= 3);
      assertThat(running.health.isReady()).isFalse();
      assertThat(running.health.reason()).contains("cannot run").contains("no-such-journalctl");
      assertThat(running.failure.get()).isNull();
    }
  }

  private List<LogEvent> events(String node) {
    List<LogEvent> events = new ArrayList<>();
    for (ConsumerRecord<String, LogEvent> r : CommittedRecords.readAll(broker.bootstrapServers(),
        Topics.ENRICHED.name(), Topics.ENRICHED.keySerde().deserializer(), Topics.ENRICHED.valueSerde().deserializer(),
        Duration.ofMillis(300))) {
      if (r.value().getSource().getNode().equals(node)) {
        assertThat(r.key()).isEqualTo("_node/" + node + "/" + r.value().getParsed().getAttributes().get("unit")
            + "/_journal");
        events.add(r.value());
      }
    }
    return events;
  }

  private Running start(String node, Path journalctl, Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>(Map.of("NODE_NAME", node,
        "BOOTSTRAP_SERVERS", broker.bootstrapServers(), "JOURNAL_ENABLED", "true",
        "JOURNALCTL", journalctl.toString(), "JOURNAL_COMMIT_INTERVAL", "100ms", "KAFKA_MAX_BLOCK_MS", "5000"));
    settings.putAll(extra);
    ConfigReader r = ConfigReader.of("SHIPPER", settings, Map.of(), Optional.empty());
    ShipperConfig shipper = ShipperConfig.read(r);
    JournalConfig journal = JournalConfig.read(r).orElseThrow();
    r.done();
    return new Running(new JournalShipper(shipper, journal, ServiceMetrics.bare("shipper"), Clock.systemUTC()));
  }

  /** A journal shipper on its own thread; closing stops it and waits for it. */
  static final class Running implements AutoCloseable {
    final JournalShipper journal;
    final HealthState health = new HealthState();
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    final Thread thread;

    Running(JournalShipper journal) {
      this.journal = journal;
      this.thread = new Thread(() -> {
        try {
          journal.run(health);
        } catch (Throwable e) {
          failure.set(e);
        }
      }, "journal-shipper");
      thread.start();
    }

    @Override
    public void close() {
      journal.stop();
      try {
        thread.join(Duration.ofSeconds(30).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      assertThat(thread.isAlive()).as("stopped").isFalse();
      assertThat(failure.get()).isNull();
    }
  }
}
