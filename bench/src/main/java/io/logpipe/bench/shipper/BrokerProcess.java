package io.logpipe.bench.shipper;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft broker in its own JVM beside the bench ("a broker on the same machine"), started with Kafka's
 * own entry points ({@code kafka-storage format}, {@code kafka-server-start}) so its CPU is not counted as ours.
 */
public final class BrokerProcess implements AutoCloseable {

  private final ChildJvm jvm;
  public final String bootstrapServers;

  private BrokerProcess(ChildJvm jvm, String bootstrapServers) {
    this.jvm = jvm;
    this.bootstrapServers = bootstrapServers;
  }

  public static BrokerProcess start(Path dir) throws Exception {
    int port = freePort();
    int controllerPort = freePort();
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", "1");
    p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("log.dirs", dir.resolve("kafka-data").toAbsolutePath().toString());
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    p.setProperty("auto.create.topics.enable", "false");
    Files.createDirectories(dir);
    Path config = dir.resolve("server.properties");
    try (OutputStream out = Files.newOutputStream(config)) {
      p.store(out, "logpipe shipper bench broker");
    }
    Path log = dir.resolve("broker.log");
    ChildJvm format = ChildJvm.start("kafka.tools.StorageTool", List.of(), List.of("format", "--config",
        config.toString(), "--cluster-id", Uuid.randomUuid().toString()), Map.of(), log);
    if (!format.process.waitFor(60, TimeUnit.SECONDS) || format.process.exitValue() != 0) {
      throw new IllegalStateException("kafka-storage format failed, see " + log);
    }
    ChildJvm broker = ChildJvm.start("kafka.Kafka", List.of("-Xmx1g"), List.of(config.toString()), Map.of(), log);
    String bootstrap = "127.0.0.1:" + port;
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
    }
    return new BrokerProcess(broker, bootstrap);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    jvm.close();
  }


}
