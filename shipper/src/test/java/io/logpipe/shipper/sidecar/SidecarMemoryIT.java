package io.logpipe.shipper.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.logpipe.schemas.Topics;
import io.logpipe.shipper.it.ShipperMain;
import io.logpipe.testkit.CommittedRecords;
import io.logpipe.testkit.KafkaBroker;
import io.logpipe.testkit.KafkaTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sidecar mode runs in a small JVM with its defaults (issue 9: "keep its memory small, it runs once per pod"): the
 * shipper process with the flags the README gives for a sidecar ({@value #FLAGS}) ships 40,000 lines
 * (some 1 MiB long) of a busy app, and stops cleanly on SIGTERM. Prints the process's peak RSS.
 */
@KafkaTest
class SidecarMemoryIT {

  static final String FLAGS = "-Xmx32m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MaxMetaspaceSize=48m "
      + "-XX:ReservedCodeCacheSize=16m -XX:+ExitOnOutOfMemoryError";
  private static final int LINES = 40_000;

  KafkaBroker broker;
  @TempDir Path dir;

  @Test
  void shipsABusyAppsLinesWithA32MebibyteHeap() throws Exception {
    broker.createPipelineTopics(3);
    String uid = broker.uniqueName("mem-uid");
    String key = "shop/busy-app-1/" + uid + "/app-files";
    Path app = Files.createDirectories(dir.resolve("app"));
    StringBuilder text = new StringBuilder();
    String big = "x".repeat(1 << 20);
    for (int i = 0; i < LINES; i++) {
      text.append(i % 10_000 == 9_999 ? big : "INFO request " + i + " served in 12ms path=/api/v1/orders status=200")
          .append('\n');
      if (text.length() > 4 << 20) {
        Files.writeString(app.resolve("app.log"), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
        text.setLength(0);
      }
    }
    Files.writeString(app.resolve("app.log"), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);

    Process sidecar = launch(uid, app);
    try {
      await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() -> shipped(key) >= LINES);
      String status = Files.readString(Path.of("/proc/" + sidecar.pid() + "/status"));
      System.out.println("sidecar peak RSS: " + status.lines().filter(l -> l.startsWith("VmHWM")).findFirst()
          .orElse("?"));
      assertThat(sidecar.isAlive()).isTrue();
    } finally {
      sidecar.destroy(); // SIGTERM
    }
    assertThat(sidecar.waitFor()).as("SIGTERM: finish the open batch, exit 0").isZero();
    assertThat(shipped(key)).isEqualTo(LINES);
  }

  private long shipped(String key) {
    return CommittedRecords.readAll(broker.bootstrapServers(), Topics.RAW.name(),
        Topics.RAW.keySerde().deserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
        Duration.ofMillis(300)).stream().filter(r -> r.key().equals(key)).count();
  }

  private Process launch(String uid, Path app) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java));
    command.addAll(List.of(FLAGS.split(" ")));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), ShipperMain.class.getName(),
        "--bootstrap-servers", broker.bootstrapServers(), "--node-name", "worker-3", "--http-port", "0"));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("POD_NAMESPACE", "shop");
    pb.environment().put("POD_NAME", "busy-app-1");
    pb.environment().put("POD_UID", uid);
    pb.environment().put("SHIPPER_SIDECAR_CONTAINER", "app-files");
    pb.environment().put("SHIPPER_SIDECAR_GLOBS", app + "/*.log");
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("sidecar.log").toFile()));
    return pb.start();
  }
}
