package io.logpipe.testkit;

import io.logpipe.runtime.kafka.PipelineTopics;
import io.logpipe.runtime.kafka.TopicPlan;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * Topic creation for tests: replication 1, through the same code as {@code logpipe topics create}, which returns
 * only once every partition has a leader (a test producing sooner would race the broker's metadata).
 */
final class TopicCreator {

  private static final short REPLICATION = 1;

  private final Admin admin;

  TopicCreator(Admin admin) {
    this.admin = admin;
  }

  void create(String name, int partitions, Map<String, String> configs) {
    var outcome = PipelineTopics.create(admin, List.of(new TopicPlan(name, partitions, REPLICATION, configs)));
    if (!outcome.consistent()) {
      throw new IllegalStateException("topic " + name + " already exists with another partition count "
          + outcome.mismatched());
    }
  }

  /** The production plan of every pipeline topic, replication 1; fails if they exist with another count. */
  void createPipelineTopics(int partitions) {
    var outcome = PipelineTopics.create(admin, partitions, REPLICATION);
    if (!outcome.consistent()) {
      throw new IllegalStateException("pipeline topics already exist with another partition count "
          + outcome.mismatched() + ": test classes share them, so use one count across the module");
    }
  }
}
