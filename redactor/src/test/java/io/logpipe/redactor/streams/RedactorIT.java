package io.logpipe.redactor.streams;

import static io.logpipe.redactor.streams.Events.PAYMENTS;
import static io.logpipe.redactor.streams.Events.SHOP;
import static io.logpipe.redactor.streams.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.redactor.RedactorMetrics;
import io.logpipe.redactor.policy.PolicyFile;
import io.logpipe.redactor.policy.Redactor;
import io.logpipe.runtime.streams.StageTopology;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.StreamKey;
import io.logpipe.schemas.Topic;
import io.logpipe.schemas.Topics;
import io.logpipe.testkit.KafkaBroker;
import io.logpipe.testkit.KafkaTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The redactor between two topics on a real broker with exactly_once_v2: enriched events in (committed and aborted
 * transactions), redacted events out, each committed event once and in order per key, the summary filled, events the
 * policy drops absent, and a restart of the application repeating nothing.
 */
@KafkaTest
class RedactorIT {
  private static KafkaBroker broker;

  @Test
  void redactsCommittedEventsExactlyOnceAcrossARestart() throws Exception {
    Topic<String, LogEvent> in = new Topic<>(broker.uniqueName("enriched"), Topics.ENRICHED.keySerde(),
        Topics.ENRICHED.valueSerde());
    Topic<String, LogEvent> out = new Topic<>(broker.uniqueName("redacted"), Topics.REDACTED.keySerde(),
        Topics.REDACTED.valueSerde());
    broker.createTopic(in.name(), 2);
    broker.createTopic(out.name(), 2);
    String appId = broker.uniqueName("redactor-it");
    Topology topology = StageTopology.between(in, new RedactorStep(new EventRedactor(PolicyFile.parse("""
                namespaces:
                  payments: {rules: {pan: drop_event}}
                """), new Redactor(null), RedactorMetrics.standalone())), out);

    try (KafkaProducer<String, LogEvent> producer = broker.transactionalProducer(broker.uniqueName("tx"),
        in.keySerde().serializer(), in.valueSerde().serializer())) {
      sendCommitted(producer, in, 0, 50);
      runUntilCaughtUp(topology, appId, out, 50 - 5);

      producer.beginTransaction();
      producer.send(new ProducerRecord<>(in.name(), SHOP.toString(), event(SHOP, "aborted jane@example.com")));
      producer.flush();
      producer.abortTransaction();
      sendCommitted(producer, in, 50, 100);
      runUntilCaughtUp(topology, appId, out, 100 - 10);
    }

    List<ConsumerRecord<String, LogEvent>> records = broker.readAllCommitted(out, Duration.ofSeconds(2));
    List<String> shop = new ArrayList<>();
    for (ConsumerRecord<String, LogEvent> r : records) {
      LogEvent e = r.value();
      assertThat(e.getMessage()).doesNotContain("@example.com").doesNotContain("4111111111111111")
          .doesNotContain("aborted");
      assertThat(e.getRedaction()).isNotNull();
      if (r.key().equals(SHOP.toString())) {
        shop.add(e.getMessage());
        assertThat(e.getRedaction().getCountsByRule()).isEqualTo(Map.of("email", 1));
      } else {
        assertThat(e.getRedaction().getCountsByRule()).isEmpty();
      }
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      if (i % 2 == 0) {
        expected.add("order " + i + " for [REDACTED:email]");
      }
    }
    assertThat(shop).containsExactlyElementsOf(expected);
    assertThat(records).hasSize(90);
  }

  /**
   * Even events are shop events with an e-mail; odd ones are payments events, every fifth of which (i % 10 == 1)
   * carries a card number that the payments policy drops.
   */
  private static void sendCommitted(KafkaProducer<String, LogEvent> producer, Topic<String, LogEvent> in, int from,
      int to) {
    producer.beginTransaction();
    for (int i = from; i < to; i++) {
      StreamKey key = i % 2 == 0 ? SHOP : PAYMENTS;
      String message = i % 2 == 0 ? "order " + i + " for user" + i + "@example.com"
          : i % 10 == 1 ? "charged 4111111111111111" : "payment " + i + " settled";
      producer.send(new ProducerRecord<>(in.name(), key.toString(), event(key, message)));
    }
    producer.commitTransaction();
  }

  /** Runs the application until {@code expected} records are committed to {@code out}, then closes it cleanly. */
  private static void runUntilCaughtUp(Topology topology, String appId, Topic<String, LogEvent> out, int expected) {
    try (KafkaStreams streams = new KafkaStreams(topology, broker.streamsConfig(appId))) {
      streams.start();
      Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
      broker.readCommitted(out, expected, Duration.ofSeconds(90)); // fails naming how many arrived
      streams.close(Duration.ofSeconds(30));
    }
  }
}
