package io.logpipe.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logpipe.schemas.Topic;
import io.logpipe.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PipelineTopicsTest {

  private static Map<String, TopicPlan> byName(List<TopicPlan> plan) {
    return plan.stream().collect(Collectors.toMap(TopicPlan::name, Function.identity()));
  }

  @Test
  void plansEveryRegisteredTopicInFlowOrderWithOnePartitionCount() {
    var plan = PipelineTopics.plan(6, (short) 3);

    assertThat(plan).extracting(TopicPlan::name)
        .containsExactlyElementsOf(Topics.all().stream().map(Topic::name).toList());
    assertThat(plan).extracting(TopicPlan::partitions).containsOnly(6);
    assertThat(plan).extracting(TopicPlan::replicationFactor).containsOnly((short) 3);
  }

  @Test
  void compactsOnlyThePositionsTopic() {
    var plan = byName(PipelineTopics.plan(3, (short) 1));

    assertThat(plan.get(Topics.POSITIONS.name()).configs()).containsEntry("cleanup.policy", "compact");
    assertThat(plan.values()).filteredOn(t -> !t.name().equals(Topics.POSITIONS.name()))
        .allSatisfy(t -> assertThat(t.configs()).doesNotContainKey("cleanup.policy"));
  }

  @Test
  void keepsUnredactedTextForADayByDefaultAndDeadLettersForAWeek() {
    var plan = byName(PipelineTopics.plan(3, (short) 1));
    String day = String.valueOf(Duration.ofHours(24).toMillis());

    for (var unredacted : List.of(Topics.RAW, Topics.EVENTS, Topics.ENRICHED)) {
      assertThat(plan.get(unredacted.name()).configs()).containsEntry("retention.ms", day);
    }
    assertThat(plan.get(Topics.DLQ.name()).configs())
        .containsEntry("retention.ms", String.valueOf(Duration.ofDays(7).toMillis()));
    // Redacted topics keep the broker's default retention.
    assertThat(plan.get(Topics.REDACTED.name()).configs()).doesNotContainKey("retention.ms");
    assertThat(plan.get(Topics.SINK_S3.name()).configs()).doesNotContainKey("retention.ms");
  }

  @Test
  void acceptsRecordsAsLargeAsTheLargestLineTheShipperSends() {
    // A 1 MiB line (the shipper's default maximum) plus its envelope exceeds the broker's 1 MiB default.
    assertThat(PipelineTopics.plan(1, (short) 1)).allSatisfy(t -> assertThat(t.configs())
        .containsEntry("max.message.bytes", String.valueOf(Topics.MAX_RECORD_BYTES)));
    assertThat(Topics.MAX_RECORD_BYTES).isGreaterThan(2 * (1 << 20));
  }

  @Test
  void unredactedRetentionIsConfigurable() {
    var plan = byName(PipelineTopics.plan(3, (short) 1, Duration.ofHours(2)));

    assertThat(plan.get(Topics.RAW.name()).configs()).containsEntry("retention.ms", "7200000");
  }

  @ParameterizedTest
  @CsvSource({"1,1", "2,1", "3,2", "5,2"})
  void requiresAsManyInSyncReplicasAsTheClusterCanSpare(short replicationFactor, int minInSync) {
    assertThat(PipelineTopics.plan(1, replicationFactor))
        .allSatisfy(t -> assertThat(t.configs()).containsEntry("min.insync.replicas", String.valueOf(minInSync)));
  }

  @ParameterizedTest
  @CsvSource({"0,1", "-1,1", "3,0", "3,-2"})
  void rejectsPartitionCountsAndReplicationFactorsBelowOne(int partitions, short replicationFactor) {
    assertThatThrownBy(() -> PipelineTopics.plan(partitions, replicationFactor))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }

  @Test
  void rejectsARetentionThatIsNotPositive() {
    assertThatThrownBy(() -> PipelineTopics.plan(3, (short) 1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PipelineTopics.plan(3, (short) 1, Duration.ofHours(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void describesAPlanOnOneLineWithSortedConfigs() {
    var raw = byName(PipelineTopics.plan(6, (short) 3)).get(Topics.RAW.name());

    assertThat(raw.describe())
        .isEqualTo("logs.raw.v1 partitions=6 replication=3 max.message.bytes=8388608 min.insync.replicas=2 "
            + "retention.ms=86400000");
    assertThat(raw.newTopic().configs()).isEqualTo(raw.configs());
    assertThat(raw.newTopic().numPartitions()).isEqualTo(6);
  }

  @Test
  void anOutcomeWithAMismatchIsNotConsistent() {
    var mismatch = new TopicsOutcome.PartitionMismatch("logs.raw.v1", 6, 3);
    var outcome = new TopicsOutcome(List.of(), List.of("logs.events.v1"), List.of(mismatch), List.of());

    assertThat(outcome.consistent()).isFalse();
    assertThatThrownBy(outcome::requireConsistent)
        .hasMessageContaining("logs.raw.v1 has 3 partitions, planned 6");
    assertThat(new TopicsOutcome(List.of("a"), List.of(), List.of(), List.of()).requireConsistent().created())
        .containsExactly("a");
  }
}
