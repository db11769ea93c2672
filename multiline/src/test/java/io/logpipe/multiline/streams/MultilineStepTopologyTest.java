package io.logpipe.multiline.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.multiline.MultilineSettings;
import io.logpipe.multiline.assemble.AssemblyLimits;
import io.logpipe.multiline.assemble.OverflowAction;
import io.logpipe.multiline.detect.Detectors;
import io.logpipe.multiline.format.LineFormat;
import io.logpipe.runtime.config.KafkaSettings;
import io.logpipe.runtime.errors.DeadLetterHeaders;
import io.logpipe.runtime.errors.ErrorPolicy;
import io.logpipe.runtime.streams.StageTopology;
import io.logpipe.runtime.streams.StreamsSettings;
import io.logpipe.schemas.FileIdentity;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.RawLine;
import io.logpipe.schemas.Topics;
import io.logpipe.testkit.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultilineStepTopologyTest {

  static final String KEY_A = "shop/web-1/uid-1/app";
  static final String KEY_B = "shop/web-2/uid-2/app";
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir
  Path stateDir;

  private final ManualClock clock = new ManualClock(START);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MultilineMetrics metrics = new MultilineMetrics(registry);
  private TopologyTestDriver driver;
  private TestInputTopic<String, RawLine> raw;
  private TestOutputTopic<String, LogEvent> events;
  private TestOutputTopic<byte[], byte[]> dlq;
  private final Map<String, Long> offsets = new java.util.HashMap<>();

  private void start(MultilineSettings settings) {
    Topology topology = StageTopology.between(Topics.RAW, new MultilineStep(settings, metrics, clock), Topics.EVENTS);
    Properties props = StreamsSettings.forStage("multiline-test", new KafkaSettings("localhost:9", Map.of()),
        stateDir, "multiline", ErrorPolicy.DEAD_LETTER);
    driver = new TopologyTestDriver(topology, props, START);
    raw = driver.createInputTopic(Topics.RAW.name(), Topics.RAW.keySerde().serializer(),
        Topics.RAW.valueSerde().serializer());
    events = driver.createOutputTopic(Topics.EVENTS.name(), Topics.EVENTS.keySerde().deserializer(),
        Topics.EVENTS.valueSerde().deserializer());
    dlq = driver.createOutputTopic(Topics.DLQ.name(), Serdes.ByteArray().deserializer(),
        Serdes.ByteArray().deserializer());
  }

  private void start() {
    start(MultilineSettings.defaults());
  }

  @AfterEach
  void close() {
    if (driver != null) {
      driver.close();
    }
  }

  private void line(String key, String text) {
    long offset = offsets.getOrDefault(key, 0L);
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    raw.pipeInput(key, RawLine.newBuilder().setNode("node-1").setPath("/var/log/pods/" + key.replace('/', '_')
            + "/0.log").setFileId(new FileIdentity(1L, 42L, 7L)).setOffset(offset).setLine(ByteBuffer.wrap(b))
        .setContinued(false).setReadTime(clock.instant()).build());
    offsets.put(key, offset + b.length + 1);
  }

  private void tick(Duration d) {
    clock.advance(d);
    driver.advanceWallClockTime(d);
  }

  @Test
  void joinsPiecesAcrossPunctuations() {
    start();
    line(KEY_A, "2024-01-01T00:00:00.000000001Z stdout P first ");
    tick(Duration.ofMillis(600));
    line(KEY_A, "2024-01-01T00:00:00.000000002Z stdout P second ");
    tick(Duration.ofMillis(600));
    line(KEY_A, "2024-01-01T00:00:00.000000003Z stdout F third");
    List<KeyValue<String, LogEvent>> out = events.readKeyValuesToList();
    assertThat(out).singleElement().satisfies(kv -> {
      assertThat(kv.key).isEqualTo(KEY_A);
      assertThat(kv.value.getMessage()).isEqualTo("first second third");
      assertThat(kv.value.getTimeUnixNano()).isEqualTo(1704067200000000001L);
      assertThat(kv.value.getTimeText()).isEqualTo("2024-01-01T00:00:00.000000001Z");
      assertThat(kv.value.getSource().getLineCount()).isEqualTo(3);
      assertThat(kv.value.getSource().getFirstOffset()).isZero();
      assertThat(kv.value.getSource().getLastOffset()).isEqualTo(47L + 48L);
      assertThat(kv.value.getSource().getNode()).isEqualTo("node-1");
      assertThat(kv.value.getSource().getFileId().getInode()).isEqualTo(42L);
    });
  }

  @Test
  void flushesAnOpenTraceOnlyAfterTheQuietTime() {
    start();
    line(KEY_A, "2024-01-01T00:00:00Z stderr F java.lang.IllegalStateException: boom");
    line(KEY_A, "2024-01-01T00:00:00Z stderr F \tat a.B.c(B.java:1)");
    tick(Duration.ofMillis(750));
    assertThat(events.isEmpty()).isTrue();
    tick(Duration.ofMillis(500));
    assertThat(events.readValuesToList()).extracting(LogEvent::getMessage)
        .containsExactly("java.lang.IllegalStateException: boom\n\tat a.B.c(B.java:1)");
    assertThat(metrics.count(MultilineMetrics.Outcome.QUIET_FLUSH)).isEqualTo(1.0);
    try (var all = driver.<String, byte[]>getKeyValueStore(MultilineStep.STORE).all()) {
      assertThat(all.hasNext()).as("nothing pending is left in the store").isFalse();
    }
  }

  @Test
  void keepsInterleavedContainerStreamsApart() {
    start();
    line(KEY_A, "2024-01-01T00:00:00Z stderr F java.lang.Error: a");
    line(KEY_B, "2024-01-01T00:00:00Z stderr F Traceback (most recent call last):");
    line(KEY_A, "2024-01-01T00:00:00Z stderr F \tat a.A(A.java:1)");
    line(KEY_B, "2024-01-01T00:00:00Z stderr F   File \"b.py\", line 1, in <module>");
    line(KEY_A, "2024-01-01T00:00:00Z stdout F plain a");
    line(KEY_B, "2024-01-01T00:00:00Z stderr F     f()");
    line(KEY_B, "2024-01-01T00:00:00Z stderr F ValueError: b");
    line(KEY_A, "2024-01-01T00:00:00Z stderr F done a");
    tick(Duration.ofSeconds(2));
    List<KeyValue<String, LogEvent>> out = events.readKeyValuesToList();
    assertThat(out).filteredOn(kv -> kv.key.equals(KEY_A)).extracting(kv -> kv.value.getMessage())
        .containsExactlyInAnyOrder("plain a", "java.lang.Error: a\n\tat a.A(A.java:1)", "done a");
    assertThat(out).filteredOn(kv -> kv.key.equals(KEY_B)).extracting(kv -> kv.value.getMessage())
        .containsExactly("Traceback (most recent call last):\n  File \"b.py\", line 1, in <module>\n    f()\n"
            + "ValueError: b");
  }

  @Test
  void truncatesAnOverlongEventAndCountsIt() {
    start(new MultilineSettings(LineFormat.AUTO, Detectors.builtinsOnly(),
        new AssemblyLimits(2, 4096, OverflowAction.TRUNCATE), Duration.ofSeconds(1), Duration.ofMillis(250)));
    line(KEY_A, "2024-01-01T00:00:00Z stderr F java.lang.Error: a");
    for (int i = 0; i < 4; i++) {
      line(KEY_A, "2024-01-01T00:00:00Z stderr F \tat f" + i + "(A.java:1)");
    }
    line(KEY_A, "2024-01-01T00:00:00Z stderr F next");
    assertThat(events.readValuesToList()).first().satisfies(e -> {
      assertThat(e.getMessage()).isEqualTo("java.lang.Error: a\n\tat f0(A.java:1)");
      assertThat(e.getFlags()).containsExactly("truncated");
      assertThat(e.getSource().getLineCount()).isEqualTo(5);
    });
    assertThat(metrics.count(MultilineMetrics.Outcome.TRUNCATED)).isEqualTo(1.0);
  }

  @Test
  void sendsAnUnparsedLineToTheDeadLetterTopicAndKeepsThePartialPending() {
    start();
    line(KEY_A, "2024-01-01T00:00:00Z stdout P half ");
    line(KEY_A, "this is neither format");
    line(KEY_A, "2024-01-01T00:00:00Z stdout F line");
    assertThat(events.readValuesToList()).extracting(LogEvent::getMessage).containsExactly("half line");
    List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
    assertThat(dead).singleElement().satisfies(r -> {
      RawLine original = Topics.RAW.valueSerde().deserializer().deserialize(Topics.RAW.name(), r.value());
      assertThat(StandardCharsets.UTF_8.decode(original.getLine()).toString()).isEqualTo("this is neither format");
      Header stage = r.headers().lastHeader(DeadLetterHeaders.STAGE);
      assertThat(new String(stage.value(), StandardCharsets.UTF_8)).isEqualTo("multiline");
      assertThat(new String(r.headers().lastHeader(DeadLetterHeaders.ERROR_CLASS).value(), StandardCharsets.UTF_8))
          .isEqualTo(UnparsedLineException.class.getName());
    });
    assertThat(metrics.count(MultilineMetrics.Outcome.UNPARSED)).isEqualTo(1.0);
  }

  @Test
  void resumesAPendingEventFromTheStoreAfterTheProcessorIsRebuilt() {
    start();
    line(KEY_A, "2024-01-01T00:00:00Z stderr F java.lang.Error: a");
    line(KEY_A, "2024-01-01T00:00:00Z stderr F \tat f0(A.java:1)");
    byte[] saved = driver.<String, byte[]>getKeyValueStore(MultilineStep.STORE).get(KEY_A);
    assertThat(saved).isNotNull();
    // A new processor instance (as after a crash and restore) sees only the store, not the old cache.
    PendingEvents fresh = new PendingEvents(driver.getKeyValueStore(MultilineStep.STORE),
        MultilineSettings.defaults(), metrics);
    List<String> flushed = new java.util.ArrayList<>();
    // Ten minutes later (the instance was down): resumed state gets a fresh quiet period, it is not flushed at once.
    long later = clock.millis() + Duration.ofMinutes(10).toMillis();
    var resumed = fresh.get(KEY_A, later);
    assertThat(resumed.flushIdle(later + 500, 1_000, e -> flushed.add(e.message()))).isFalse();
    resumed.flushAll(later, e -> flushed.add(e.message()));
    assertThat(flushed).containsExactly("java.lang.Error: a\n\tat f0(A.java:1)");
  }
}
