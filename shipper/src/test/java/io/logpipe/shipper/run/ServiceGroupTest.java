package io.logpipe.shipper.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.logpipe.runtime.health.HealthState;
import io.logpipe.runtime.service.Service;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ServiceGroupTest {

  /** Runs until stopped; ready once told to be. */
  static final class Member implements Service {
    final CountDownLatch stopped = new CountDownLatch(1);
    volatile boolean ready;
    volatile Exception failWith;
    volatile HealthState health;

    @Override
    public void run(HealthState health) throws Exception {
      this.health = health;
      health.markNotReady("starting");
      while (!stopped.await(10, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        if (failWith != null) {
          throw failWith;
        }
        if (ready) {
          health.markReady();
        }
      }
    }

    @Override
    public void stop() {
      stopped.countDown();
    }
  }

  private static Thread run(ServiceGroup group, HealthState health, AtomicReference<Throwable> failure) {
    Thread t = new Thread(() -> {
      try {
        group.run(health);
      } catch (Throwable e) {
        failure.set(e);
      }
    });
    t.start();
    return t;
  }

  @Test
  void isReadyOnlyWhenEveryMemberIsAndNamesTheOneThatIsNot() throws Exception {
    Member pods = new Member();
    Member journal = new Member();
    Map<String, Service> members = new LinkedHashMap<>();
    members.put("pods", pods);
    members.put("journal", journal);
    ServiceGroup group = new ServiceGroup(members);
    HealthState health = new HealthState();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = run(group, health, failure);

    pods.ready = true;
    await().atMost(Duration.ofSeconds(5)).until(() -> health.reason() != null && health.reason().startsWith("journal"));
    assertThat(health.isReady()).isFalse();
    journal.ready = true;
    await().atMost(Duration.ofSeconds(5)).until(health::isReady);

    group.stop();
    t.join(5000);
    assertThat(t.isAlive()).isFalse();
    assertThat(pods.stopped.getCount()).isZero();
    assertThat(journal.stopped.getCount()).isZero();
    assertThat(failure.get()).isNull();
  }

  @Test
  void theFirstMemberToFailStopsTheOthersAndFailsTheGroup() throws Exception {
    Member pods = new Member();
    Member files = new Member();
    ServiceGroup group = new ServiceGroup(Map.of("pods", pods, "files", files));
    files.failWith = new IllegalStateException("reading the files failed");

    assertThatThrownBy(() -> group.run(new HealthState())).hasMessage("reading the files failed");
    assertThat(pods.stopped.getCount()).as("the others stopped").isZero();
  }
}
