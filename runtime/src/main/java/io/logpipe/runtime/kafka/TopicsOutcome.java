package io.logpipe.runtime.kafka;

import java.util.List;

/**
 * What {@link PipelineTopics#create} found and did.
 *
 * @param created topics created now
 * @param existing topics that were already there with the planned partition count
 * @param mismatched topics that were already there with another partition count (left unchanged)
 * @param drifted configs of topics that were already there whose value differs from the plan (left unchanged:
 *     an operator may have set them on purpose, but a positions topic that is not compacted loses positions)
 */
public record TopicsOutcome(
    List<String> created, List<String> existing, List<PartitionMismatch> mismatched, List<ConfigDrift> drifted) {

  /** An existing topic whose partition count differs from the plan. */
  public record PartitionMismatch(String topic, int planned, int actual) {
    @Override
    public String toString() {
      return topic + " has " + actual + " partitions, planned " + planned;
    }
  }

  /** A planned config of an existing topic with another value on the broker. */
  public record ConfigDrift(String topic, String config, String planned, String actual) {
    @Override
    public String toString() {
      return topic + " has " + config + "=" + actual + ", planned " + planned;
    }
  }

  public TopicsOutcome {
    created = List.copyOf(created);
    existing = List.copyOf(existing);
    mismatched = List.copyOf(mismatched);
    drifted = List.copyOf(drifted);
  }

  /** True when every planned topic exists with its planned partition count (config drift is only reported). */
  public boolean consistent() {
    return mismatched.isEmpty();
  }

  /** Throws when some topic has another partition count, for callers that must not run on such topics. */
  public TopicsOutcome requireConsistent() {
    if (!consistent()) {
      throw new IllegalStateException("pipeline topics disagree on the partition count: " + mismatched);
    }
    return this;
  }
}
