package io.logpipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logpipe.runtime.kafka.PipelineTopics;
import io.logpipe.runtime.kafka.TopicPlan;
import io.logpipe.runtime.kafka.TopicsOutcome;
import io.logpipe.schemas.Topic;
import io.logpipe.schemas.Topics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PipelineTopics against a real broker; the only class of this module using the (JVM-wide) pipeline topics. */
@KafkaTest
class PipelineTopicsIT {

  private static final int PARTITIONS = 3;
  private static final List<String> NAMES = Topics.all().stream().map(Topic::name).toList();

  private static KafkaBroker broker;

  @BeforeAll
  static void createPipelineTopics() {
    broker.createPipelineTopics(PARTITIONS);
  }

  @Test
  void createsEveryPipelineTopicWithOnePartitionCount() throws Exception {
    var topics = broker.admin().describeTopics(NAMES).allTopicNames().get(10, TimeUnit.SECONDS);

    assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(NAMES);
    assertThat(topics.values()).allSatisfy(t -> assertThat(t.partitions()).hasSize(PARTITIONS));
  }

  @Test
  void appliesThePlannedConfigsOnTheBroker() throws Exception {
    assertThat(config(Topics.POSITIONS).get("cleanup.policy").value()).isEqualTo("compact");
    assertThat(config(Topics.RAW).get("cleanup.policy").value()).isEqualTo("delete");
    assertThat(config(Topics.RAW).get("retention.ms").value()).isEqualTo("86400000");
    assertThat(config(Topics.DLQ).get("retention.ms").value()).isEqualTo("604800000");
  }

  @Test
  void creatingAgainLeavesExistingTopicsAndReportsThem() {
    TopicsOutcome again = PipelineTopics.create(broker.admin(), PARTITIONS, (short) 1);

    assertThat(again.created()).isEmpty();
    assertThat(again.existing()).containsExactlyElementsOf(NAMES);
    assertThat(again.consistent()).isTrue();
    assertThat(again.drifted()).isEmpty();
  }

  @Test
  void reportsExistingTopicsWithAnotherPartitionCountWithoutChangingThem() throws Exception {
    TopicsOutcome other = PipelineTopics.create(broker.admin(), PARTITIONS + 2, (short) 1);

    assertThat(other.consistent()).isFalse();
    assertThat(other.mismatched()).hasSize(NAMES.size())
        .allSatisfy(m -> assertThat(m.actual()).isEqualTo(PARTITIONS));
    assertThatThrownBy(() -> broker.createPipelineTopics(PARTITIONS + 2))
        .hasMessageContaining("another partition count");
    var raw = broker.admin().describeTopics(List.of(Topics.RAW.name())).allTopicNames().get(10, TimeUnit.SECONDS);
    assertThat(raw.get(Topics.RAW.name()).partitions()).hasSize(PARTITIONS);
  }

  @Test
  void reportsPlannedConfigsThatAnExistingTopicLacksWithoutChangingThem() throws Exception {
    String positions = broker.uniqueName("positions-drift");
    broker.createTopic(positions, 2);
    var compacted = new TopicPlan(positions, 2, (short) 1, Map.of("cleanup.policy", "compact"));

    TopicsOutcome outcome = PipelineTopics.create(broker.admin(), List.of(compacted));

    assertThat(outcome.existing()).containsExactly(positions);
    assertThat(outcome.drifted()).containsExactly(
        new TopicsOutcome.ConfigDrift(positions, "cleanup.policy", "compact", "delete"));
    assertThat(outcome.consistent()).isTrue();
    assertThat(config(positions).get("cleanup.policy").value()).isEqualTo("delete");
  }

  @Test
  void aTopicCreatedByThePlanHasNoDrift() {
    String name = broker.uniqueName("planned");
    var plan = new TopicPlan(name, 2, (short) 1, Map.of("retention.ms", "3600000", "cleanup.policy", "compact"));

    assertThat(PipelineTopics.create(broker.admin(), List.of(plan)).created()).containsExactly(name);
    TopicsOutcome again = PipelineTopics.create(broker.admin(), List.of(plan));

    assertThat(again.existing()).containsExactly(name);
    assertThat(again.drifted()).isEmpty();
  }

  private static Config config(Topic<?, ?> topic) throws Exception {
    return config(topic.name());
  }

  private static Config config(String topic) throws Exception {
    var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    return broker.admin().describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
  }
}
