package io.logpipe.runtime.kafka;

import io.logpipe.schemas.Topic;
import io.logpipe.schemas.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The pipeline's topics (every topic of {@link Topics#all()}) and their creation.
 *
 * <p>Every pipeline topic gets the same partition count: every stage keys by the container stream and none
 * repartitions, so equal counts keep one container's order end to end and let fused stages co-partition
 * (DESIGN.md, "The flow"). {@code logs.positions.v1} is compacted: only a file's latest position matters.
 * Topics upstream of the redactor hold unredacted text, so they get a short retention (DESIGN.md, "What is not
 * promised"); the dead-letter topic keeps poison records long enough for a person to look at them.
 */
public final class PipelineTopics {

  /** Retention of topics holding unredacted text, unless configured otherwise. */
  public static final Duration DEFAULT_UNREDACTED_RETENTION = Duration.ofHours(24);
  /** Retention of {@code logs.dlq.v1}: a week to notice, inspect and replay. */
  public static final Duration DLQ_RETENTION = Duration.ofDays(7);

  /** Topics written before the redactor ran: raw lines, reassembled and enriched events. */
  private static final Set<Topic<?, ?>> UNREDACTED = Set.of(Topics.RAW, Topics.EVENTS, Topics.ENRICHED);

  /** The plan with the default retention of unredacted topics. */
  public static List<TopicPlan> plan(int partitions, short replicationFactor) {
    return plan(partitions, replicationFactor, DEFAULT_UNREDACTED_RETENTION);
  }

  /** One {@link TopicPlan} per pipeline topic, in flow order. */
  public static List<TopicPlan> plan(int partitions, short replicationFactor, Duration unredactedRetention) {
    if (unredactedRetention.isNegative() || unredactedRetention.isZero()) {
      throw new IllegalArgumentException("retention of unredacted topics must be positive, was " + unredactedRetention);
    }
    return Topics.all().stream()
        .map(topic -> new TopicPlan(topic.name(), partitions, replicationFactor,
            configs(topic, replicationFactor, unredactedRetention)))
        .toList();
  }

  /** Creates the missing pipeline topics, with the default retention of unredacted topics. */
  public static TopicsOutcome create(Admin admin, int partitions, short replicationFactor) {
    return create(admin, plan(partitions, replicationFactor));
  }

  /**
   * Creates the topics of {@code plan} that are missing. Idempotent: existing topics are left as they are (their
   * configs are not altered), but a partition count other than planned is reported in the outcome and logged,
   * because it breaks co-partitioning. Each round trip to the broker is bounded (30 s).
   */
  public static TopicsOutcome create(Admin admin, List<TopicPlan> plan) {
    return new TopicsCreation(admin).apply(plan);
  }

  private static Map<String, String> configs(Topic<?, ?> topic, short replicationFactor, Duration unredacted) {
    Map<String, String> configs = new HashMap<>();
    // With exactly-once producers, acks=all is only as durable as min.insync.replicas: 2 of 3 replicas tolerates
    // one broker down without blocking writes; smaller clusters get what they can.
    int minInSync = Math.max(1, Math.min(2, replicationFactor - 1));
    configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(minInSync));
    configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(Topics.MAX_RECORD_BYTES));
    if (Topics.isCompacted(topic)) {
      configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    } else if (UNREDACTED.contains(topic)) {
      configs.put(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(unredacted.toMillis()));
    } else if (topic == Topics.DLQ) {
      configs.put(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(DLQ_RETENTION.toMillis()));
    }
    return configs;
  }

  private PipelineTopics() {}
}
