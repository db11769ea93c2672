package io.logpipe.shipper.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.logpipe.runtime.health.HealthState;
import io.logpipe.schemas.RawLine;
import io.logpipe.shipper.Shipper;
import io.logpipe.testkit.KafkaBroker;
import io.logpipe.testkit.KafkaTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@KafkaTest
class ShipperIT {

  static final int PARTITIONS = 3;
  private static final Duration DRAIN = Duration.ofSeconds(60);

  KafkaBroker broker;
  @TempDir Path root;
  private String node;

  @BeforeEach
  void setUp() {
    broker.createPipelineTopics(PARTITIONS);
    node = broker.uniqueName("node");
  }

  private Shipper start(Map<String, String> extra) {
    HealthState health = new HealthState();
    Shipper shipper = ShipperRun.start(ShipperRun.config(root, node, broker.bootstrapServers(), extra), health);
    await().atMost(Duration.ofSeconds(30)).until(health::isReady);
    return shipper;
  }

  private Shipper start() {
    return start(Map.of());
  }

  @Test
  void shipsEveryLineOnceAndInOrderWhileFilesAreRenameRotatedUnderLoad() throws Exception {
    PodLogs web = new PodLogs(root, "shop", "web-1", "app");
    PodLogs db = new PodLogs(root, "shop", "db-0", "db");
    try (Shipper shipper = start()) {
      for (int round = 0; round < 40; round++) {
        web.append(500);
        db.append(300);
        if (round % 7 == 6) {
          web.rotate();
        }
        if (round % 11 == 10) {
          db.rotate();
        }
      }
      assertThat(shipper.awaitDrained(DRAIN)).isTrue();
    }
    Shipped shipped = Shipped.read(broker, node);
    shipped.assertExactlyOnceInOrder(web);
    shipped.assertExactlyOnceInOrder(db);
    assertThat(shipped.total()).isEqualTo(40 * 800);
  }

  @Test
  void goesOnFromACopyTruncatedFileWithoutLosingOrRepeatingALine() throws Exception {
    PodLogs web = new PodLogs(root, "shop", "web-1", "app");
    try (Shipper shipper = start()) {
      web.append(100);
      assertThat(shipper.awaitDrained(DRAIN)).isTrue();
      Files.copy(web.file, web.file.resolveSibling("0.log.20240501-000001"), StandardCopyOption.COPY_ATTRIBUTES);
      Files.writeString(web.file, "", UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
      web.append(50);
      assertThat(shipper.awaitDrained(DRAIN)).isTrue();
    }
    Shipped.read(broker, node).assertExactlyOnceInOrder(web);
  }

  @Test
  void readsAFileDeletedWhileBeingReadToItsEnd() throws Exception {
    PodLogs web = new PodLogs(root, "shop", "web-1", "app");
    web.append(30_000);
    // A small queue and batches make reading slow enough that the file is deleted half-way.
    try (Shipper shipper = start(Map.of("QUEUE_BYTES", "128KiB", "BATCH_BYTES", "32KiB", "READ_CAP_BYTES",
        "16KiB"))) {
      await().atMost(Duration.ofSeconds(30)).until(() -> shipper.linesShipped() > 0);
      Files.delete(web.file);
      assertThat(shipper.bytesBehind()).as("deleted before it was read to its end").isPositive();
      assertThat(shipper.awaitDrained(DRAIN)).isTrue();
    }
    Shipped.read(broker, node).assertExactlyOnceInOrder(web);
  }

  @Test
  void readsANewFileThatReusedAnOldInodeFromItsStart() throws Exception {
    PodLogs web = new PodLogs(root, "shop", "web-1", "app");
    web.append(10);
    long oldInode;
    try (Shipper shipper = start()) {
      assertThat(shipper.awaitDrained(DRAIN)).isTrue();
      oldInode = inode(web.file);
    }
    Files.delete(web.file);
    // ext4 hands a freed inode to the next file created; try a few times, keeping the one that got it.
    List<Path> misses = new ArrayList<>();
    Path reused = null;
    for (int i = 0; i < 50 && reused == null; i++) {
      Path candidate = web.file.resolveSibling("candidate-" + i);
      Files.writeString(candidate, "x");
      if (inode(candidate) == oldInode) {
        reused = candidate;
      } else {
        misses.add(candidate);
      }
    }
    assumeTrue(reused != null, "the filesystem did not reuse the inode");
    for (Path miss : misses) {
      Files.delete(miss);
    }
    Files.move(reused, web.file);
    Files.writeString(web.file, "", UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    web.append(20); // longer than before: a position taken for the old file would skip lines
    assertThat(inode(web.file)).isEqualTo(oldInode);
    try (Shipper shipper = start()) {
      assertThat(shipper.awaitDrained(DRAIN)).isTrue();
    }
    Shipped.read(broker, node).assertExactlyOnceInOrder(web);
  }

  @Test
  void cutsALineLongerThanTheMaximumIntoContinuedChunks() throws Exception {
    PodLogs web = new PodLogs(root, "shop", "web-1", "app");
    String longLine = "x".repeat(2500);
    Files.writeString(web.file, longLine + "\nafter\n", UTF_8);
    try (Shipper shipper = start(Map.of("MAX_LINE_BYTES", "1KiB"))) {
      assertThat(shipper.awaitDrained(DRAIN)).isTrue();
    }
    Shipped shipped = Shipped.read(broker, node);
    assertThat(shipped.texts(web.streamKey)).containsExactly("x".repeat(1024), "x".repeat(1024), "x".repeat(452),
        "after");
    assertThat(shipped.lines(web.streamKey)).extracting(RawLine::getContinued)
        .containsExactly(true, true, false, false);
    assertThat(shipped.lines(web.streamKey)).extracting(RawLine::getOffset)
        .containsExactly(0L, 1024L, 2048L, 2501L);
  }

  @Test
  void resumesAfterARestartWithoutRepeatingOrLosingALine() throws Exception {
    PodLogs web = new PodLogs(root, "shop", "web-1", "app");
    for (int run = 0; run < 3; run++) {
      web.append(1000);
      try (Shipper shipper = start()) {
        web.append(1000);
        assertThat(shipper.awaitDrained(DRAIN)).isTrue();
      }
    }
    Shipped.read(broker, node).assertExactlyOnceInOrder(web);
  }

  @Test
  void atLeastOnceModeShipsEveryLineAndKeepsPositionsInALocalFile() throws Exception {
    PodLogs web = new PodLogs(root, "shop", "web-1", "app");
    Path positions = root.resolveSibling(root.getFileName() + "-positions");
    Map<String, String> alo = Map.of("MODE", "at-least-once", "POSITIONS_FILE", positions.toString());
    web.append(500);
    try (Shipper shipper = start(alo)) {
      assertThat(shipper.awaitDrained(DRAIN)).isTrue();
    }
    web.append(500);
    try (Shipper shipper = start(alo)) {
      assertThat(shipper.awaitDrained(DRAIN)).isTrue();
    }
    assertThat(Files.readString(positions)).contains(web.file.toString());
    Shipped.read(broker, node).assertExactlyOnceInOrder(web); // a clean stop repeats nothing, even here
  }

  private static long inode(Path file) throws IOException {
    return ((Number) Files.getAttribute(file, "unix:ino")).longValue();
  }
}
