package io.logpipe.sinks.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.runtime.streams.StageTopology;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.Topic;
import io.logpipe.schemas.Topics;
import io.logpipe.sinks.SinkName;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.TestInputTopic;
import org.junit.jupiter.api.Test;

class RouterStepTest {

  private final RouterCounters counters = new RouterCounters();

  private Topology topology(RoutingTable table) {
    return StageTopology.ending(Topics.REDACTED, new RouterStep(table, counters));
  }

  private static TopologyTestDriver driver(Topology topology) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "router-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
    return new TopologyTestDriver(topology, props);
  }

  private static TestInputTopic<String, LogEvent> input(TopologyTestDriver driver) {
    return driver.createInputTopic(Topics.REDACTED.name(), Topics.REDACTED.keySerde().serializer(),
        Topics.REDACTED.valueSerde().serializer());
  }

  private static List<KeyValue<String, LogEvent>> output(TopologyTestDriver driver, SinkName sink) {
    Topic<String, LogEvent> topic = sink.topic();
    return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer())
        .readKeyValuesToList();
  }

  @Test
  void sendsEveryEventToTheDefaultRouteWhenNoRuleIsConfigured() {
    try (TopologyTestDriver driver = driver(topology(new RoutingTable(List.of(), Set.of(SinkName.S3))))) {
      LogEvent first = Events.enriched("shop", "web", "INFO", "one", Map.of());
      LogEvent second = Events.bare("two");
      input(driver).pipeInput(Events.KEY, first);
      input(driver).pipeInput(Events.KEY, second);

      assertThat(output(driver, SinkName.S3)).containsExactly(KeyValue.pair(Events.KEY, first),
          KeyValue.pair(Events.KEY, second));
      assertThat(driver.producedTopicNames()).doesNotContain(Topics.SINK_LOKI.name(), Topics.SINK_OPENSEARCH.name());
      assertThat(counters.routedTo(SinkName.S3)).isEqualTo(2);
    }
  }

  @Test
  void fansOneEventOutToEverySinkItsRulesChoose() {
    RouteRule errors = new RouteRule("errors", List.of(Conditions.severity(">=ERROR")),
        Set.of(SinkName.LOKI, SinkName.OPENSEARCH));
    RouteRule archive = new RouteRule("archive", List.of(), Set.of(SinkName.S3));
    try (TopologyTestDriver driver = driver(topology(new RoutingTable(List.of(errors, archive), Set.of())))) {
      LogEvent error = Events.enriched("shop", "web", "ERROR", "boom", Map.of());
      LogEvent info = Events.enriched("shop", "web", "INFO", "fine", Map.of());
      input(driver).pipeInput(Events.KEY, error);
      input(driver).pipeInput(Events.KEY, info);

      assertThat(output(driver, SinkName.LOKI)).containsExactly(KeyValue.pair(Events.KEY, error));
      assertThat(output(driver, SinkName.OPENSEARCH)).containsExactly(KeyValue.pair(Events.KEY, error));
      assertThat(output(driver, SinkName.S3)).containsExactly(KeyValue.pair(Events.KEY, error),
          KeyValue.pair(Events.KEY, info));
    }
  }

  @Test
  void countsUnroutedAndEmptyRecordsInsteadOfSendingThem() {
    RouteRule errors = new RouteRule("errors", List.of(Conditions.severity("ERROR")), Set.of(SinkName.LOKI));
    try (TopologyTestDriver driver = driver(topology(new RoutingTable(List.of(errors), Set.of())))) {
      input(driver).pipeInput(Events.KEY, Events.enriched("shop", "web", "INFO", "fine", Map.of()));
      input(driver).pipeInput(Events.KEY, (LogEvent) null);

      assertThat(output(driver, SinkName.LOKI)).isEmpty();
      assertThat(counters.unroutedFor(RouterMetrics.Unrouted.UNROUTED)).isEqualTo(1);
      assertThat(counters.unroutedFor(RouterMetrics.Unrouted.EMPTY_RECORD)).isEqualTo(1);
    }
  }

  @Test
  void namesEveryProcessorAndSinkExplicitly() {
    String description = topology(new RoutingTable(List.of(), Set.of(SinkName.values()))).describe().toString();

    assertThat(description).contains("router-decide", "router-skip-unrouted", "router-to-loki",
        "router-to-opensearch", "router-to-s3").doesNotContain("KSTREAM-");
  }
}
