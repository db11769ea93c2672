package io.logpipe.runtime.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One idempotent pass of topic creation: create all in one request, then check what already existed. */
final class TopicsCreation {

  /** Upper bound on each Admin round trip. */
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** Bounds the wait for brokers to learn of (and lead) a just-created topic: 50 x 100 ms. */
  private static final int UNKNOWN_TOPIC_ATTEMPTS = 50;
  private static final Duration UNKNOWN_TOPIC_BACKOFF = Duration.ofMillis(100);

  private static final Logger LOG = LoggerFactory.getLogger(TopicsCreation.class);

  private final Admin admin;

  TopicsCreation(Admin admin) {
    this.admin = admin;
  }

  TopicsOutcome apply(List<TopicPlan> plan) {
    var request = plan.stream().map(TopicPlan::newTopic).toList();
    Map<String, KafkaFuture<Void>> results = admin
        .createTopics(request, new CreateTopicsOptions().timeoutMs((int) TIMEOUT.toMillis()))
        .values();
    List<String> created = new ArrayList<>();
    List<TopicPlan> existed = new ArrayList<>();
    for (TopicPlan topic : plan) {
      try {
        await(results.get(topic.name()), "create " + topic.name());
        created.add(topic.name());
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException("cannot create topic " + topic.name() + ": " + e.getCause(), e.getCause());
        }
        existed.add(topic);
      }
    }
    try {
      awaitLeaders(created);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot describe the created topics: " + e.getCause(), e.getCause());
    }
    var outcome = check(created, existed);
    LOG.info("pipeline topics: created {}, already present {}", outcome.created(), outcome.existing());
    outcome.mismatched().forEach(m -> LOG.warn("pipeline topic {}: left unchanged", m));
    outcome.drifted().forEach(d -> LOG.warn("pipeline topic {}: left unchanged", d));
    return outcome;
  }

  private TopicsOutcome check(List<String> created, List<TopicPlan> existed) {
    if (existed.isEmpty()) {
      return new TopicsOutcome(created, List.of(), List.of(), List.of());
    }
    List<String> names = existed.stream().map(TopicPlan::name).toList();
    Map<String, TopicDescription> described;
    Map<ConfigResource, Config> configs;
    try {
      described = awaitKnown(() -> admin.describeTopics(names).allTopicNames(), "describe the existing topics");
      configs = awaitKnown(() -> admin.describeConfigs(names.stream().map(TopicsCreation::resource).toList()).all(),
          "read the configs of the existing topics");
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot describe the existing pipeline topics: " + e.getCause(), e.getCause());
    }
    List<String> existing = new ArrayList<>();
    List<TopicsOutcome.PartitionMismatch> mismatched = new ArrayList<>();
    List<TopicsOutcome.ConfigDrift> drifted = new ArrayList<>();
    for (TopicPlan topic : existed) {
      int actual = described.get(topic.name()).partitions().size();
      if (actual == topic.partitions()) {
        existing.add(topic.name());
      } else {
        mismatched.add(new TopicsOutcome.PartitionMismatch(topic.name(), topic.partitions(), actual));
      }
      Config config = configs.get(resource(topic.name()));
      new TreeMap<>(topic.configs()).forEach((key, planned) -> {
        ConfigEntry entry = config.get(key);
        String value = entry == null ? null : entry.value();
        if (!planned.equals(value)) {
          drifted.add(new TopicsOutcome.ConfigDrift(topic.name(), key, planned, value));
        }
      });
    }
    return new TopicsOutcome(created, existing, mismatched, drifted);
  }

  /**
   * Returns once every partition of the created topics has a leader. The controller acknowledges a creation
   * before the brokers serve it: a producer writing in between gets NOT_LEADER (and an idempotent one can then fall
   * into out-of-order-sequence retries), and a Streams application fails on a missing source topic.
   */
  private void awaitLeaders(List<String> names) throws ExecutionException {
    for (int attempt = 1; !names.isEmpty(); attempt++) {
      Map<String, TopicDescription> described =
          awaitKnown(() -> admin.describeTopics(names).allTopicNames(), "describe the created topics");
      boolean led = described.values().stream().flatMap(topic -> topic.partitions().stream())
          .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
      if (led) {
        return;
      }
      if (attempt == UNKNOWN_TOPIC_ATTEMPTS) {
        throw new IllegalStateException("partitions of " + names + " still have no leader after "
            + UNKNOWN_TOPIC_BACKOFF.multipliedBy(UNKNOWN_TOPIC_ATTEMPTS).toMillis() + " ms");
      }
      pause("wait for the leaders of " + names);
    }
  }

  private static void pause(String what) {
    try {
      Thread.sleep(UNKNOWN_TOPIC_BACKOFF.toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while trying to " + what, interrupted);
    }
  }

  private static ConfigResource resource(String topic) {
    return new ConfigResource(ConfigResource.Type.TOPIC, topic);
  }

  /**
   * Retries while the broker answering does not know a topic yet: the controller has committed a topic (created
   * by us or by a concurrent caller) moments before every broker's metadata shows it.
   */
  private static <T> T awaitKnown(Supplier<KafkaFuture<T>> request, String what) throws ExecutionException {
    for (int attempt = 1; ; attempt++) {
      try {
        return await(request.get(), what);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || attempt == UNKNOWN_TOPIC_ATTEMPTS) {
          throw e;
        }
        pause(what);
      }
    }
  }

  private static <T> T await(KafkaFuture<T> future, String what) throws ExecutionException {
    try {
      return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("could not " + what + " within " + TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while trying to " + what, e);
    }
  }
}
