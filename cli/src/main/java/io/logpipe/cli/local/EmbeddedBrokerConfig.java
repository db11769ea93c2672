package io.logpipe.cli.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The server.properties of the embedded single-node KRaft server: one process that is both broker and controller,
 * listening on loopback only.
 *
 * <p>A lone broker cannot host the internal topics at their production replication factor of 3; without 1 (and min
 * ISR 1) for {@code __consumer_offsets} and {@code __transaction_state}, transactional producers and Kafka Streams
 * {@code exactly_once_v2} never find a coordinator (../shared/TESTING.md).
 */
record EmbeddedBrokerConfig(Path logDir, int brokerPort, int controllerPort) {

  static final String HOST = "127.0.0.1";
  static final int NODE_ID = 1;

  /** {@code brokerPort} 0 picks a free port; the controller port is always a free one. */
  static EmbeddedBrokerConfig of(Path logDir, int brokerPort) {
    if (brokerPort < 0 || brokerPort > 65_535) {
      throw new IllegalArgumentException("port must be 0 (any free port) or 1-65535, was " + brokerPort);
    }
    return new EmbeddedBrokerConfig(logDir, brokerPort == 0 ? freePort() : brokerPort, freePort());
  }

  String bootstrapServers() {
    return HOST + ":" + brokerPort;
  }

  Properties properties() {
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", String.valueOf(NODE_ID));
    // A static quorum of this one node: the voter endpoint lives in config, so a restart may use other ports.
    p.setProperty("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
    p.setProperty("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://" + bootstrapServers());
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("offsets.topic.num.partitions", "5");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("transaction.state.log.num.partitions", "5");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    // Stages join their groups at once rather than waiting 3 s for more members that never come.
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    // Topics come from PipelineTopics with their plan (compaction, retention), never from a first write.
    p.setProperty("auto.create.topics.enable", "false");
    // Sized for a laptop sharing its cores with every pipeline stage: the defaults suit a dedicated server (the
    // log cleaner alone would take a 128 MB dedupe buffer for the compacted positions and offsets topics).
    p.setProperty("num.network.threads", "2");
    p.setProperty("num.io.threads", "2");
    p.setProperty("background.threads", "2");
    p.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
    return p;
  }

  private static int freePort() {
    // The port is free now; the server binds it moments later. EmbeddedBroker retries if another process won.
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + HOST, e);
    }
  }
}
