package io.logpipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@KafkaTest
class TransactionsIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Test
  void readCommittedSeesCommittedTransactionsAndNeverAbortedOnes(KafkaBroker broker) {
    String topic = broker.uniqueName("tx");
    broker.createTopic(topic, 3);

    try (KafkaProducer<String, String> producer = broker.transactionalProducer(
        broker.uniqueName("tx-producer"), new StringSerializer(), new StringSerializer())) {
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "a", "committed-1"));
      producer.send(new ProducerRecord<>(topic, "b", "committed-2"));
      producer.commitTransaction();

      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "a", "aborted"));
      producer.flush();
      producer.abortTransaction();

      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "c", "committed-3"));
      producer.commitTransaction();
    }

    var records = broker.readAllCommitted(topic, new StringDeserializer(), new StringDeserializer(),
        Duration.ofMillis(500));
    assertThat(records).extracting(ConsumerRecord::value)
        .containsExactlyInAnyOrder("committed-1", "committed-2", "committed-3");
  }

  @Test
  void openTransactionStaysInvisibleUntilCommitted(KafkaBroker broker) {
    String topic = broker.uniqueName("tx-open");
    broker.createTopic(topic, 1);

    try (KafkaProducer<String, String> producer = broker.transactionalProducer(
        broker.uniqueName("tx-producer"), new StringSerializer(), new StringSerializer())) {
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "k", "pending"));
      producer.flush();

      assertThat(broker.readAllCommitted(topic, new StringDeserializer(), new StringDeserializer(),
          Duration.ofMillis(300))).isEmpty();

      producer.commitTransaction();
    }
    assertThat(broker.readCommitted(topic, new StringDeserializer(), new StringDeserializer(), 1, TIMEOUT))
        .extracting(ConsumerRecord::value).containsExactly("pending");
  }

  @Test
  void readCommittedFailsSayingHowManyRecordsArrived(KafkaBroker broker) throws Exception {
    String topic = broker.uniqueName("short");
    broker.createTopic(topic, 1);
    try (var producer = broker.producer(new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, "k", "only-one")).get();
    }

    assertThatThrownBy(() -> broker.readCommitted(
        topic, new StringDeserializer(), new StringDeserializer(), 2, Duration.ofSeconds(2)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected 2 committed records on " + topic)
        .hasMessageContaining("but 1 arrived")
        .hasMessageContaining("only-one");
  }

  @Test
  void readingATopicThatWasNeverCreatedFailsClearly(KafkaBroker broker) {
    assertThatThrownBy(() -> broker.readCommitted(broker.uniqueName("missing"), new StringDeserializer(),
        new StringDeserializer(), 1, Duration.ofSeconds(2)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("does not exist");
  }
}
