package io.logpipe.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.testkit.CommittedRecords;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBrokerIT {

  private static final String TOPIC = "embedded.it";
  private static final Duration QUIET = Duration.ofMillis(500);

  @TempDir
  Path dataDir;

  @Test
  void committedTransactionsAreReadAndAbortedOnesAreNot() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir, 0)) {
      createTopic(broker, 2);
      produceCommittedAndAborted(broker, "tx-1", List.of("one", "two"), List.of("never"));

      assertThat(readAll(broker)).containsExactlyInAnyOrder("one", "two");
    }
  }

  @Test
  void aRestartOnTheSameDataDirectoryKeepsCommittedRecords() throws Exception {
    try (EmbeddedBroker first = EmbeddedBroker.start(dataDir, 0)) {
      createTopic(first, 2);
      produceCommittedAndAborted(first, "tx-restart", List.of("before-1", "before-2"), List.of("aborted"));
    }

    try (EmbeddedBroker second = EmbeddedBroker.start(dataDir, 0)) {
      assertThat(readAll(second)).containsExactlyInAnyOrder("before-1", "before-2");
      // The same transactional id works again after the restart: its epoch was kept.
      produceCommittedAndAborted(second, "tx-restart", List.of("after"), List.of());
      assertThat(readAll(second)).containsExactlyInAnyOrder("before-1", "before-2", "after");
    }
  }

  @Test
  void listensOnTheGivenLoopbackPortAndKeepsItsFilesInTheDataDirectory() throws Exception {
    int port;
    try (var probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir, port)) {
      assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
      try (Admin admin = admin(broker)) {
        assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).singleElement()
            .satisfies(node -> assertThat(node.port()).isEqualTo(port));
      }
    }
    assertThat(dataDir.resolve("server.properties")).isRegularFile();
    assertThat(dataDir.resolve("kafka").resolve("meta.properties")).isRegularFile();
  }

  @Test
  void closingTwiceIsHarmless() {
    EmbeddedBroker broker = EmbeddedBroker.start(dataDir, 0);
    broker.close();
    broker.close();
    assertThat(Files.exists(dataDir.resolve("kafka"))).isTrue();
  }

  private static void createTopic(EmbeddedBroker broker, int partitions) throws Exception {
    try (Admin admin = admin(broker)) {
      admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
  }

  private static void produceCommittedAndAborted(
      EmbeddedBroker broker, String transactionalId, List<String> committed, List<String> aborted) {
    Map<String, Object> config = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
    try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      committed.forEach(value -> producer.send(new ProducerRecord<>(TOPIC, value, value)));
      producer.commitTransaction();
      if (!aborted.isEmpty()) {
        producer.beginTransaction();
        aborted.forEach(value -> producer.send(new ProducerRecord<>(TOPIC, value, value)));
        producer.flush();
        producer.abortTransaction();
      }
    }
  }

  private static List<String> readAll(EmbeddedBroker broker) {
    return CommittedRecords.readAll(broker.bootstrapServers(), TOPIC, new StringDeserializer(),
            new StringDeserializer(), QUIET)
        .stream().map(ConsumerRecord::value).toList();
  }

  private static Admin admin(EmbeddedBroker broker) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
  }
}
