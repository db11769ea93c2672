package io.logpipe.testkit;

import io.logpipe.runtime.kafka.PipelineTopics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

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

  /** The production plan of every pipeline topic, replication 1; fails if they exist with another count. */
  void createPipelineTopics(int partitions) {
    var outcome = PipelineTopics.create(admin, partitions, REPLICATION);
    if (!outcome.consistent()) {
      throw new IllegalStateException("pipeline topics already exist with another partition count "
          + outcome.mismatched() + ": test classes share them, so use one count across the module");
    }
  }
}
