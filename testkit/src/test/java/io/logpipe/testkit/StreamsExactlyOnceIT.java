package io.logpipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;

@KafkaTest
class StreamsExactlyOnceIT {

  private static KafkaBroker broker;

  @Test
  void exactlyOnceV2AppProcessesEveryRecordOnceAndCommitsItsOutput() throws Exception {
    String input = broker.uniqueName("streams-in");
    String output = broker.uniqueName("streams-out");
    broker.createTopic(input, 2);
    broker.createTopic(output, 2);
    try (var producer = broker.producer(new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < 10; i++) {
        producer.send(new ProducerRecord<>(input, "k" + i % 3, "line " + i));
      }
      producer.flush();
    }

    var builder = new StreamsBuilder();
    builder.stream(input, Consumed.with(Serdes.String(), Serdes.String()).withName("source"))
        .mapValues(v -> v.toUpperCase(Locale.ROOT), Named.as("upper"))
        .to(output, Produced.with(Serdes.String(), Serdes.String()).withName("sink"));
    var config = broker.streamsConfig(broker.uniqueName("streams-eos"));
    assertThat(config.getProperty("processing.guarantee")).isEqualTo("exactly_once_v2");

    try (var streams = new KafkaStreams(builder.build(), config)) {
      streams.start();
      var records = broker.readCommitted(output, new StringDeserializer(), new StringDeserializer(), 10,
          Duration.ofSeconds(60));
      assertThat(records).extracting(ConsumerRecord::value).contains("LINE 0", "LINE 9").doesNotHaveDuplicates();
      assertThat(broker.readAllCommitted(output, new StringDeserializer(), new StringDeserializer(),
          Duration.ofMillis(500))).hasSize(10);
      streams.close(Duration.ofSeconds(20));
      await().atMost(Duration.ofSeconds(20)).until(() -> streams.state() == KafkaStreams.State.NOT_RUNNING);
    }
  }
}
