package io.logpipe.testkit;

import io.logpipe.runtime.kafka.PipelineTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Topic creation for tests: replication 1, bounded waits, errors that say which topic. */
final class TopicCreator {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(50);
  private static final short REPLICATION = 1;

  private final Admin admin;

  TopicCreator(Admin admin) {
    this.admin = admin;
  }

  void create(String name, int partitions, Map<String, String> configs) {
    var topic = new NewTopic(name, partitions, REPLICATION).configs(configs);
    try {
      admin.createTopics(List.of(topic)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not create topic " + name, e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("topic " + name + " not created within " + TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topic " + name, e);
    }
    awaitServed(List.of(name));
  }

  /** The production plan of every pipeline topic, replication 1; fails if they exist with another count. */
  void createPipelineTopics(int partitions) {
    var outcome = PipelineTopics.create(admin, partitions, REPLICATION);
    if (!outcome.consistent()) {
      throw new IllegalStateException("pipeline topics already exist with another partition count "
          + outcome.mismatched() + ": test classes share them, so use one count across the module");
    }
    awaitServed(outcome.created());
  }

  /**
   * Waits until the broker serves every partition of the topics. The controller acknowledges a creation moments
   * before the broker's metadata has it, and a Kafka Streams app started in between fails with a missing source
   * topic.
   */
  private void awaitServed(List<String> names) {
    Deadline deadline = Deadline.after(TIMEOUT);
    while (!served(names)) {
      if (deadline.passed()) {
        throw new IllegalStateException("the broker did not serve topics " + names + " within " + TIMEOUT);
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for topics " + names, e);
      }
    }
  }

  private boolean served(List<String> names) {
    if (names.isEmpty()) {
      return true;
    }
    try {
      return admin.describeTopics(names).allTopicNames().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).values().stream()
          .flatMap(topic -> topic.partitions().stream())
          .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return false;
      }
      throw new IllegalStateException("could not describe topics " + names, e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("could not describe topics " + names + " within " + TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while describing topics " + names, e);
    }
  }
}
