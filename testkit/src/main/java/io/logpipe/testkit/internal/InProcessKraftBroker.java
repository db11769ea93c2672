package io.logpipe.testkit.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import kafka.server.BrokerServer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * One combined broker+controller KRaft node in this JVM, from Kafka's own test kit ({@code kafka-test-common-runtime},
 * an internal API of Kafka's tests, so it stays fenced in this class).
 */
public final class InProcessKraftBroker implements RunningBroker {

  private final KafkaClusterTestKit cluster;
  private final String bootstrapServers;

  private InProcessKraftBroker(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
    this.bootstrapServers = cluster.bootstrapServers();
  }

  /** Formats a fresh data directory under {@code parentDir}, starts the node and waits until it serves clients. */
  public static InProcessKraftBroker start(Path parentDir) {
    KafkaClusterTestKit cluster = null;
    try {
      Files.createDirectories(parentDir);
      TestKitNodes nodes = new TestKitNodes.Builder()
          .setCombined(true)
          .setNumBrokerNodes(1)
          .setNumControllerNodes(1)
          // The builder's default is the newest *unstable* version, which clients of this release may not speak.
          .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
          .setBaseDirectory(Files.createTempDirectory(parentDir, "kraft-"))
          .build();
      var builder = new KafkaClusterTestKit.Builder(nodes).setDeleteOnClose(true);
      BrokerSettings.properties().forEach(builder::setConfigProp);
      cluster = builder.build();
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      return new InProcessKraftBroker(cluster);
    } catch (Exception e) {
      closeQuietly(cluster, e);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("the in-process KRaft broker did not start", e);
    }
  }

  @Override
  public String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public String description() {
    return "in-process KRaft broker " + AppInfoParser.getVersion() + " at " + bootstrapServers;
  }

  /**
   * Stops the broker side of the node, leaving the controller and the data: to clients Kafka is away. The test kit
   * keeps the listener's port reserved, so {@link #startBroker()} comes back at the same address.
   */
  public void stopBroker() {
    for (BrokerServer broker : cluster.brokers().values()) {
      broker.shutdown();
      broker.awaitShutdown();
    }
  }

  /** Starts the broker side again after {@link #stopBroker()}, on the same port and data, and waits until ready. */
  public void startBroker() {
    cluster.brokers().values().forEach(BrokerServer::startup);
    try {
      cluster.waitForReadyBrokers();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("the in-process KRaft broker did not come back", e);
    }
  }

  @Override
  public void close() {
    try {
      cluster.close();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("the in-process KRaft broker did not stop cleanly", e);
    }
  }

  private static void closeQuietly(KafkaClusterTestKit cluster, Exception cause) {
    if (cluster == null) {
      return;
    }
    try {
      cluster.close();
    } catch (Exception e) {
      cause.addSuppressed(e);
    }
  }
}
