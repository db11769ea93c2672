package io.logpipe.multiline.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.multiline.MultilineSettings;
import io.logpipe.multiline.assemble.AssemblyMetrics;
import io.logpipe.runtime.config.KafkaSettings;
import io.logpipe.runtime.errors.ErrorPolicy;
import io.logpipe.runtime.streams.StageTopology;
import io.logpipe.runtime.streams.Step;
import io.logpipe.runtime.streams.StreamsSettings;
import io.logpipe.schemas.FileIdentity;
import io.logpipe.schemas.RawLine;
import io.logpipe.schemas.Topic;
import io.logpipe.schemas.Topics;
import io.logpipe.testkit.KafkaBroker;
import io.logpipe.testkit.KafkaTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Stage throughput against an identity topology, same input, same EOS settings, same run (the benchmark).
 * Not a timed test: it only runs with {@code -Dlogpipe.bench=true} and prints its figures; it asserts only that every
 * input line was consumed. Run:
 * {@code ./mvnw -B -pl multiline verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=MultilineThroughputIT -Dlogpipe.bench=true -Dlogpipe.bench.lines=1000000}
 */
@KafkaTest
@EnabledIfSystemProperty(named = "logpipe.bench", matches = "true")
class MultilineThroughputIT {

  private static KafkaBroker broker;
  private static final int PARTITIONS = 2;

  @Test
  void measuresTheStageAgainstAnIdentityTopology() throws Exception {
    int lines = Integer.getInteger("logpipe.bench.lines", 1_000_000);
    String raw = broker.uniqueName("bench-raw");
    broker.createTopic(raw, PARTITIONS);
    produce(raw, lines);
    Topic<String, RawLine> in = new Topic<>(raw, Topics.RAW.keySerde(), Topics.RAW.valueSerde());

    StringBuilder report = new StringBuilder();
    double[] best = new double[4];
    for (int round = 0; round < 2; round++) {
      String idOut = broker.uniqueName("bench-identity-out");
      broker.createTopic(idOut, PARTITIONS);
      double[] identity = run(StageTopology.between(in, Step.<RawLine>identity(),
          new Topic<>(idOut, Topics.RAW.keySerde(), Topics.RAW.valueSerde())), raw, "identity");
      String mlOut = broker.uniqueName("bench-multiline-out");
      broker.createTopic(mlOut, PARTITIONS);
      double[] multiline = run(StageTopology.between(in, new MultilineStep(MultilineSettings.defaults(),
          AssemblyMetrics.NONE, Clock.systemUTC()),
          new Topic<>(mlOut, Topics.EVENTS.keySerde(), Topics.EVENTS.valueSerde())), raw, "multiline");
      report.append(String.format("round %d: identity %.0f lines/s (%.0f per CPU-s), multiline %.0f lines/s "
          + "(%.0f per CPU-s); ratio wall %.2f, CPU %.2f%n", round, identity[0], identity[1], multiline[0],
          multiline[1], multiline[0] / identity[0], multiline[1] / identity[1]));
      best[0] = Math.max(best[0], identity[0]);
      best[1] = Math.max(best[1], identity[1]);
      best[2] = Math.max(best[2], multiline[0]);
      best[3] = Math.max(best[3], multiline[1]);
    }
    report.append(String.format("best of rounds: identity %.0f lines/s (%.0f per CPU-s), multiline %.0f lines/s "
        + "(%.0f per CPU-s); ratio wall %.2f, CPU %.2f (%d lines)%n", best[0], best[1], best[2], best[3],
        best[2] / best[0], best[3] / best[1], lines));
    System.out.println(report);
    Files.writeString(java.nio.file.Path.of("target", "multiline-throughput.txt"), report.toString());
  }

