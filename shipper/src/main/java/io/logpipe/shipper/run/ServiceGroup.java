package io.logpipe.shipper.run;

import io.logpipe.runtime.health.HealthState;
import io.logpipe.runtime.service.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Several services as one (pod logs, extra files, journal: one process per node): each runs on its own thread with
 * its own health; the group is ready when every member is, not ready with the first member's reason otherwise. The
 * first member to fail stops the others and fails the group, so the process exits non-zero and restarts whole.
 */
public final class ServiceGroup implements Service {

  private static final long HEALTH_POLL_MS = 200;

  private final Map<String, Service> members;
  private final CountDownLatch stopRequested = new CountDownLatch(1);

  public ServiceGroup(Map<String, Service> members) {
    this.members = new LinkedHashMap<>(members);
  }

  @Override
  public void run(HealthState health) throws Exception {
    AtomicReference<Exception> failure = new AtomicReference<>();
    Map<String, HealthState> states = new LinkedHashMap<>();
    List<Thread> threads = new ArrayList<>();
    CountDownLatch anyEnded = new CountDownLatch(1);
    members.forEach((name, service) -> {
      HealthState own = new HealthState();
      states.put(name, own);
      Thread t = new Thread(() -> {
        try {
          service.run(own);
        } catch (Exception e) {
          failure.compareAndSet(null, e);
        } catch (Error e) {
          failure.compareAndSet(null, new IllegalStateException(name + " failed: " + e, e));
        } finally {
          anyEnded.countDown();
        }
      }, "source-" + name);
      threads.add(t);
    });
    threads.forEach(Thread::start);
    try {
      while (!anyEnded.await(HEALTH_POLL_MS, TimeUnit.MILLISECONDS) && stopRequested.getCount() > 0) {
        report(health, states);
      }
    } finally {
      members.values().forEach(Service::stop);
      for (Thread t : threads) {
        t.join();
      }
    }
    if (failure.get() != null) {
      throw failure.get();
    }
  }

  private static void report(HealthState health, Map<String, HealthState> states) {
    for (Map.Entry<String, HealthState> e : states.entrySet()) {
      if (!e.getValue().isReady()) {
        health.markNotReady(e.getKey() + ": " + e.getValue().reason());
        return;
      }
    }
    health.markReady();
  }

  @Override
  public void stop() {
    stopRequested.countDown();
  }
}
