package io.logpipe.events;

import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.runtime.config.HttpSettings;
import io.logpipe.runtime.config.KafkaSettings;
import io.logpipe.schemas.Topics;
import java.time.Duration;
import java.util.UUID;

/**
 * The Kubernetes Events collector's settings, env prefix {@code EVENTS_} (table in the module README), validated at
 * start with every problem reported at once.
 *
 * @param name           the collector deployment's name: {@code source.node} of its records and the default of the
 *                       lease name and {@code transactional.id}
 * @param transactionalId fixed per deployment, so a new leader's {@code initTransactions} fences the old one
 * @param outputTopic    where Events go, {@code logs.enriched.v1}
 * @param stateTopic     the compacted topic remembering what was emitted (key: Event uid)
 * @param stateRetention retention of the state topic when the collector creates it
 * @param maxEventAge    occurrences older than this are skipped (must stay below the state retention)
 * @param lease          the leader election
 * @param batchSize      at most this many Events per Kafka transaction
 * @param syncTimeout    bound on reading the state back and on the informer's initial list
 */
public record EventsCollectorConfig(KafkaSettings kafka, HttpSettings http, String name, String transactionalId,
    String outputTopic, String stateTopic, Duration stateRetention, Duration maxEventAge, LeaseSettings lease,
    int batchSize, Duration syncTimeout) {

  public static final String PREFIX = "EVENTS";
  public static final String DEFAULT_NAME = "logpipe-k8s-events";
  public static final String DEFAULT_STATE_TOPIC = "logs.events-collector.state.v1";

  /** The lease: {@code coordination.k8s.io/v1} Lease {@code namespace/name}, held by {@code identity}. */
  public record LeaseSettings(String namespace, String name, String identity, Duration leaseDuration,
      Duration renewDeadline, Duration retryPeriod) {}

  public static EventsCollectorConfig read(ConfigReader r) {
    r.withAlias("LEASE_NAMESPACE", "POD_NAMESPACE").withAlias("IDENTITY", "POD_NAME");
    KafkaSettings kafka = KafkaSettings.read(r);
    HttpSettings http = HttpSettings.read(r);
    String name = nonBlank(r, "NAME", DEFAULT_NAME);
    String transactionalId = nonBlank(r, "TRANSACTIONAL_ID", name);
    String outputTopic = nonBlank(r, "OUTPUT_TOPIC", Topics.ENRICHED.name());
    String stateTopic = nonBlank(r, "STATE_TOPIC", DEFAULT_STATE_TOPIC);
    r.check(!outputTopic.equals(stateTopic), "STATE_TOPIC", "must differ from OUTPUT_TOPIC");
    Duration retention = positive(r, "STATE_RETENTION", Duration.ofDays(7));
    Duration maxAge = positive(r, "MAX_EVENT_AGE", Duration.ofDays(1));
    r.check(maxAge.compareTo(retention) < 0, "MAX_EVENT_AGE",
        "must be shorter than STATE_RETENTION (" + retention + "), else an old event could be emitted twice");

    String leaseNamespace = nonBlank(r, "LEASE_NAMESPACE", "default");
    String leaseName = nonBlank(r, "LEASE_NAME", name);
    String identity = r.string("IDENTITY", "");
    if (identity.isBlank()) {
      // Only needs to be unique among the replicas: POD_NAME in a cluster, a random one elsewhere.
      identity = name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
    Duration leaseDuration = positive(r, "LEASE_DURATION", Duration.ofSeconds(15));
    Duration renewDeadline = positive(r, "RENEW_DEADLINE", Duration.ofSeconds(10));
    Duration retryPeriod = positive(r, "RETRY_PERIOD", Duration.ofSeconds(2));
    // client-go's rules (leaderelection.NewLeaderElector), which fabric8 follows.
    r.check(renewDeadline.compareTo(leaseDuration) < 0, "RENEW_DEADLINE", "must be shorter than LEASE_DURATION");
    r.check(retryPeriod.compareTo(renewDeadline) < 0, "RETRY_PERIOD", "must be shorter than RENEW_DEADLINE");

    int batchSize = r.intInRange("BATCH_SIZE", 500, 1, 10_000);
    Duration syncTimeout = positive(r, "SYNC_TIMEOUT", Duration.ofSeconds(60));
    r.done();
    return new EventsCollectorConfig(kafka, http, name, transactionalId, outputTopic, stateTopic, retention, maxAge,
        new LeaseSettings(leaseNamespace, leaseName, identity, leaseDuration, renewDeadline, retryPeriod),
        batchSize, syncTimeout);
  }

  private static String nonBlank(ConfigReader r, String name, String def) {
    String value = r.string(name, def);
    r.check(!value.isBlank(), name, "must not be empty");
    return value.strip();
  }

  private static Duration positive(ConfigReader r, String name, Duration def) {
    Duration d = r.duration(name, def);
    r.check(!d.isNegative() && !d.isZero(), name, "must be positive");
    return d;
  }
}
