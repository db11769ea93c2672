package io.logpipe.enricher.streams;

import static io.logpipe.enricher.testing.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.enricher.EnricherMetrics.Outcome;
import io.logpipe.enricher.EnricherMetrics;
import io.logpipe.enricher.Enrichment;
import io.logpipe.enricher.body.BodyLimits;
import io.logpipe.enricher.cache.MetadataSource;
import io.logpipe.enricher.cache.PodView;
import io.logpipe.enricher.meta.BodyFormat;
import io.logpipe.enricher.meta.OwnerRef;
import io.logpipe.enricher.meta.PodHints;
import io.logpipe.enricher.meta.PodMeta;
import io.logpipe.enricher.serde.EnrichedEventSerde;
import io.logpipe.enricher.testing.FakeSource;
import io.logpipe.runtime.streams.StageTopology;
import io.logpipe.schemas.KubernetesMetadata;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.StreamKey;
import io.logpipe.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnricherStepTest {

  private static final StreamKey WEB = new StreamKey("shop", "web-1", "uid-1", "app");
  private static final StreamKey DB = new StreamKey("shop", "db-0", "uid-2", "postgres");
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final FakeSource source = new FakeSource();
  private final EnricherMetrics metrics = EnricherMetrics.standalone();
  private TopologyTestDriver driver;
  private TestInputTopic<String, LogEvent> in;
  private TestOutputTopic<String, LogEvent> out;

  private void start(MetadataSource metadata, HoldSettings hold) {
    EnricherStep step = new EnricherStep(metadata, hold, BodyLimits.DEFAULTS, metrics);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enricher-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(
        StageTopology.between(Topics.EVENTS, step, EnrichedEventSerde.enrichedOutput()), props, START);
    in = driver.createInputTopic(Topics.EVENTS.name(), Topics.EVENTS.keySerde().serializer(),
        Topics.EVENTS.valueSerde().serializer(), START, Duration.ZERO);
    out = driver.createOutputTopic(Topics.ENRICHED.name(), Topics.ENRICHED.keySerde().deserializer(),
        Topics.ENRICHED.valueSerde().deserializer());
  }

  private void start() {
    start(source, new HoldSettings(Duration.ofSeconds(5), Duration.ofSeconds(1), 100));
  }

  @AfterEach
  void close() {
    if (driver != null) {
      driver.close();
    }
  }

  private static PodView view(StreamKey key, PodHints hints) {
    PodMeta pod = new PodMeta(key.namespace(), key.pod(), key.podUid(), "node-1", "10.0.0.9",
        new OwnerRef("ReplicaSet", "web-7d9c8b"), Map.of(key.container(), "shop/web:1.2"), Map.of("app", "web"),
        Map.of(), hints);
    return new PodView(pod, new OwnerRef("Deployment", "web"), Map.of("team", "shop"),
        Map.of("topology.kubernetes.io/zone", "eu-1a"));
  }

  @Test
  void fillsMetadataAndParsesTheBodyOfAKnownPod() {
    source.put(view(WEB, PodHints.DEFAULT));
    start();

    in.pipeInput(WEB.toString(), event(WEB, "{\"level\":\"warn\",\"msg\":\"slow\",\"order\":7}"));

    KeyValue<String, LogEvent> kv = out.readKeyValue();
    assertThat(kv.key).isEqualTo(WEB.toString());
    KubernetesMetadata k = kv.value.getKubernetes();
    assertThat(k.getContainerImage()).isEqualTo("shop/web:1.2");
    assertThat(k.getOwnerKind()).isEqualTo("Deployment");
    assertThat(k.getOwnerName()).isEqualTo("web");
    assertThat(k.getNode()).isEqualTo("node-1");
    assertThat(k.getPodIp()).isEqualTo("10.0.0.9");
    assertThat(k.getPodLabels()).containsEntry("app", "web");
    assertThat(k.getNamespaceLabels()).containsEntry("team", "shop");
    assertThat(k.getNodeLabels()).containsEntry("topology.kubernetes.io/zone", "eu-1a");
    assertThat(kv.value.getParsed().getSeverity()).isEqualTo("WARN");
    assertThat(kv.value.getParsed().getBody()).isEqualTo("slow");
    assertThat(kv.value.getParsed().getAttributes()).containsEntry("order", "7");
    assertThat(kv.value.getMessage()).isEqualTo("{\"level\":\"warn\",\"msg\":\"slow\",\"order\":7}");
    assertThat(kv.value.getFlags()).isEmpty();
    assertThat(metrics.count(Outcome.ENRICHED)).isEqualTo(1);
  }

  @Test
  void withoutAnApiFillsWhatTheKeyTellsAndParsesBodiesAtOnce() {
    start(MetadataSource.none(), HoldSettings.DEFAULTS);

    in.pipeInput(WEB.toString(), event(WEB, "E1120 10:00:00.123456 1 main.go:1] failed"));

    LogEvent e = out.readValue();
    assertThat(e.getKubernetes().getNamespace()).isEqualTo("shop");
    assertThat(e.getKubernetes().getPod()).isEqualTo("web-1");
    assertThat(e.getKubernetes().getPodUid()).isEqualTo("uid-1");
    assertThat(e.getKubernetes().getContainer()).isEqualTo("app");
    assertThat(e.getKubernetes().getOwnerKind()).isNull();
    assertThat(e.getParsed().getSeverity()).isEqualTo("ERROR");
    assertThat(e.getFlags()).isEmpty();
    assertThat(metrics.count(Outcome.PATH_ONLY)).isEqualTo(1);
  }

  @Test
  void holdsEventsOfAnUnknownPodAndReleasesThemInOrderWhenItAppears() {
    start();

    in.pipeInput(WEB.toString(), event(WEB, "one"));
    in.pipeInput(DB.toString(), event(DB, "other stream"));
    in.pipeInput(WEB.toString(), event(WEB, "two"));
    assertThat(out.isEmpty()).isTrue();

    source.put(view(WEB, PodHints.DEFAULT));
    in.pipeInput(WEB.toString(), event(WEB, "three"));

    List<LogEvent> released = out.readValuesToList();
    assertThat(released).extracting(LogEvent::getMessage).containsExactly("one", "two", "three");
    assertThat(released).allSatisfy(e -> assertThat(e.getKubernetes().getOwnerName()).isEqualTo("web"));
    assertThat(metrics.count(Outcome.HELD)).isEqualTo(3);
  }

  @Test
  void theRetryPunctuatorReleasesHeldEventsOnceThePodIsKnown() {
    start();
    in.pipeInput(WEB.toString(), event(WEB, "early line"));

    source.put(view(WEB, PodHints.DEFAULT));
    driver.advanceWallClockTime(Duration.ofSeconds(1));

    LogEvent e = out.readValue();
    assertThat(e.getKubernetes().getContainerImage()).isEqualTo("shop/web:1.2");
    assertThat(e.getFlags()).doesNotContain(Enrichment.FLAG_METADATA_MISSING);
  }

  @Test
  void passesEventsOnWithPathMetadataAndAFlagAfterTheWait() {
    start();
    in.pipeInput(WEB.toString(), event(WEB, "lonely"));

    driver.advanceWallClockTime(Duration.ofSeconds(4));
    assertThat(out.isEmpty()).isTrue();
    driver.advanceWallClockTime(Duration.ofSeconds(1));

    LogEvent e = out.readValue();
    assertThat(e.getFlags()).containsExactly(Enrichment.FLAG_METADATA_MISSING);
    assertThat(e.getKubernetes().getPod()).isEqualTo("web-1");
    assertThat(e.getKubernetes().getContainerImage()).isNull();
    assertThat(metrics.count(Outcome.METADATA_MISSING)).isEqualTo(1);
    assertThat(driver.getKeyValueStore(EnricherStep.HOLD_STORE).approximateNumEntries()).isZero();
  }

  @Test
  void nothingExpiresBeforeTheSourceIsReady() {
    source.setReady(false);
    start();
    in.pipeInput(WEB.toString(), event(WEB, "before sync"));

    driver.advanceWallClockTime(Duration.ofMinutes(1));
    assertThat(out.isEmpty()).isTrue();

    source.put(view(WEB, PodHints.DEFAULT));
    source.setReady(true);
    driver.advanceWallClockTime(Duration.ofSeconds(1));
    assertThat(out.readValue().getFlags()).isEmpty();
  }

  @Test
  void aFullHoldPassesTheStreamOnAtOnceInOrder() {
    start(source, new HoldSettings(Duration.ofSeconds(5), Duration.ofSeconds(1), 1));

    in.pipeInput(WEB.toString(), event(WEB, "held"));
    in.pipeInput(WEB.toString(), event(WEB, "overflow"));

    assertThat(out.readValuesToList()).extracting(LogEvent::getMessage).containsExactly("held", "overflow");
    assertThat(metrics.count(Outcome.HOLD_FULL)).isEqualTo(1);
    assertThat(metrics.count(Outcome.METADATA_MISSING)).isEqualTo(2);
  }

  @Test
  void dropsTheEventsOfAnExcludedPodAndCountsThem() {
    source.put(view(WEB, new PodHints(true, BodyFormat.AUTO, false)));
    start();

    in.pipeInput(WEB.toString(), event(WEB, "secret chatter"));

    assertThat(out.isEmpty()).isTrue();
    assertThat(metrics.count(Outcome.EXCLUDED)).isEqualTo(1);
  }

  @Test
  void theParserHintChoosesHowTheBodyIsRead() {
    source.put(view(WEB, new PodHints(false, BodyFormat.NONE, false)));
    source.put(view(DB, new PodHints(false, BodyFormat.JSON, false)));
    start();

    in.pipeInput(WEB.toString(), event(WEB, "{\"level\":\"error\"}"));
    in.pipeInput(DB.toString(), event(DB, "ERROR not json"));

    List<LogEvent> events = out.readValuesToList();
    assertThat(events.get(0).getParsed()).isNull();
    assertThat(events.get(1).getParsed()).isNull();
    assertThat(events.get(1).getFlags()).containsExactly("body_unparsed");
  }

  @Test
  void takesTheStreamFromThePathWhenTheKeyIsNotAStreamKey() {
    source.put(view(WEB, PodHints.DEFAULT));
    start();

    in.pipeInput("garbage", event(WEB, "x"));
    in.pipeInput(null, event(null, "from nowhere"));

    List<LogEvent> events = out.readValuesToList();
    assertThat(events.get(0).getKubernetes().getOwnerName()).isEqualTo("web");
    assertThat(events.get(1).getKubernetes()).isNull();
    assertThat(events.get(1).getFlags()).containsExactly(Enrichment.FLAG_METADATA_MISSING);
  }

  @Test
  void neverHoldsARecordPlacedByItsPathAloneSoItsKeyIsKept() {
    start();

    in.pipeInput("legacy-key", event(WEB, "unknown pod, odd key"));

    KeyValue<String, LogEvent> kv = out.readKeyValue();
    assertThat(kv.key).isEqualTo("legacy-key");
    assertThat(kv.value.getKubernetes().getPodUid()).isEqualTo("uid-1");
    assertThat(kv.value.getFlags()).containsExactly(Enrichment.FLAG_METADATA_MISSING);
  }

  @Test
  void namesItsProcessorAndStore() {
    start();

    TopologyDescription description = StageTopology.between(Topics.EVENTS,
        new EnricherStep(source, HoldSettings.DEFAULTS, BodyLimits.DEFAULTS, metrics), Topics.ENRICHED).describe();

    assertThat(description.toString()).contains("Processor: " + EnricherStep.PROCESSOR)
        .contains("stores: [" + EnricherStep.HOLD_STORE + "]");
  }
}
