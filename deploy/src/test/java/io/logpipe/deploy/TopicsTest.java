package io.logpipe.deploy;

import static io.logpipe.deploy.RenderedChart.component;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.logpipe.runtime.kafka.PipelineTopics;
import io.logpipe.runtime.kafka.TopicPlan;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The topics, created by a Job running {@code logpipe topics create} or declared as Strimzi KafkaTopics. */
class TopicsTest {

  private static final String EVENTS_STATE = "logs.events-collector.state.v1";

  @Test
  void strimziTopicsAreExactlyThePipelineTopicPlan() {
    RenderedChart chart = RenderedChart.withEveryFeature();
    // all-features.yaml: 12 partitions, replication 3, unredacted topics kept 6 hours.
    List<TopicPlan> plan = PipelineTopics.plan(12, (short) 3, Duration.ofHours(6));

    assertThat(chart.generic("KafkaTopic").stream().map(TopicsTest::asPlan)
        .filter(topic -> !topic.name().equals(EVENTS_STATE)).map(TopicPlan::describe).sorted())
        .containsExactlyElementsOf(plan.stream().map(TopicPlan::describe).sorted().toList());
    assertThat(chart.generic("KafkaTopic")).allSatisfy(topic ->
        assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "logs-kafka"));
    assertThat(chart.all(Job.class)).isEmpty();
  }

  @Test
  void theEventsCollectorsStateTopicIsDeclaredOnlyWithTheCollector() {
    TopicPlan state = RenderedChart.withEveryFeature().generic("KafkaTopic").stream().map(TopicsTest::asPlan)
        .filter(topic -> topic.name().equals(EVENTS_STATE)).findFirst().orElseThrow();

    // As the collector would create it itself (events' StateTopic): one partition, compacted, a week.
    assertThat(state.partitions()).isEqualTo(1);
    assertThat(state.configs()).containsEntry("cleanup.policy", "compact,delete")
        .containsEntry("retention.ms", String.valueOf(Duration.ofDays(7).toMillis()));
    assertThat(RenderedChart.with(Map.of("topics.mode", "strimzi")).generic("KafkaTopic"))
        .hasSize(PipelineTopics.plan(6, (short) 3).size());
  }

  @Test
  void theRawTopicIsMarkedAsHoldingUnredactedText() {
    GenericKubernetesResource raw = RenderedChart.withEveryFeature().generic("KafkaTopic").stream()
        .filter(t -> "logs.raw.v1".equals(spec(t).get("topicName"))).findFirst().orElseThrow();

    assertThat(raw.getMetadata().getAnnotations().get("logpipe.io/note")).contains("UNREDACTED");
  }

  @Test
  void theTopicsJobCreatesEveryTopicWithTheChartsPartitionCount() {
    RenderedChart chart = RenderedChart.with(Map.of("topics.job.hook", false, "topics.partitions", 8,
        "topics.replicationFactor", 2));

    Job job = chart.one(Job.class, component("topics"));
    var container = RenderedChart.container(job.getSpec().getTemplate());
    assertThat(container.getArgs()).containsExactly("topics", "create", "--partitions", "8",
        "--replication-factor", "2");
    assertThat(container.getEnv()).anySatisfy(e -> assertThat(e.getName() + "=" + e.getValue())
        .isEqualTo("TOPICS_BOOTSTRAP_SERVERS=kafka-kafka-bootstrap.kafka.svc:9092"));
    assertThat(job.getSpec().getBackoffLimit()).isPositive();
    assertThat(job.getSpec().getActiveDeadlineSeconds()).isPositive();
    assertThat(job.getMetadata().getAnnotations()).isNullOrEmpty();
  }

  @Test
  void theTopicsJobIsAHookSoItIsNotPartOfTheReleaseManifest() {
    // helm-java's template, like `helm install`, keeps hooks out of the release manifest: the Job runs before it.
    assertThat(RenderedChart.withDefaults().all(Job.class)).isEmpty();
    assertThat(RenderedChart.with(Map.of("topics.job.hook", false)).all(Job.class)).hasSize(1);
  }

  @Test
  void noTopicResourceWhenTopicsAreManagedElsewhere() {
    RenderedChart chart = RenderedChart.with(Map.of("topics.mode", "none"));

    assertThat(chart.generic("KafkaTopic")).isEmpty();
    assertThat(chart.all(Job.class)).isEmpty();
  }

  private static TopicPlan asPlan(GenericKubernetesResource topic) {
    Map<String, Object> spec = spec(topic);
    @SuppressWarnings("unchecked")
    Map<String, Object> config = (Map<String, Object>) spec.get("config");
    Map<String, String> configs = config.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue()), (a, b) -> a, TreeMap::new));
    return new TopicPlan((String) spec.get("topicName"), ((Number) spec.get("partitions")).intValue(),
        ((Number) spec.get("replicas")).shortValue(), configs);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource resource) {
    return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
  }
}
