package io.logpipe.testkit;

import io.logpipe.schemas.Topic;
import io.logpipe.schemas.Topics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Topic creation for tests: replication 1, bounded waits, errors that say which topic. */
final class TopicCreator {

  private static final long TIMEOUT_SECONDS = 30;
  private static final short REPLICATION = 1;

  private final Admin admin;

  TopicCreator(Admin admin) {
    this.admin = admin;
  }

  void create(String name, int partitions, Map<String, String> configs) {
    var topic = new NewTopic(name, partitions, REPLICATION).configs(configs);
    try {
      admin.createTopics(List.of(topic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not create topic " + name, e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("topic " + name + " not created within " + TIMEOUT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topic " + name, e);
    }
  }

  // TODO(testkit): delegate to io.logpipe.runtime.kafka.PipelineTopics once runtime with it is installed.
  synchronized void createPipelineTopics(int partitions) {
    for (Topic<?, ?> topic : Topics.all()) {
      Map<String, String> configs = Topics.isCompacted(topic)
          ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
          : Map.of();
      try {
        create(topic.name(), partitions, configs);
      } catch (IllegalStateException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
        requirePartitions(topic.name(), partitions);
      }
    }
  }

  private void requirePartitions(String name, int partitions) {
    try {
      int existing = admin.describeTopics(List.of(name)).allTopicNames()
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(name).partitions().size();
      if (existing != partitions) {
        throw new IllegalStateException("pipeline topic " + name + " already exists with " + existing
            + " partitions, not " + partitions + ": test classes share the pipeline topics, use one count");
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not describe topic " + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while describing topic " + name, e);
    }
  }
}
