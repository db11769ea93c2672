package io.logpipe.events.collector;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.logpipe.events.EventsCollectorConfig.LeaseSettings;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election on a {@code coordination.k8s.io/v1} Lease with fabric8's {@code LeaderElector} (client-go's
 * algorithm): one replica holds the lease and renews it; the others retry every retry period and take over when it
 * expires. fabric8's elector stops for good once it loses the lease (as client-go's {@code Run} returns), so this
 * class starts a new one each time, until closed. On close the lease is released, so a standby takes over at once
 * instead of after the lease duration.
 */
final class Leadership implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

  private final KubernetesClient client;
  private final LeaseSettings lease;
  private final Runnable onChange;
  private volatile boolean leader;
  private volatile boolean closed;
  private volatile String currentLeader = "";
  private volatile CompletableFuture<?> running;
  private Thread loop;

  /** {@code onChange} runs (on an elector thread) when this replica gains or loses the lease. */
  Leadership(KubernetesClient client, LeaseSettings lease, Runnable onChange) {
    this.client = client;
    this.lease = lease;
    this.onChange = onChange;
  }

  synchronized void start() {
    if (loop != null) {
      return;
    }
    loop = new Thread(this::participate, "leader-election");
    loop.setDaemon(true);
    loop.start();
  }

  boolean isLeader() {
    return leader && !closed;
  }

  /** The identity holding the lease, as last observed; empty when unknown. */
  String currentLeader() {
    return currentLeader;
  }

  private void participate() {
    while (!closed) {
      CompletableFuture<?> election = client.leaderElector().withConfig(config()).build().start();
      running = election;
      if (closed) {
        election.cancel(true);
      }
      try {
        election.get();
      } catch (ExecutionException | RuntimeException e) {
        if (!closed) {
          LOG.warn("leader election on lease {}/{} ended: {}", lease.namespace(), lease.name(),
              e.getClass().getName());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      setLeader(false);
      if (!closed && !pause()) {
        return;
      }
    }
  }

  /** One retry period between elections, so an election that fails at once does not spin; false if interrupted. */
  private boolean pause() {
    try {
      Thread.sleep(lease.retryPeriod().toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private LeaderElectionConfig config() {
    return new LeaderElectionConfigBuilder()
        .withName(lease.name())
        .withLock(new LeaseLock(lease.namespace(), lease.name(), lease.identity()))
        .withLeaseDuration(lease.leaseDuration())
        .withRenewDeadline(lease.renewDeadline())
        .withRetryPeriod(lease.retryPeriod())
        .withReleaseOnCancel(true)
        .withLeaderCallbacks(new LeaderCallbacks(() -> setLeader(true), () -> setLeader(false), leader -> {
          currentLeader = leader == null ? "" : leader;
          LOG.info("lease {}/{} held by {}", lease.namespace(), lease.name(), currentLeader);
        }))
        .build();
  }

  private void setLeader(boolean now) {
    if (leader != now) {
      leader = now;
      LOG.info("{} {} the lease {}/{}", lease.identity(), now ? "acquired" : "lost", lease.namespace(),
          lease.name());
      onChange.run();
    }
  }

  /** Stops participating and releases the lease if held; waits a little for the release. */
  @Override
  public void close() {
    closed = true;
    CompletableFuture<?> election = running;
    if (election != null) {
      election.cancel(true);
    }
    Thread t;
    synchronized (this) {
      t = loop;
    }
    if (t != null) {
      t.interrupt();
      try {
        t.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    setLeader(false);
  }
}
