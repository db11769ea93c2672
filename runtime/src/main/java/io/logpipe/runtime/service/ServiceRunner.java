package io.logpipe.runtime.service;

import io.logpipe.runtime.health.HealthState;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link Service} until it stops, fails or is asked to stop, and returns the process exit code (never calls
 * {@code System.exit}: {@code main} decides). On shutdown it calls {@link Service#stop()} and waits at most the
 * close timeout; the kubelet's grace period (30 s by default) must be longer.
 */
public final class ServiceRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

  /** A bound on stopping that fits in Kubernetes' default 30 s termination grace period. */
  public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(20);

  /**
   * Runs until SIGTERM (JVM shutdown), failure or a normal return; after SIGTERM the process exits with the
   * returned code, not the JVM's 143.
   */
  public static int runUntilShutdown(String name, Service service, HealthState health, Duration closeTimeout) {
    ExitWithRunnerCode exit = new ExitWithRunnerCode();
    return exit.decided(runUntilShutdown(name, service, health, closeTimeout, exit));
  }

  public static int runUntilShutdown(String name, Service service, HealthState health, Duration closeTimeout,
      ShutdownSignal signal) {
    Objects.requireNonNull(service, "service");
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch finished = new CountDownLatch(1);
    CountDownLatch outcome = new CountDownLatch(1);
    AtomicBoolean stopTimedOut = new AtomicBoolean();
    Thread worker = new Thread(() -> {
      try {
        service.run(health);
      } catch (Throwable e) {
        failure.set(e);
        health.markFailed(name + " failed: " + e.getClass().getName());
        LOG.error("{} failed", name, e);
      } finally {
        finished.countDown();
        outcome.countDown();
      }
    }, name);
    signal.onShutdown(() -> {
      if (finished.getCount() == 0) {
        return;
      }
      health.markNotReady("shutting down");
      LOG.info("{}: shutdown requested, stopping within {}", name, closeTimeout);
      service.stop();
      if (!awaitQuietly(finished, closeTimeout)) {
        LOG.error("{}: did not stop within {}", name, closeTimeout);
        stopTimedOut.set(true);
        outcome.countDown();
      }
    });
    worker.start();
    awaitQuietly(outcome, null);
    if (failure.get() != null) {
      return ExitCodes.FAILED;
    }
    if (stopTimedOut.get()) {
      return ExitCodes.STOP_TIMEOUT;
    }
    health.markNotReady("stopped");
    return ExitCodes.OK;
  }

  /** Waits for the latch, at most {@code timeout} (forever when null); true when it opened. */
  private static boolean awaitQuietly(CountDownLatch latch, Duration timeout) {
    try {
      if (timeout == null) {
        latch.await();
        return true;
      }
      return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private ServiceRunner() {}
}
