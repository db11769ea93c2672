package io.logpipe.events.collector;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.logpipe.events.EventsCollectorConfig;
import io.logpipe.runtime.health.HealthState;
import io.logpipe.runtime.service.Service;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kubernetes Events collector (issue 9): every replica takes part in the leader election; only the leader runs
 * a {@link LeaderSession} and emits. Losing the lease ends the session within one step (and the next leader's
 * {@code initTransactions} fences this producer anyway, so a late commit cannot slip through). A failed session
 * (Kafka or the API server away) is retried with a capped, jittered back-off while the lease is held.
 *
 * <p>Readiness: ready as leader once the session is open; ready as standby once it has seen the lease holder (it
 * reaches the API server and can take over; a healthy standby must be ready, else rolling updates would stall); not
 * ready while a failed session waits to retry.
 */
public final class EventsCollector implements Service {

  private static final Logger LOG = LoggerFactory.getLogger(EventsCollector.class);
  private static final Duration STEP_WAIT = Duration.ofMillis(250);
  private static final Duration MIN_BACKOFF = Duration.ofSeconds(1);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final EventsCollectorConfig config;
  private final KubernetesClient client;
  private final EventsMetrics metrics;
  private final Clock clock;
  private final Object changed = new Object();
  private final Leadership leadership;
  private volatile boolean stopped;
  private volatile LeaderSession session;

  public EventsCollector(EventsCollectorConfig config, KubernetesClient client, EventsMetrics metrics, Clock clock) {
    this.config = config;
    this.client = client;
    this.metrics = metrics;
    this.clock = clock;
    this.leadership = new Leadership(client, config.lease(), this::wakeUp);
  }

  /** True while this replica holds the lease. */
  public boolean isLeader() {
    return leadership.isLeader();
  }

  @Override
  public void run(HealthState health) throws InterruptedException {
    if (stopped) {
      return;
    }
    leadership.start();
    Duration backoff = MIN_BACKOFF;
    try {
      while (!stopped) {
        if (!leadership.isLeader()) {
          metrics.leader(false);
          standby(health);
          await(Duration.ofSeconds(1));
          continue;
        }
        Instant started = clock.instant();
        try {
          lead(health);
          backoff = MIN_BACKOFF;
        } catch (KafkaException | KubernetesClientException | IllegalStateException e) {
          if (Duration.between(started, clock.instant()).compareTo(MAX_BACKOFF) > 0) {
            backoff = MIN_BACKOFF;   // a session that ran a while: this failure is a new one, not a repeat
          }
          metrics.sessionFailed();
          health.markNotReady("leader session failed: " + e.getClass().getName());
          LOG.warn("leader session failed ({}: {}), retrying in {}", e.getClass().getName(), e.getMessage(), backoff);
          await(jitter(backoff));
          backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
      }
    } finally {
      metrics.leader(false);
      leadership.close();
    }
  }

  /** A standby is ready once it has seen the lease (so it reaches the API server and can take over). */
  private void standby(HealthState health) {
    String holder = leadership.currentLeader();
    if (holder.isEmpty()) {
      health.markNotReady("standby: the lease holder is not known yet");
    } else {
      health.markReady();
    }
  }

  private void lead(HealthState health) throws InterruptedException {
    try (LeaderSession s = LeaderSession.open(config, client, metrics, clock)) {
      session = s;
      metrics.leader(true);
      health.markReady();
      while (!stopped && leadership.isLeader()) {
        s.step(STEP_WAIT);
      }
      LOG.info("leader session ends: {}", stopped ? "stopping" : "lease lost");
    } finally {
      session = null;
      metrics.leader(false);
    }
  }

  @Override
  public void stop() {
    stopped = true;
    wakeUp();
  }

  private void wakeUp() {
    LeaderSession s = session;
    if (s != null) {
      s.wakeUp();
    }
    synchronized (changed) {
      changed.notifyAll();
    }
  }

  private void await(Duration timeout) throws InterruptedException {
    synchronized (changed) {
      if (!stopped) {
        changed.wait(Math.max(1, timeout.toMillis()));
      }
    }
  }

  private static Duration jitter(Duration d) {
    double factor = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
    return Duration.ofMillis((long) (d.toMillis() * factor));
  }
}
