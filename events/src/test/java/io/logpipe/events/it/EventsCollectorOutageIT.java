package io.logpipe.events.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.events.v1.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.Topics;
import io.logpipe.testkit.DedicatedBroker;
import io.logpipe.testkit.KafkaBroker;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Kafka away while the collector leads: the session fails, is retried with back-off, and once Kafka is back the
 * Event created during the outage is emitted, and nothing is emitted twice.
 */
@EnableKubernetesMockClient(crud = true)
class EventsCollectorOutageIT {

  KubernetesClient client;

  @Test
  void anEventCreatedWhileKafkaIsAwayIsEmittedOnceWhenItComesBack() {
    try (DedicatedBroker dedicated = DedicatedBroker.start()) {
      KafkaBroker broker = dedicated.broker();
      Collectors collectors = new Collectors(broker, client);
      create("before");
      try (Collectors.Running collector = collectors.start("replica-1")) {
        broker.readCommitted(collectors.outputTopic, new StringDeserializer(), Topics.LOG_EVENT.deserializer(), 1,
            Duration.ofSeconds(60));

        dedicated.stop();
        create("during");
        await().atMost(Duration.ofSeconds(90)).until(() -> !collector.health.isReady());
        dedicated.restart();

        broker.readCommitted(collectors.outputTopic, new StringDeserializer(), Topics.LOG_EVENT.deserializer(), 2,
            Duration.ofSeconds(120));
        await().atMost(Duration.ofSeconds(60)).until(collector.health::isReady);
      }
      List<ConsumerRecord<String, LogEvent>> all = broker.readAllCommitted(collectors.outputTopic,
          new StringDeserializer(), Topics.LOG_EVENT.deserializer(), Duration.ofSeconds(2));
      assertThat(all).extracting(r -> r.value().getParsed().getAttributes().get("event.name"))
          .containsExactlyInAnyOrder("before", "during");
    }
  }

  private void create(String name) {
    client.events().v1().events().inNamespace("shop").resource(new EventBuilder()
        .withNewMetadata().withNamespace("shop").withName(name).endMetadata()
        .withType("Warning").withReason("Unhealthy").withNote("Readiness probe failed")
        .withNewRegarding().withKind("Pod").withNamespace("shop").withName("web-1").withUid("pod-uid-1")
        .endRegarding()
        .withEventTime(new MicroTime(Instant.now().truncatedTo(ChronoUnit.MICROS).toString())).build()).create();
  }
}
