package io.logpipe.enricher.it;

import static io.logpipe.enricher.testing.Events.event;
import static io.logpipe.enricher.testing.KubeObjects.pod;
import static io.logpipe.enricher.testing.KubeObjects.replicaSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.logpipe.enricher.EnricherMetrics;
import io.logpipe.enricher.EnricherSettings;
import io.logpipe.enricher.Enrichment;
import io.logpipe.enricher.body.BodyLimits;
import io.logpipe.enricher.cache.InformerMetadataSource;
import io.logpipe.enricher.cache.MetadataSource;
import io.logpipe.enricher.cache.PodView;
import io.logpipe.enricher.meta.OwnerRef;
import io.logpipe.enricher.meta.PodHints;
import io.logpipe.enricher.meta.PodMeta;
import io.logpipe.enricher.serde.EnrichedEventSerde;
import io.logpipe.enricher.streams.EnricherStep;
import io.logpipe.enricher.streams.HoldSettings;
import io.logpipe.enricher.testing.FakeSource;
import io.logpipe.runtime.streams.StageTopology;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.StreamKey;
import io.logpipe.schemas.Topic;
import io.logpipe.schemas.Topics;
import io.logpipe.testkit.KafkaBroker;
import io.logpipe.testkit.KafkaTest;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/** The enricher on a real broker (exactly_once_v2) with informers on fabric8's CRUD mock API server. */
@KafkaTest
@EnableKubernetesMockClient(crud = true)
class EnricherIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  KubernetesClient client;

  private final EnricherMetrics metrics = EnricherMetrics.standalone();

  private static Topic<String, LogEvent> topic(KafkaBroker broker, String base) {
    String name = broker.uniqueName(base);
    broker.createTopic(name, 3);
    // The enricher service writes with EnrichedEventSerde; it reads with Topics.LOG_EVENT, as the redactor does.
    Serde<LogEvent> values = base.equals("enriched") ? new EnrichedEventSerde() : Topics.EVENTS.valueSerde();
    return new Topic<>(name, Topics.EVENTS.keySerde(), values);
  }

  private KafkaStreams start(KafkaBroker broker, String appId, Topic<String, LogEvent> in,
      Topic<String, LogEvent> out, MetadataSource source, HoldSettings hold) {
    KafkaStreams streams = new KafkaStreams(StageTopology.between(in,
        new EnricherStep(source, hold, BodyLimits.DEFAULTS, metrics), out), broker.streamsConfig(appId));
    streams.start();
    await().atMost(WAIT).until(() -> streams.state() == KafkaStreams.State.RUNNING);
    return streams;
  }

  /** Closes as the runtime's StreamsRunner does: leaving the group, so the next instance takes over at once. */
  private static void stop(KafkaStreams streams) {
    assertThat(streams.close(CloseOptions.timeout(WAIT)
        .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP))).isTrue();
  }

  private static void send(KafkaBroker broker, Topic<String, LogEvent> in, StreamKey key, String prefix, int count) {
    try (KafkaProducer<String, LogEvent> producer = broker.producer(in)) {
      for (int i = 0; i < count; i++) {
        producer.send(new ProducerRecord<>(in.name(), key.toString(), event(key, prefix + i)));
      }
      producer.flush();
    }
  }

  private StreamKey create(Pod pod) {
    Pod created = client.pods().inNamespace("shop").resource(pod).create();
    return new StreamKey("shop", created.getMetadata().getName(), created.getMetadata().getUid(), "app");
  }

  @Test
  void enrichesEveryEventExactlyOnceAcrossARestart(KafkaBroker broker) {
    client.apps().replicaSets().inNamespace("shop").resource(replicaSet("shop", "web-7d9c8b", "web")).create();
    StreamKey web = create(pod("shop", "web-1", "x", "web-7d9c8b", Map.of("app", "web"), Map.of()));
    StreamKey api = create(pod("shop", "api-1", "x", null, Map.of("app", "api"), Map.of()));
    EnricherSettings settings = EnricherSettings.defaults();
    Topic<String, LogEvent> in = topic(broker, "events");
    Topic<String, LogEvent> out = topic(broker, "enriched");
    String appId = broker.uniqueName("enricher");

    try (InformerMetadataSource source = InformerMetadataSource.start(client, settings.newCache(InstantSource.system()),
        settings.newTrimmer(), Duration.ofMinutes(1))) {
      source.synced().orTimeout(30, TimeUnit.SECONDS).join();
      KafkaStreams first = start(broker, appId, in, out, source, settings.hold());
      send(broker, in, web, "web-", 200);
      send(broker, in, api, "api-", 100);
      broker.readCommitted(out, 150, WAIT);
      stop(first);
      KafkaStreams second = start(broker, appId, in, out, source, settings.hold());
      send(broker, in, web, "web-late-", 50);
      broker.readCommitted(out, 350, WAIT);
      stop(second);
    }

    List<ConsumerRecord<String, LogEvent>> all = broker.readAllCommitted(out, Duration.ofSeconds(2));
    assertThat(all).hasSize(350);
    assertThat(all).extracting(r -> r.value().getMessage()).doesNotHaveDuplicates();
    assertThat(all).allSatisfy(r -> {
      assertThat(r.value().getFlags()).isEmpty();
      assertThat(r.value().getKubernetes().getContainerImage()).startsWith("registry.example/");
    });
    assertThat(all).filteredOn(r -> r.key().equals(web.toString()))
        .allSatisfy(r -> assertThat(r.value().getKubernetes().getOwnerName()).isEqualTo("web"))
        .extracting(r -> r.value().getMessage()).startsWith("web-0", "web-1", "web-2");
  }

  @Test
  void heldEventsSurviveARestartInTheChangelogAndAreReleasedOnce(KafkaBroker broker) {
    FakeSource source = new FakeSource();
    StreamKey late = new StreamKey("shop", "late-1", "uid-late-" + broker.uniqueName("p"), "app");
    HoldSettings hold = new HoldSettings(Duration.ofMinutes(10), Duration.ofMillis(200), 1000);
    Topic<String, LogEvent> in = topic(broker, "events");
    Topic<String, LogEvent> out = topic(broker, "enriched");
    String appId = broker.uniqueName("enricher");

    KafkaStreams first = start(broker, appId, in, out, source, hold);
    send(broker, in, late, "early-", 5);
    await().atMost(WAIT).until(() -> metrics.count(EnricherMetrics.Outcome.HELD) >= 5);
    stop(first);
    assertThat(broker.readAllCommitted(out, Duration.ofSeconds(1))).isEmpty();

    source.put(new PodView(new PodMeta("shop", "late-1", late.podUid(), "node-1", null, null,
        Map.of("app", "late:1"), Map.of("app", "late"), Map.of(), PodHints.DEFAULT),
        new OwnerRef("StatefulSet", "late"), Map.of(), Map.of()));
    KafkaStreams second = start(broker, appId, in, out, source, hold);
    broker.readCommitted(out, 5, WAIT);
    stop(second);

    List<ConsumerRecord<String, LogEvent>> all = broker.readAllCommitted(out, Duration.ofSeconds(2));
    assertThat(all).extracting(r -> r.value().getMessage())
        .containsExactly("early-0", "early-1", "early-2", "early-3", "early-4");
    assertThat(all).allSatisfy(r -> {
      assertThat(r.value().getFlags()).doesNotContain(Enrichment.FLAG_METADATA_MISSING);
      assertThat(r.value().getKubernetes().getOwnerKind()).isEqualTo("StatefulSet");
    });
  }
}
