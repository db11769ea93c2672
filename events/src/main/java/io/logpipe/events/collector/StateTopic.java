package io.logpipe.events.collector;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the collector's state topic when it is missing: one partition (a few bytes per Event), compacted (only
 * an Event's latest count matters) and also deleted after the retention, so Events long gone do not stay forever;
 * replication as the broker's default. An existing topic is left as it is.
 */
final class StateTopic {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private StateTopic() {}

  static void ensure(Admin admin, String topic, Duration retention) {
    NewTopic spec = new NewTopic(topic, Optional.of(1), Optional.empty()).configs(Map.of(
        TopicConfig.CLEANUP_POLICY_CONFIG,
        TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
        TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis())));
    try {
      admin.createTopics(List.of(spec)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create the state topic " + topic, e.getCause());
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("creating the state topic " + topic + " took longer than " + TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating " + topic, e);
    }
  }
}
