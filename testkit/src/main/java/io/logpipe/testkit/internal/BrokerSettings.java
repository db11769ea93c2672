package io.logpipe.testkit.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Broker configuration shared by every backend, so a test behaves the same in a container and in-process.
 *
 * <p>A single broker cannot host the internal topics at their production replication factor of 3: without these
 * settings the transaction coordinator never becomes available, and transactional producers and Kafka Streams
 * {@code exactly_once_v2} hang (see ../shared/TESTING.md).
 */
public final class BrokerSettings {

  /** Broker properties, by their server.properties names. */
  public static Map<String, String> properties() {
    return Map.of(
        "offsets.topic.replication.factor", "1",
        "offsets.topic.num.partitions", "5",
        "transaction.state.log.replication.factor", "1",
        "transaction.state.log.min.isr", "1",
        "transaction.state.log.num.partitions", "5",
        // Consumer groups and Streams apps rebalance at once instead of waiting 3 s for more members.
        "group.initial.rebalance.delay.ms", "0",
        // Topics are created explicitly, as in production (bin/logpipe topics create, the Helm chart):
        // a test that forgets to create one fails instead of silently running on a 1-partition topic.
        "auto.create.topics.enable", "false");
  }

  /** The same properties as the environment variables of the {@code apache/kafka} image ({@code KAFKA_...}). */
  public static Map<String, String> asDockerEnvironment() {
    var env = new HashMap<String, String>();
    properties().forEach((key, value) -> env.put("KAFKA_" + key.replace('.', '_').toUpperCase(Locale.ROOT), value));
    return Map.copyOf(env);
  }

  private BrokerSettings() {}
}
