package io.logpipe.sinks;

import io.logpipe.runtime.health.HealthState;
import io.logpipe.sinks.worker.SinkStats;
import io.logpipe.sinks.worker.SinkWorker;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A sink worker running on its own thread in this process (the {@code local} mode and tests): how much it
 * delivered, where, and whether it failed. {@link #close} stops it, delivering what is pending, within a bound.
 */
public final class RunningSink implements AutoCloseable {

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(20);

  private final SinkWorker worker;
  private final String target;
  private final HealthState health = new HealthState();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final Thread thread;
  private final AutoCloseable resources;

  RunningSink(SinkWorker worker, String target, AutoCloseable resources) {
    this.worker = worker;
    this.target = target;
    this.resources = resources;
    this.thread = new Thread(this::run, "sink-" + target);
    this.thread.setDaemon(true);
  }

  RunningSink start() {
    thread.start();
    return this;
  }

  private void run() {
    try {
      worker.run(health);
    } catch (Throwable e) {
      failure.set(e);
      health.markFailed("sink failed: " + e);
    }
  }

  /** Events the backend confirmed and whose offsets are committed. */
  public long delivered() {
    return worker.stats().delivered();
  }

  public SinkStats stats() {
    return worker.stats();
  }

  /** Where the events go, e.g. {@code file:///tmp/logpipe/out/}. */
  public String target() {
    return target;
  }

  public HealthState health() {
    return health;
  }

  /** The error that stopped the worker, if it stopped by failing. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure.get());
  }

  public boolean isRunning() {
    return thread.isAlive();
  }

  @Override
  public void close() {
    worker.stop();
    try {
      thread.join(CLOSE_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      resources.close();
    } catch (Exception e) {
      throw new IllegalStateException("cannot close the sink's resources", e);
    }
  }
}
