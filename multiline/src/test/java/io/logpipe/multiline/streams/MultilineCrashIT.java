package io.logpipe.multiline.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.logpipe.schemas.FileIdentity;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.RawLine;
import io.logpipe.schemas.Topics;
import io.logpipe.testkit.KafkaBroker;
import io.logpipe.testkit.KafkaTest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Kills the multiline stage (SIGKILL of its JVM) twice in the middle of traces and partial lines, restarts it each
 * time on an empty state directory (as on another pod: the pending state comes back from the changelog), and checks
 * that every event comes out whole and exactly once.
 */
@KafkaTest
class MultilineCrashIT {

  private static KafkaBroker broker;

  private static final String K1 = "shop/web-1/uid-crash-1/app";
  private static final String K2 = "shop/worker-1/uid-crash-2/app";

  private final Map<String, Long> offsets = new HashMap<>();
  private String input;
  private String output;
  private String appId;

  @Test
  void everyEventComesOutWholeAndOnceAcrossKills() throws Exception {
    input = broker.uniqueName("raw");
    output = broker.uniqueName("events");
    appId = broker.uniqueName("multiline-crash");
    broker.createTopic(input, 2);
    broker.createTopic(output, 2);

    try (KafkaProducer<String, RawLine> producer = broker.producer(Topics.RAW.keySerde().serializer(),
        Topics.RAW.valueSerde().serializer())) {
      send(producer, K1, "2024-01-01T00:00:00.000000001Z stdout F starting");
      send(producer, K1, "2024-01-01T00:00:01.000000001Z stderr F java.lang.IllegalStateException: boom");
      send(producer, K1, "2024-01-01T00:00:01Z stderr F \tat a.B.c0(B.java:1)");
      send(producer, K2, "2024-01-01T00:00:02.5Z stderr F Traceback (most recent call last):");
      send(producer, K2, "2024-01-01T00:00:02Z stdout P half ");
      send(producer, K1, "2024-01-01T00:00:01Z stderr F \tat a.B.c1(B.java:1)");
      producer.flush();

      Process first = startStage("a");
      try {
        List<ConsumerRecord<String, LogEvent>> early = broker.readCommitted(output, new StringDeserializer(),
            Topics.LOG_EVENT.deserializer(), 1, Duration.ofSeconds(90));
        assertThat(early).extracting(r -> r.value().getMessage()).containsExactly("starting");
        awaitCommittedUpTo(endOffsets());
      } finally {
        kill(first);
      }

      send(producer, K1, "2024-01-01T00:00:01Z stderr F \tat a.B.c2(B.java:1)");
      send(producer, K2, "2024-01-01T00:00:02Z stderr F   File \"x.py\", line 1, in <module>");
      send(producer, K1, "2024-01-01T00:00:01Z stderr F \tat a.B.c3(B.java:1)");
      send(producer, K2, "2024-01-01T00:00:02Z stderr F     f()");
      producer.flush();
      Map<TopicPartition, Long> beforeSecond = committed();
      Process second = startStage("b");
      try {
        // Kill as soon as the restarted stage has committed anything new: later lines may be mid-transaction.
        await().atMost(Duration.ofSeconds(90)).until(() -> !committed().equals(beforeSecond));
      } finally {
        kill(second);
      }

      send(producer, K1, "2024-01-01T00:00:01Z stderr F \t... 3 more");
      send(producer, K2, "2024-01-01T00:00:02Z stderr F ValueError: x");
      send(producer, K2, "2024-01-01T00:00:03Z stdout F line");
      send(producer, K1, "2024-01-01T00:00:04Z stdout F after one");
      send(producer, K1, "2024-01-01T00:00:04Z stderr F after trace one");
      send(producer, K2, "2024-01-01T00:00:04Z stderr F after trace two");
      producer.flush();
      Process third = startStage("c");
      try {
        broker.readCommitted(output, new StringDeserializer(), Topics.LOG_EVENT.deserializer(), 7,
            Duration.ofSeconds(90));
        List<ConsumerRecord<String, LogEvent>> all = broker.readAllCommitted(output, new StringDeserializer(),
            Topics.LOG_EVENT.deserializer(), Duration.ofSeconds(2));
        Map<String, List<String>> byKey = all.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
            Collectors.mapping(r -> r.value().getMessage(), Collectors.toList())));
        assertThat(byKey.get(K1)).containsExactlyInAnyOrder("starting",
            "java.lang.IllegalStateException: boom\n\tat a.B.c0(B.java:1)\n\tat a.B.c1(B.java:1)\n"
                + "\tat a.B.c2(B.java:1)\n\tat a.B.c3(B.java:1)\n\t... 3 more",
            "after one", "after trace one");
        assertThat(byKey.get(K2)).containsExactlyInAnyOrder("half line",
            "Traceback (most recent call last):\n  File \"x.py\", line 1, in <module>\n    f()\nValueError: x",
            "after trace two");
        assertThat(all).hasSize(7);
        LogEvent trace = all.stream().map(ConsumerRecord::value)
            .filter(e -> e.getMessage().startsWith("java.lang")).findFirst().orElseThrow();
        assertThat(trace.getTimeText()).isEqualTo("2024-01-01T00:00:01.000000001Z");
        assertThat(trace.getSource().getLineCount()).isEqualTo(6);
      } finally {
        kill(third);
      }
    }
  }

  private void send(KafkaProducer<String, RawLine> producer, String key, String line) {
    long offset = offsets.getOrDefault(key, 0L);
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    producer.send(new ProducerRecord<>(input, key, RawLine.newBuilder().setNode("node-it")
        .setPath("/var/log/pods/" + key.replace('/', '_') + "/0.log").setFileId(new FileIdentity(1L, 2L, 3L))
        .setOffset(offset).setLine(ByteBuffer.wrap(b)).setContinued(false).setReadTime(Instant.now()).build()));
    offsets.put(key, offset + b.length + 1);
  }

  private Process startStage(String name) throws IOException {
    Path dir = Files.createTempDirectory("multiline-crash-" + name);
    Properties props = new Properties();
    props.putAll(broker.streamsConfig(appId));
    props.setProperty("state.dir", dir.resolve("state").toString());
    // A killed member leaves the group after its session times out: keep that short so restarts are quick.
    props.setProperty("consumer.session.timeout.ms", "6000");
    props.setProperty("consumer.heartbeat.interval.ms", "1500");
    props.setProperty("it.input", input);
    props.setProperty("it.output", output);
    Path file = dir.resolve("stage.properties");
    try (OutputStream out = Files.newOutputStream(file)) {
      props.store(out, "multiline crash IT");
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        StageProcess.class.getName(), file.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("stage.log").toFile()).start();
  }

  private static void kill(Process p) throws InterruptedException {
    p.destroyForcibly();
    p.waitFor();
  }

  private Map<TopicPartition, Long> endOffsets() throws Exception {
    Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
    for (int p = 0; p < 2; p++) {
      specs.put(new TopicPartition(input, p), OffsetSpec.latest());
    }
    return broker.admin().listOffsets(specs).all().get().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  private Map<TopicPartition, Long> committed() throws Exception {
    Map<TopicPartition, OffsetAndMetadata> c = broker.admin().listConsumerGroupOffsets(appId)
        .partitionsToOffsetAndMetadata().get();
    Map<TopicPartition, Long> out = new HashMap<>();
    c.forEach((tp, om) -> {
      if (om != null && tp.topic().equals(input)) {
        out.put(tp, om.offset());
      }
    });
    return out;
  }

  private void awaitCommittedUpTo(Map<TopicPartition, Long> end) {
    await().atMost(Duration.ofSeconds(90)).until(() -> {
      Map<TopicPartition, Long> c = committed();
      return end.entrySet().stream().allMatch(e -> e.getValue() == 0 || c.getOrDefault(e.getKey(), -1L)
          >= e.getValue());
    });
  }
}
