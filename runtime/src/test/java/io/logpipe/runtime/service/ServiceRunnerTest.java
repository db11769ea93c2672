package io.logpipe.runtime.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.logpipe.runtime.health.HealthState;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ServiceRunnerTest {

  private final HealthState health = new HealthState();
  private final AtomicReference<Runnable> shutdown = new AtomicReference<>();

  /** Works until stopped; {@code stopIgnored} makes it ignore the first stop (a stuck service). */
  static final class Worker implements Service {
    final CountDownLatch stopped = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final boolean ignoreStop;

    Worker(boolean ignoreStop) {
      this.ignoreStop = ignoreStop;
    }

    @Override
    public void run(HealthState health) throws InterruptedException {
      health.markReady();
      stopped.await();
      if (ignoreStop) {
        release.await();
      }
    }

    @Override
    public void stop() {
      stopped.countDown();
    }
  }

  private CompletableFuture<Integer> run(Service service, Duration closeTimeout) {
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
        () -> ServiceRunner.runUntilShutdown("worker", service, health, closeTimeout, shutdown::set));
    await().atMost(Duration.ofSeconds(5)).until(() -> shutdown.get() != null);
    return exit;
  }

  @Test
  void shutdownStopsTheServiceAndExitsZero() {
    Worker worker = new Worker(false);
    CompletableFuture<Integer> exit = run(worker, Duration.ofSeconds(5));
    await().atMost(Duration.ofSeconds(5)).until(health::isReady);
    assertThat(exit).isNotDone();

    shutdown.get().run();

    assertThat(exit).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(ExitCodes.OK);
    assertThat(health.isReady()).isFalse();
    assertThat(health.isAlive()).isTrue();
  }

  @Test
  void aFailingServiceExitsNonZeroAndIsNoLongerAlive() {
    Service failing = new Service() {
      @Override
      public void run(HealthState health) {
        throw new IllegalStateException("disk gone");
      }

      @Override
      public void stop() {}
    };
    CompletableFuture<Integer> exit = run(failing, Duration.ofSeconds(5));
    assertThat(exit).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(ExitCodes.FAILED);
    assertThat(health.isAlive()).isFalse();
    assertThat(health.reason()).contains("java.lang.IllegalStateException");
  }

  @Test
  void aServiceThatDoesNotStopInTimeExitsWithTheTimeoutCode() throws InterruptedException {
    Worker stuck = new Worker(true);
    CompletableFuture<Integer> exit = run(stuck, Duration.ofMillis(200));
    await().atMost(Duration.ofSeconds(5)).until(health::isReady);

    shutdown.get().run();

    assertThat(exit).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(ExitCodes.STOP_TIMEOUT);
    stuck.release.countDown();
    assertThat(stuck.stopped.await(1, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aServiceThatReturnsByItselfExitsZero() {
    Service oneShot = new Service() {
      @Override
      public void run(HealthState health) {}

      @Override
      public void stop() {}
    };
    assertThat(run(oneShot, Duration.ofSeconds(1))).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(ExitCodes.OK);
  }
}
