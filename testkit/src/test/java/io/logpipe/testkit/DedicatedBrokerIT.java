package io.logpipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class DedicatedBrokerIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Test
  void aStoppedBrokerComesBackAtTheSameAddressWithItsCommittedRecords() throws Exception {
    try (DedicatedBroker dedicated = DedicatedBroker.start()) {
      KafkaBroker broker = dedicated.broker();
      String address = dedicated.bootstrapServers();
      broker.createTopic("away", 2);
      try (var producer = broker.producer(new StringSerializer(), new StringSerializer())) {
        producer.send(new ProducerRecord<>("away", "k", "before")).get();
      }

      dedicated.stop();
      assertThatThrownBy(() -> broker.readCommitted("away", new StringDeserializer(), new StringDeserializer(), 1,
          Duration.ofSeconds(2)))
          .as("nothing can be read while the broker is away")
          .isInstanceOf(AssertionError.class);

      dedicated.restart();
      assertThat(dedicated.bootstrapServers()).isEqualTo(address);
      try (var producer = broker.producer(new StringSerializer(), new StringSerializer())) {
        producer.send(new ProducerRecord<>("away", "k", "after")).get();
      }
      assertThat(broker.readCommitted("away", new StringDeserializer(), new StringDeserializer(), 2, TIMEOUT))
          .extracting(ConsumerRecord::value).containsExactly("before", "after");
    }
  }
}
