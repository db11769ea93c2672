package io.logpipe.events.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.events.v1.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.logpipe.schemas.Topics;
import io.logpipe.testkit.KafkaBroker;
import io.logpipe.testkit.KafkaTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How fast a new leader catches up on the Events the API server holds (opt-in: {@code -Devents.throughput=N}): N
 * Events in the CRUD mock, then the time from start to all N committed. Includes the lease, fencing, reading the
 * state and the informer's list; the mock API server, not the collector, is the slow part when creating them.
 */
@KafkaTest
@EnableKubernetesMockClient(crud = true)
@EnabledIfSystemProperty(named = "events.throughput", matches = "\\d+")
class EventsCollectorThroughputIT {

  KubernetesClient client;
  KafkaBroker broker;

  @Test
  void catchesUpOnTheEventsTheApiServerHolds() {
    int n = Integer.getInteger("events.throughput");
    Collectors collectors = new Collectors(broker, client);
    MicroTime now = new MicroTime(Instant.now().truncatedTo(ChronoUnit.MICROS).toString());
    for (int i = 0; i < n; i++) {
      client.events().v1().events().inNamespace("shop").resource(new EventBuilder()
          .withNewMetadata().withNamespace("shop").withName("e-" + i).endMetadata()
          .withType("Warning").withReason("BackOff").withNote("Back-off restarting failed container " + i)
          .withNewRegarding().withKind("Pod").withNamespace("shop").withName("web-" + (i % 50))
          .withUid("pod-" + (i % 50)).endRegarding()
          .withEventTime(now).build()).create();
    }
    long start = System.nanoTime();
    try (Collectors.Running collector = collectors.start("replica-1")) {
      broker.readCommitted(collectors.outputTopic, new StringDeserializer(), Topics.LOG_EVENT.deserializer(), n,
          Duration.ofMinutes(5));
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("k8s-events catch-up: %d Events committed in %.2f s (%.0f/s, from start, lease included)%n",
          n, seconds, n / seconds);
      assertThat(collector.metrics.recordsCommitted()).isEqualTo(n);
    }
  }
}
