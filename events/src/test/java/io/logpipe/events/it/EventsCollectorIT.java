package io.logpipe.events.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.api.model.events.v1.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.logpipe.events.convert.EventConverter;
import io.logpipe.events.convert.EventTime;
import io.logpipe.events.occurrence.Occurrence;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.StreamKey;
import io.logpipe.schemas.Topics;
import io.logpipe.testkit.KafkaBroker;
import io.logpipe.testkit.KafkaTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The collector against fabric8's CRUD mock API server and a real broker (issue 9, "Tests"): Events created and
 * updated (the series count grows), the collector restarted in between, each occurrence exactly once on the topic;
 * two collectors, only the lease holder emits.
 */
@KafkaTest
@EnableKubernetesMockClient(crud = true)
class EventsCollectorIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Duration QUIET = Duration.ofSeconds(2);

  KubernetesClient client;
  KafkaBroker broker;

  @Test
  void emitsEachOccurrenceExactlyOnceAcrossARestart() throws Exception {
    Collectors collectors = new Collectors(broker, client);
    create(podEvent("backoff", 0));
    create(deploymentEvent("scaled", 2));
    create(podEvent("evicted", 0));

    try (Collectors.Running first = collectors.start("replica-1")) {
      read(collectors, 3);
      assertThat(first.isLeader()).isTrue();
      repeat("backoff", 2);
      read(collectors, 4);
    }
    // Deleted while nobody watches: the next leader tombstones its state.
    String evicted = client.events().v1().events().inNamespace("shop").withName("evicted").get().getMetadata()
        .getUid();
    client.events().v1().events().inNamespace("shop").withName("evicted").delete();
    // While no collector runs: a repeat seen by nobody yet, a new Event, an update that is not a repeat.
    repeat("scaled", 5);
    create(podEvent("oom", 0));
    client.events().v1().events().inNamespace("shop").withName("backoff")
        .edit(e -> new EventBuilder(e).editMetadata().addToLabels("touched", "yes").endMetadata().build());

    try (Collectors.Running second = collectors.start("replica-2")) {
      read(collectors, 6);
      assertThat(second.metrics.recordsCommitted()).isEqualTo(2);
      repeat("oom", 3);
      read(collectors, 7);
      await().atMost(WAIT).untilAsserted(() -> assertThat(broker.readAllCommitted(collectors.stateTopic,
              new StringDeserializer(), new ByteArrayDeserializer(), Duration.ofMillis(300)))
          .filteredOn(r -> r.key().equals(evicted)).extracting(ConsumerRecord::value).hasSize(2).last().isNull());
    }

    List<ConsumerRecord<String, LogEvent>> all = broker.readAllCommitted(collectors.outputTopic,
        new StringDeserializer(), Topics.LOG_EVENT.deserializer(), QUIET);
    assertThat(occurrences(all)).isEqualTo(Map.of(
        "backoff", List.of("1..1", "2..2"),
        "scaled", List.of("1..2", "3..5"),
        "evicted", List.of("1..1"),
        "oom", List.of("1..1", "2..3")));
    ConsumerRecord<String, LogEvent> oom = all.stream()
        .filter(r -> r.value().getParsed().getAttributes().get("event.name").equals("oom")).findFirst().orElseThrow();
    assertThat(StreamKey.parse(oom.key())).isEqualTo(new StreamKey("shop", "web-1", "pod-uid-1", "_events"));
    assertThat(oom.value().getParsed().getSeverity()).isEqualTo("WARN");
    assertThat(oom.value().getParsed().getAttributes()).containsEntry("source_type", "k8s_event")
        .containsEntry("reason", "oom");
  }

  @Test
  void onlyTheLeaseHolderEmitsAndAStandbyTakesOverWithoutRepeating() throws Exception {
    Collectors collectors = new Collectors(broker, client);
    try (Collectors.Running one = collectors.start("replica-1");
        Collectors.Running two = collectors.start("replica-2")) {
      await().atMost(WAIT).until(() -> one.isLeader() || two.isLeader());
      Collectors.Running leader = one.isLeader() ? one : two;
      Collectors.Running standby = leader == one ? two : one;
      assertThat(standby.isLeader()).isFalse();
      await().atMost(WAIT).until(() -> leader.health.isReady() && standby.health.isReady());

      create(podEvent("pulled", 0));
      create(deploymentEvent("rollout", 1));
      read(collectors, 2);
      assertThat(leader.metrics.recordsCommitted()).isEqualTo(2);
      assertThat(standby.metrics.recordsCommitted()).isZero();
      assertThat(standby.isLeader()).isFalse();

      leader.close();
      await().atMost(WAIT).until(standby::isLeader);
      repeat("pulled", 4);
      create(podEvent("killing", 0));
      read(collectors, 4);
      assertThat(standby.metrics.recordsCommitted()).isEqualTo(2);
    }
    List<ConsumerRecord<String, LogEvent>> all = broker.readAllCommitted(collectors.outputTopic,
        new StringDeserializer(), Topics.LOG_EVENT.deserializer(), QUIET);
    assertThat(occurrences(all)).isEqualTo(Map.of(
        "pulled", List.of("1..1", "2..4"),
        "rollout", List.of("1..1"),
        "killing", List.of("1..1")));
  }

  @Test
  void aPreviousLeadersOpenTransactionIsFencedAndADeletedEventsStateIsTombstoned() throws Exception {
    Collectors collectors = new Collectors(broker, client);
    broker.createTopic(collectors.stateTopic, 1, Map.of("cleanup.policy", "compact"));
    String transactionalId = collectors.config("any").transactionalId();
    try (KafkaProducer<String, byte[]> zombie =
        broker.transactionalProducer(transactionalId, new StringSerializer(), new ByteArraySerializer())) {
      // A leader that lost its lease mid-transaction: records sent, never committed.
      zombie.beginTransaction();
      zombie.send(new ProducerRecord<>(collectors.outputTopic, "shop/web-1/pod-uid-1/_events",
          Topics.LOG_EVENT.encode(zombieEvent())));
      zombie.send(new ProducerRecord<>(collectors.stateTopic, "zombie-uid",
          "{\"v\":1,\"count\":99}".getBytes(StandardCharsets.UTF_8)));
      zombie.flush();

      create(podEvent("started", 0));
      try (Collectors.Running collector = collectors.start("replica-1")) {
        read(collectors, 1);
        String uid = client.events().v1().events().inNamespace("shop").withName("started").get().getMetadata()
            .getUid();
        client.events().v1().events().inNamespace("shop").withName("started").delete();
        await().atMost(WAIT).untilAsserted(() -> {
          List<ConsumerRecord<String, byte[]>> state = broker.readAllCommitted(collectors.stateTopic,
              new StringDeserializer(), new ByteArrayDeserializer(), Duration.ofMillis(300));
          assertThat(state).extracting(ConsumerRecord::key).containsExactly(uid, uid).doesNotContain("zombie-uid");
          assertThat(state.get(1).value()).isNull();
        });
        assertThat(collector.health.isReady()).isTrue();
      }
    }
    List<ConsumerRecord<String, LogEvent>> all = broker.readAllCommitted(collectors.outputTopic,
        new StringDeserializer(), Topics.LOG_EVENT.deserializer(), QUIET);
    assertThat(occurrences(all)).isEqualTo(Map.of("started", List.of("1..1")));
  }

  private void read(Collectors collectors, int count) {
    broker.readCommitted(collectors.outputTopic, new StringDeserializer(), Topics.LOG_EVENT.deserializer(), count,
        WAIT);
  }

  /**
   * Event name → the occurrence ranges of its records, in order of the first occurrence; each Event's records also
   * share one {@code source.path} (its uid, assigned by the API server).
   */
  private static Map<String, List<String>> occurrences(List<ConsumerRecord<String, LogEvent>> records) {
    Map<String, List<LogEvent>> byName = new TreeMap<>();
    for (ConsumerRecord<String, LogEvent> r : records) {
      String name = r.value().getParsed().getAttributes().get("event.name");
      String uid = r.value().getParsed().getAttributes().get("event.uid");
      assertThat(r.value().getSource().getPath()).isEqualTo("k8s-events/" + uid);
      byName.computeIfAbsent(name, k -> new ArrayList<>()).add(r.value());
    }
    byName.values().forEach(events -> assertThat(events.stream().map(e -> e.getSource().getPath()).distinct())
        .hasSize(1));
    Map<String, List<String>> ranges = new TreeMap<>();
    byName.forEach((name, events) -> ranges.put(name, events.stream()
        .sorted(Comparator.comparingLong(e -> e.getSource().getFirstOffset()))
        .map(e -> e.getSource().getFirstOffset() + ".." + e.getSource().getLastOffset()).toList()));
    return ranges;
  }

  private void create(Event event) {
    client.events().v1().events().inNamespace(event.getMetadata().getNamespace()).resource(event).create();
  }

  /** The Event recorder's way of recording a repeat: the series count grows, lastObservedTime moves. */
  private void repeat(String name, int count) {
    client.events().v1().events().inNamespace("shop").withName(name).edit(e -> new EventBuilder(e)
        .withNewSeries().withCount(count).withLastObservedTime(now()).endSeries().build());
  }

  private static Event podEvent(String name, int seriesCount) {
    EventBuilder b = new EventBuilder()
        .withNewMetadata().withNamespace("shop").withName(name).endMetadata()
        .withType("Warning").withReason(name).withNote("Back-off restarting failed container")
        .withNewRegarding().withKind("Pod").withNamespace("shop").withName("web-1").withUid("pod-uid-1")
        .endRegarding()
        .withReportingController("kubelet").withReportingInstance("worker-1").withEventTime(now());
    return seriesCount > 0 ? b.withNewSeries().withCount(seriesCount).withLastObservedTime(now()).endSeries().build()
        : b.build();
  }

  private static Event deploymentEvent(String name, int seriesCount) {
    EventBuilder b = new EventBuilder()
        .withNewMetadata().withNamespace("shop").withName(name).endMetadata()
        .withType("Normal").withReason("ScalingReplicaSet").withNote("Scaled up replica set web-7d4 to 3")
        .withNewRegarding().withKind("Deployment").withNamespace("shop").withName("web").withUid("dep-uid-1")
        .endRegarding()
        .withReportingController("deployment-controller").withEventTime(now());
    return seriesCount > 0 ? b.withNewSeries().withCount(seriesCount).withLastObservedTime(now()).endSeries().build()
        : b.build();
  }

  /** What a zombie leader might have written: a converted Event that must never become visible. */
  private static LogEvent zombieEvent() {
    Event event = podEvent("zombie", 0);
    event.getMetadata().setUid("zombie-uid");
    return new EventConverter("zombie").convert(event, new Occurrence("zombie-uid", 1, 1, "1"),
        EventTime.of(event, Instant.now())).event();
  }

  private static MicroTime now() {
    return new MicroTime(Instant.now().truncatedTo(ChronoUnit.MICROS).toString());
  }
}
