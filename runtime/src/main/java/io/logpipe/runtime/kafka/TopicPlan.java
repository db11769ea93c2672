package io.logpipe.runtime.kafka;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * How one topic is to be created: the same plan is applied by {@code bin/logpipe topics create}, printed for the
 * Helm chart and the docs, and used by the test kit, so they never drift.
 *
 * @param configs topic-level configs by their Kafka names ({@code retention.ms}, {@code cleanup.policy}, ...)
 */
public record TopicPlan(String name, int partitions, short replicationFactor, Map<String, String> configs) {

  public TopicPlan {
    Objects.requireNonNull(name, "name");
    if (partitions < 1) {
      throw new IllegalArgumentException(name + ": partitions must be at least 1, was " + partitions);
    }
    if (replicationFactor < 1) {
      throw new IllegalArgumentException(name + ": replication factor must be at least 1, was " + replicationFactor);
    }
    configs = Map.copyOf(configs);
  }

  /** The Admin API request that creates this topic. */
  public NewTopic newTopic() {
    return new NewTopic(name, partitions, replicationFactor).configs(configs);
  }

  /** One line, configs sorted, e.g. {@code logs.raw.v1 partitions=6 replication=3 retention.ms=86400000}. */
  public String describe() {
    String settings = new TreeMap<>(configs).entrySet().stream()
        .map(e -> " " + e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining());
    return name + " partitions=" + partitions + " replication=" + replicationFactor + settings;
  }
}
