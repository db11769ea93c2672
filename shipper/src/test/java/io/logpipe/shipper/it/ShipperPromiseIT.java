package io.logpipe.shipper.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.logpipe.testkit.KafkaBroker;
import io.logpipe.testkit.KafkaTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import io.logpipe.schemas.Topics;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise (issue 3, "Tests"): the shipper as a separate process, 200,000 lines across several files with
 * rotations, killed with SIGKILL at random moments at least five times and restarted each time; afterwards
 * {@code logs.raw.v1} read with read_committed holds every line exactly once, in order per stream.
 */
@KafkaTest
class ShipperPromiseIT {

  private static final int STREAMS = 4;
  private static final int LINES_PER_STREAM = 50_000;
  private static final int CHUNK = 250;
  private static final int ROTATE_EVERY = 8_000;
  private static final int KILLS = 6;

  KafkaBroker broker;
  @TempDir Path root;

  @Test
  void holdsEveryLineExactlyOnceInOrderThroughRepeatedKillNine() throws Exception {
    broker.createPipelineTopics(ShipperIT.PARTITIONS);
    String node = broker.uniqueName("promise-node");
    List<PodLogs> streams = new ArrayList<>();
    for (int i = 0; i < STREAMS; i++) {
      streams.add(new PodLogs(root, "shop", "web-" + i, "app"));
    }
    AtomicInteger written = new AtomicInteger();
    long base = committedEnd();
    // The writer stays ahead of the shipper, but not so far that every rotation happens while it is down.
    Thread writer = new Thread(() -> write(streams, written, () -> committedEnd() - base), "log-writer");
    Random random = new Random();
    Path logs = Path.of(System.getProperty("java.io.tmpdir"), node + "-shipper.log");
    Process shipper = launch(node, logs);
    writer.start();
    int total = STREAMS * LINES_PER_STREAM;
    for (int kill = 1; kill <= KILLS; kill++) {
      // Kill while it is shipping: once this incarnation has committed a random number of further lines.
      long at = committedEnd() + 3_000 + random.nextInt(12_000);
      await().atMost(Duration.ofSeconds(60)).until(() -> committedEnd() >= at);
      shipper.destroyForcibly(); // SIGKILL
      assertThat(shipper.waitFor()).isEqualTo(137);
      shipper = launch(node, logs);
    }
    writer.join();
    assertThat(written.get()).isEqualTo(total);
    try {
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
          .until(() -> Shipped.read(broker, node).total() >= total);
    } finally {
      shipper.destroy(); // SIGTERM
    }
    assertThat(shipper.waitFor()).as("SIGTERM: finish the open transaction, exit 0").isZero();
    Shipped shipped = Shipped.read(broker, node);
    for (PodLogs stream : streams) {
      shipped.assertExactlyOnceInOrder(stream);
    }
    assertThat(shipped.total()).isEqualTo(total);
  }

  /** Sum of the committed (last stable) end offsets of logs.raw.v1: grows as the shipper commits. */
  private long committedEnd() {
    try {
      var partitions = broker.admin().describeTopics(List.of(Topics.RAW.name())).allTopicNames().get()
          .get(Topics.RAW.name()).partitions().stream()
          .collect(Collectors.toMap(p -> new TopicPartition(Topics.RAW.name(), p.partition()), p -> OffsetSpec.latest()));
      return broker.admin().listOffsets(partitions, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
          .values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void write(List<PodLogs> streams, AtomicInteger written, LongSupplier shipped) {
    try {
      for (int n = 0; n < LINES_PER_STREAM; n += CHUNK) {
        int soFar = written.get();
        await().atMost(Duration.ofSeconds(60)).until(() -> shipped.getAsLong() >= soFar * 0.4);
        for (PodLogs stream : streams) {
          stream.append(CHUNK);
          if ((n + CHUNK) % ROTATE_EVERY == 0) {
            stream.rotate();
          }
        }
        written.addAndGet(CHUNK * streams.size());
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Process launch(String node, Path logs) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx192m", "-cp", System.getProperty("java.class.path"),
        ShipperMain.class.getName(),
        "--log-root", root.toString(),
        "--bootstrap-servers", broker.bootstrapServers(),
        "--node-name", node,
        "--http-port", "0");
    pb.environment().put("SHIPPER_ROTATE_WAIT", "300ms");
    pb.environment().put("SHIPPER_RESCAN_INTERVAL", "500ms");
    pb.environment().put("SHIPPER_POLL_INTERVAL", "50ms");
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logs.toFile()));
    Files.createDirectories(logs.getParent());
    return pb.start();
  }

}
