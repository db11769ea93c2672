package io.logpipe.enricher.streams;

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
import io.logpipe.enricher.cache.InformerMetadataSource;
import io.logpipe.enricher.cache.MetadataCache;
import io.logpipe.enricher.serde.EnrichedEventSerde;
import io.logpipe.runtime.streams.StageTopology;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.StreamKey;
import io.logpipe.schemas.Topics;
import io.logpipe.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The step over informers on fabric8's CRUD mock API server: the informer-driven scenarios end to end. */
@EnableKubernetesMockClient(crud = true)
class EnricherStepOnMockApiTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  KubernetesClient client;

  private final ManualClock clock = new ManualClock(START);
  private final EnricherSettings settings = EnricherSettings.defaults();
  private final EnricherMetrics metrics = EnricherMetrics.standalone();
  private MetadataCache cache;
  private InformerMetadataSource source;
  private TopologyTestDriver driver;
  private TestInputTopic<String, LogEvent> in;
  private TestOutputTopic<String, LogEvent> out;

  @BeforeEach
  void start() {
    client.apps().replicaSets().inNamespace("shop").resource(replicaSet("shop", "web-7d9c8b", "web")).create();
    cache = settings.newCache(clock);
    source = InformerMetadataSource.start(client, cache, settings.newTrimmer(), Duration.ofHours(1));
    source.synced().orTimeout(10, TimeUnit.SECONDS).join();
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enricher-mock-api-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(StageTopology.between(Topics.EVENTS,
        EnricherStep.of(settings, source, metrics), EnrichedEventSerde.enrichedOutput()), props, START);
    in = driver.createInputTopic(Topics.EVENTS.name(), Topics.EVENTS.keySerde().serializer(),
        Topics.EVENTS.valueSerde().serializer(), START, Duration.ZERO);
    out = driver.createOutputTopic(Topics.ENRICHED.name(), Topics.ENRICHED.keySerde().deserializer(),
        Topics.ENRICHED.valueSerde().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
    source.close();
  }

  private StreamKey create(Pod pod) {
    Pod created = client.pods().inNamespace("shop").resource(pod).create();
    return new StreamKey("shop", created.getMetadata().getName(), created.getMetadata().getUid(), "app");
  }

  @Test
  void enrichesTheFirstLinesOfANewPodThatArriveBeforeItsWatchEvent() {
    StreamKey web = create(pod("shop", "web-1", "x", "web-7d9c8b", Map.of("app", "web"), Map.of()));
    // Piped at once: usually before the informer has seen the pod, so the line is held and retried; either way it
    // must come out enriched, never flagged.
    in.pipeInput(web.toString(), event(web, "{\"level\":\"info\",\"msg\":\"ready\"}"));
    await().atMost(10, TimeUnit.SECONDS).until(() -> source.lookup(web).isPresent());
    driver.advanceWallClockTime(Duration.ofSeconds(1));

    LogEvent ready = out.readValue();
    assertThat(ready.getFlags()).isEmpty();
    assertThat(ready.getKubernetes().getOwnerKind()).isEqualTo("Deployment");
    assertThat(ready.getKubernetes().getOwnerName()).isEqualTo("web");
    assertThat(ready.getKubernetes().getContainerImage()).isEqualTo("registry.example/web-1:1");
    assertThat(ready.getParsed().getBody()).isEqualTo("ready");
  }

  @Test
  void passesAnUnknownPodsLinesOnWithTheFlagAfterTheWait() {
    StreamKey ghost = new StreamKey("shop", "ghost", "uid-ghost", "app");
    in.pipeInput(ghost.toString(), event(ghost, "WARN nobody knows me"));

    driver.advanceWallClockTime(settings.hold().maxWait());

    LogEvent e = out.readValue();
    assertThat(e.getFlags()).containsExactly(Enrichment.FLAG_METADATA_MISSING);
    assertThat(e.getKubernetes().getPod()).isEqualTo("ghost");
    assertThat(e.getParsed().getSeverity()).isEqualTo("WARN");
  }

  @Test
  void enrichesTheLateLinesOfADeletedPod() {
    StreamKey job = create(pod("shop", "migrate-x1", "x", "web-7d9c8b", Map.of("app", "migrate"), Map.of()));
    await().atMost(10, TimeUnit.SECONDS).until(() -> source.lookup(job).isPresent());

    client.pods().inNamespace("shop").withName("migrate-x1").delete();
    await().atMost(10, TimeUnit.SECONDS).until(() -> cache.deletedPods() == 1);
    clock.advance(Duration.ofMinutes(8));
    in.pipeInput(job.toString(), event(job, "last words, shipped after the pod was gone"));
    clock.advance(Duration.ofMinutes(8));
    cache.evictQuiet();
    in.pipeInput(job.toString(), event(job, "even later"));

    assertThat(out.readValuesToList()).allSatisfy(e -> {
      assertThat(e.getFlags()).isEmpty();
      assertThat(e.getKubernetes().getPodLabels()).containsEntry("app", "migrate");
    });
  }

  @Test
  void dropsTheLinesOfAPodAnnotatedForExclusion() {
    StreamKey noisy = create(pod("shop", "noisy", "x", null, Map.of(), Map.of("logpipe.io/exclude", "true")));
    await().atMost(10, TimeUnit.SECONDS).until(() -> source.lookup(noisy).isPresent());

    in.pipeInput(noisy.toString(), event(noisy, "spam"));

    assertThat(out.isEmpty()).isTrue();
    assertThat(metrics.count(EnricherMetrics.Outcome.EXCLUDED)).isEqualTo(1);
  }
}
