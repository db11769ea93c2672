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
import io.logpipe.schemas.Topics;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedactorStepTest {
  private final RedactorMetrics metrics = RedactorMetrics.standalone();
  private Topology topology;
  private TopologyTestDriver driver;
  private TestInputTopic<String, LogEvent> in;
  private TestOutputTopic<String, LogEvent> out;

  @BeforeEach
  void start() {
    RedactorStep step = new RedactorStep(new EventRedactor(PolicyFile.parse("""
                namespaces:
                  payments: {rules: {pan: drop_event}}
                """), new Redactor(null), metrics));
    topology = StageTopology.between(Topics.ENRICHED, step, Topics.REDACTED);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "redactor-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(topology, props);
    in = driver.createInputTopic(Topics.ENRICHED.name(), Topics.ENRICHED.keySerde().serializer(),
        Topics.ENRICHED.valueSerde().serializer());
    out = driver.createOutputTopic(Topics.REDACTED.name(), Topics.REDACTED.keySerde().deserializer(),
        Topics.REDACTED.valueSerde().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void redactsEventsInOrderUnderTheirKeysAndDropsWhatThePolicyDrops() {
    in.pipeKeyValueList(List.of(
        new KeyValue<>(SHOP.toString(), event(SHOP, "login jane@example.com")),
        new KeyValue<>(PAYMENTS.toString(), event(PAYMENTS, "charged 4111111111111111")),
        new KeyValue<>(SHOP.toString(), event(SHOP, "Authorization: Bearer cfcabd11c7ed9a41b1a3e063c32d5114")),
        new KeyValue<>(SHOP.toString(), event(SHOP, "healthy"))));

    List<KeyValue<String, LogEvent>> records = out.readKeyValuesToList();

    assertThat(records).extracting(kv -> kv.key).containsExactly(SHOP.toString(), SHOP.toString(), SHOP.toString());
    assertThat(records).extracting(kv -> kv.value.getMessage()).containsExactly("login [REDACTED:email]",
        "Authorization: Bearer [REDACTED:bearer_token]", "healthy");
    assertThat(records).extracting(kv -> kv.value.getRedaction().getCountsByRule())
        .containsExactly(java.util.Map.of("email", 1), java.util.Map.of("bearer_token", 1), java.util.Map.of());
    assertThat(metrics.service().registry().scrape())
        .contains("logpipe_redactor_redactions_total{rule=\"email\",service=\"redactor\"} 1.0")
        .contains("logpipe_records_dropped_total{reason=\"policy\",service=\"redactor\",stage=\"redactor\"} 1.0")
        .doesNotContain("jane@example.com").doesNotContain("4111111111111111");
  }

  @Test
  void namesItsProcessorExplicitly() {
    assertThat(topology.describe().toString()).contains(RedactorStep.PROCESSOR)
        .contains(StageTopology.sourceName(Topics.ENRICHED)).contains(StageTopology.sinkName(Topics.REDACTED));
  }
}
