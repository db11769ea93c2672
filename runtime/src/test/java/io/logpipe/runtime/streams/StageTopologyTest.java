package io.logpipe.runtime.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.schemas.Topic;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;

class StageTopologyTest {

  static final Topic<String, String> A = new Topic<>("a.v1", Serdes.String(), Serdes.String());
  static final Topic<String, String> B = new Topic<>("b.v1", Serdes.String(), Serdes.String());
  static final Topic<String, String> C = new Topic<>("c.v1", Serdes.String(), Serdes.String());
  static final Topic<String, Integer> LENGTHS = new Topic<>("lengths.v1", Serdes.String(), Serdes.Integer());

  static final Step<String, String> UPPER =
      in -> in.mapValues(v -> v.toUpperCase(Locale.ROOT), Named.as("upper"));
  static final Step<String, Integer> LENGTH = in -> in.mapValues(String::length, Named.as("length"));

  private static Properties props() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "stage-topology-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
    return props;
  }

  @Test
  void namesSourceAndSinkAfterTheirTopics() {
    Topology topology = StageTopology.between(A, UPPER, B);
    String description = topology.describe().toString();
    assertThat(description).contains("Source: from-a.v1 (topics: [a.v1])", "Processor: upper",
        "Sink: to-b.v1 (topic: b.v1)");
  }

  @Test
  void splitStepRunsBetweenTwoTopics() {
    try (TopologyTestDriver driver = new TopologyTestDriver(StageTopology.between(A, UPPER, B), props())) {
      input(driver, A).pipeInput("k", "hello");
      assertThat(driver.createOutputTopic(B.name(), Serdes.String().deserializer(), Serdes.String().deserializer())
          .readValuesToList()).containsExactly("HELLO");
    }
  }

  @Test
  void fusedStepsRunInOneTopologyWithNoIntermediateTopic() {
    Topology fused = StageTopology.between(A, UPPER.andThen(LENGTH), LENGTHS);
    try (TopologyTestDriver driver = new TopologyTestDriver(fused, props())) {
      input(driver, A).pipeInput("k", "four");
      assertThat(driver.createOutputTopic(LENGTHS.name(), Serdes.String().deserializer(),
          Serdes.Integer().deserializer()).readValuesToList()).containsExactly(4);
      assertThat(driver.producedTopicNames()).containsExactly(LENGTHS.name());
    }
  }

  @Test
  void terminalWritesItsOwnOutputs() {
    Terminal<String> fanOut = in -> {
      in.to(B.name(), Produced.with(B.keySerde(), B.valueSerde()).withName("to-b"));
      in.to(C.name(), Produced.with(C.keySerde(), C.valueSerde()).withName("to-c"));
    };
    try (TopologyTestDriver driver =
        new TopologyTestDriver(StageTopology.ending(A, UPPER.thenEnd(fanOut)), props())) {
      input(driver, A).pipeInput("k", "x");
      for (Topic<String, String> out : List.of(B, C)) {
        assertThat(driver.createOutputTopic(out.name(), Serdes.String().deserializer(),
            Serdes.String().deserializer()).readValuesToList()).containsExactly("X");
      }
    }
  }

  @Test
  void identityPassesValuesThrough() {
    try (TopologyTestDriver driver =
        new TopologyTestDriver(StageTopology.between(A, Step.<String>identity(), B), props())) {
      input(driver, A).pipeInput("k", "same");
      assertThat(driver.createOutputTopic(B.name(), Serdes.String().deserializer(), Serdes.String().deserializer())
          .readValuesToList()).containsExactly("same");
    }
  }

  private static TestInputTopic<String, String> input(TopologyTestDriver driver, Topic<String, String> topic) {
    return driver.createInputTopic(topic.name(), Serdes.String().serializer(), Serdes.String().serializer());
  }
}