  private double[] run(Topology topology, String input, String name) throws Exception {
    String appId = broker.uniqueName("bench-" + name);
    Properties props = StreamsSettings.forStage(appId, new KafkaSettings(broker.bootstrapServers(), Map.of()),
        Files.createTempDirectory("bench-" + name), "multiline", ErrorPolicy.DEAD_LETTER);
    props.putAll(Map.of("consumer.auto.offset.reset", "earliest"));
    Map<TopicPartition, Long> end = endOffsets(input);
    long total = end.values().stream().mapToLong(Long::longValue).sum();
    try (KafkaStreams streams = new KafkaStreams(topology, props)) {
      streams.start();
      // Timed from 10% to 100% committed: start-up and the first rebalance are left out of both topologies.
      long tenth = total / 10;
      org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
          .until(() -> committed(appId, input) >= tenth);
      long from = committed(appId, input);
      long started = System.nanoTime();
      long cpuStarted = processCpuNanos();
      org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
          .until(() -> committed(appId, input) >= total);
      double seconds = (System.nanoTime() - started) / 1e9;
      double cpuSeconds = (processCpuNanos() - cpuStarted) / 1e9;
      streams.close(Duration.ofSeconds(30));
      assertThat(committed(appId, input)).isEqualTo(total);
      return new double[] {(total - from) / seconds, (total - from) / cpuSeconds};
    }
  }

  /** CPU time of this JVM (broker, producer and Streams alike): less sensitive to other load than wall time. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private void produce(String topic, int lines) {
    Map<String, Object> config = new HashMap<>(broker.producerConfig());
    config.put("linger.ms", 20);
    config.put("batch.size", 512 * 1024);
    config.put("compression.type", "lz4");
    Random random = new Random(42);
    String[] keys = new String[16];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = "shop/web-" + i + "/uid-" + i + "/app";
    }
    long[] offsets = new long[keys.length];
    try (KafkaProducer<String, RawLine> producer = new KafkaProducer<>(config, Topics.RAW.keySerde().serializer(),
        Topics.RAW.valueSerde().serializer())) {
      int sent = 0;
      long nanos = 1_700_000_000_000_000_000L;
      while (sent < lines) {
        int k = random.nextInt(keys.length);
        for (String text : LineMix.next(random)) {
          nanos += 1_000;
          String time = Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L).toString();
          byte[] b = (time + " " + text).getBytes(StandardCharsets.UTF_8);
          producer.send(new ProducerRecord<>(topic, keys[k], RawLine.newBuilder().setNode("bench")
              .setPath("/var/log/pods/" + keys[k].replace('/', '_') + "/0.log")
              .setFileId(new FileIdentity(1L, (long) k, 7L)).setOffset(offsets[k]).setLine(ByteBuffer.wrap(b))
              .setContinued(false).setReadTime(Instant.EPOCH).build()));
          offsets[k] += b.length + 1;
          sent++;
        }
      }
      producer.flush();
    }
  }

  private Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
    Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
    for (int p = 0; p < PARTITIONS; p++) {
      specs.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    Map<TopicPartition, Long> out = new HashMap<>();
    broker.admin().listOffsets(specs).all().get().forEach((tp, info) -> out.put(tp, info.offset()));
    return out;
  }

  private long committed(String appId, String topic) throws Exception {
    long sum = 0;
    for (Map.Entry<TopicPartition, OffsetAndMetadata> e : broker.admin().listConsumerGroupOffsets(appId)
        .partitionsToOffsetAndMetadata().get().entrySet()) {
      if (e.getValue() != null && e.getKey().topic().equals(topic)) {
        sum += e.getValue().offset();
      }
    }
    return sum;
  }

  /** One burst of CRI lines of one container: mostly single lines, some JSON, traces, partial lines. */
  static final class LineMix {
    static java.util.List<String> next(Random random) {
      int kind = random.nextInt(100);
      if (kind < 80) {
        return java.util.List.of("stdout F 2024-01-01 12:00:00.123 INFO  [exec-" + random.nextInt(20)
            + "] c.e.shop.OrderController - order " + random.nextInt(1_000_000) + " placed");
      }
      if (kind < 90) {
        return java.util.List.of("stdout F {\"level\":\"info\",\"msg\":\"request\",\"status\":200,\"ms\":"
            + random.nextInt(90) + "}");
      }
      if (kind < 97) {
        java.util.List<String> trace = new java.util.ArrayList<>();
        trace.add("stderr F java.lang.IllegalStateException: order " + random.nextInt(1000) + " shipped");
        for (int i = 0; i < 10 + random.nextInt(20); i++) {
          trace.add("stderr F \tat com.example.shop.OrderService.m" + i + "(OrderService.java:" + i + ")");
        }
        trace.add("stderr F \t... 12 more");
        return trace;
      }
      return java.util.List.of("stdout P " + "x".repeat(2000), "stdout P " + "y".repeat(2000), "stdout F end");
    }
  }
}
