package io.logpipe.bench.pipeline;

import io.logpipe.bench.shipper.BrokerProcess;
import io.logpipe.runtime.kafka.PipelineTopics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * One scenario's world: a fresh broker in its own JVM (BrokerProcess, as the shipper bench runs it) with the
 * pipeline's topics and the identity reference's topic, and the counts of what reaches them. Every scenario gets
 * its own broker, so no run reads another's records or pays for its segments.
 */
final class Scenario implements AutoCloseable {

  final Path dir;
  final BrokerProcess broker;
  final TopicCounts counts;
  final ProcessHandle brokerHandle;

  private Scenario(Path dir, BrokerProcess broker, TopicCounts counts, ProcessHandle brokerHandle) {
    this.dir = dir;
    this.broker = broker;
    this.counts = counts;
    this.brokerHandle = brokerHandle;
  }

  static Scenario start(Path dir, int partitions) throws Exception {
    BrokerProcess broker = BrokerProcess.start(dir.resolve("broker"));
    TopicCounts counts = new TopicCounts(broker.bootstrapServers);
    PipelineTopics.create(counts.admin(), partitions, (short) 1);
    counts.admin().createTopics(List.of(new NewTopic(StagesProcess.IDENTITY_TOPIC, partitions, (short) 1))).all()
        .get(30, TimeUnit.SECONDS);
    return new Scenario(dir, broker, counts, brokerHandle());
  }

  /**
   * Bytes of every topic's log segments on the broker's disk (compressed as the producers sent them), by topic:
   * with {@link TopicCounts#everyTopic}, the broker's traffic behind its CPU share.
   */
  Map<String, Long> bytesByTopic() throws IOException {
    Map<String, Long> bytes = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir.resolve("broker").resolve("kafka-data"))) {
      for (Path segment : files.filter(p -> p.toString().endsWith(".log")).toList()) {
        String partitionDir = segment.getParent().getFileName().toString();
        String topic = partitionDir.substring(0, partitionDir.lastIndexOf('-'));
        bytes.merge(topic, Files.size(segment), Long::sum);
      }
    }
    return bytes;
  }

  String bootstrap() {
    return broker.bootstrapServers;
  }

  /** The processes of a run in this scenario, the broker measured among them. */
  Processes processes(BenchSettings settings) {
    return new Processes(dir, brokerHandle, settings.childEnv());
  }

  /**
   * The broker JVM is our child running {@code kafka.Kafka}; only one runs at a time. Read from /proc because
   * {@link ProcessHandle.Info#arguments()} gives nothing for a command line as long as the bench's class path.
   */
  private static ProcessHandle brokerHandle() {
    return ProcessHandle.current().children().filter(Scenario::runsKafka).findFirst()
        .orElseThrow(() -> new IllegalStateException("no broker child process found"));
  }

  private static boolean runsKafka(ProcessHandle h) {
    try {
      byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(h.pid()), "cmdline"));
      return List.of(new String(cmdline, StandardCharsets.UTF_8).split("\0")).contains("kafka.Kafka");
    } catch (IOException exited) {
      return false;
    }
  }

  @Override
  public void close() {
    counts.close();
    broker.close();
  }
}
