package io.logpipe.shipper.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.logpipe.runtime.health.HealthState;
import io.logpipe.runtime.kafka.PipelineTopics;
import io.logpipe.shipper.Shipper;
import io.logpipe.testkit.internal.BrokerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka away for a while, then back (issue 3): the shipper stops reading, drops nothing, and ships everything once
 * the broker returns. Uses a broker of its own (the shared one cannot be stopped), restarted on the same port.
 */
class BrokerAwayIT {

  @TempDir Path root;
  private KafkaClusterTestKit cluster;

  @BeforeEach
  void startBroker() throws Exception {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "broker-away");
    Files.createDirectories(dir);
    TestKitNodes nodes = new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
        .setNumControllerNodes(1).setBootstrapMetadataVersion(MetadataVersion.latestProduction())
        .setBaseDirectory(Files.createTempDirectory(dir, "kraft-")).build();
    KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes).setDeleteOnClose(true);
    BrokerSettings.properties().forEach(builder::setConfigProp);
    cluster = builder.build();
    cluster.format();
    cluster.startup();
    cluster.waitForReadyBrokers();
    try (Admin admin = cluster.admin()) {
      PipelineTopics.create(admin, 3, (short) 1);
    }
  }

  @AfterEach
  void stopBroker() throws Exception {
    cluster.close();
  }

  @Test
  void shipsEverythingWrittenWhileKafkaWasAwayOnceItIsBack() throws Exception {
    String bootstrap = cluster.bootstrapServers();
    PodLogs web = new PodLogs(root, "shop", "web-1", "app");
    HealthState health = new HealthState();
    Map<String, String> impatient = Map.of("KAFKA_MAX_BLOCK_MS", "2000", "KAFKA_REQUEST_TIMEOUT_MS", "1000",
        "KAFKA_DELIVERY_TIMEOUT_MS", "3000", "QUEUE_BYTES", "256KiB");
    try (Shipper shipper = ShipperRun.start(ShipperRun.config(root, "away-node", bootstrap, impatient), health)) {
      web.append(1_000);
      assertThat(shipper.awaitDrained(Duration.ofSeconds(30))).isTrue();

      BrokerServer broker = cluster.brokers().values().iterator().next();
      broker.shutdown();
      broker.awaitShutdown();
      web.append(10_000);
      web.rotate();
      web.append(10_000);
      await().atMost(Duration.ofSeconds(30)).until(() -> !health.isReady());
      assertThat(shipper.bytesBehind()).as("the files hold what Kafka could not take").isPositive();

      broker.startup();
      assertThat(shipper.awaitDrained(Duration.ofSeconds(90))).isTrue();
      assertThat(health.isReady()).isTrue();
    }
    Shipped.read(bootstrap, "away-node").assertExactlyOnceInOrder(web);
  }
}
