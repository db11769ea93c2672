package io.logpipe.runtime.streams;

import io.logpipe.runtime.health.HealthState;
import io.logpipe.runtime.health.ServiceMetrics;
import io.logpipe.runtime.service.ExitCodes;
import io.logpipe.runtime.service.ExitWithRunnerCode;
import io.logpipe.runtime.service.ShutdownSignal;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the lifecycle of one {@link KafkaStreams} client: starts it with its state mapped to {@link HealthState}
 * ({@link StreamsHealth}), turns an uncaught error into a shut-down client and a non-zero exit code, and closes it
 * within a bound, leaving the consumer group so that another instance takes the tasks at once.
 *
 * <p>Never calls {@code System.exit}: {@link #awaitTermination()} and {@link #runUntilShutdown} return the exit
 * code and {@code main} decides.
 */
public final class StreamsRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsRunner.class);

  /** Fits with a flush of the last transaction in Kubernetes' default 30 s termination grace period. */
  public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(20);

  private final KafkaStreams streams;
  private final CountDownLatch terminated = new CountDownLatch(1);
  private final AtomicReference<Throwable> fatal = new AtomicReference<>();
  private volatile boolean errorState;

  private StreamsRunner(KafkaStreams streams, HealthState health) {
    this.streams = streams;
    StreamsHealth mapping = new StreamsHealth(health);
    mapping.apply(streams.state());
    streams.setStateListener((newState, oldState) -> {
      mapping.onChange(newState, oldState);
      if (newState == KafkaStreams.State.ERROR) {
        errorState = true;
      }
      if (newState == KafkaStreams.State.ERROR || newState == KafkaStreams.State.NOT_RUNNING) {
        terminated.countDown();
      }
    });
    streams.setUncaughtExceptionHandler(e -> {
      fatal.compareAndSet(null, e);
      health.markFailed("failed: " + e.getClass().getName());
      LOG.error("uncaught error in a stream thread; shutting down the client", e);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
  }

  /** Creates and starts a client for {@code topology}. */
  public static StreamsRunner start(Topology topology, Properties props, HealthState health) {
    return start(new KafkaStreams(topology, props), health);
  }

  /** As above, binding the client's metrics to {@code metrics}. */
  public static StreamsRunner start(Topology topology, Properties props, HealthState health, ServiceMetrics metrics) {
    KafkaStreams streams = new KafkaStreams(topology, props);
    metrics.bind(streams);
    return start(streams, health);
  }

  /** Starts a client built by the caller (not yet started). */
  public static StreamsRunner start(KafkaStreams streams, HealthState health) {
    StreamsRunner runner = new StreamsRunner(Objects.requireNonNull(streams, "streams"), health);
    streams.start();
    return runner;
  }

  /**
   * Starts the topology, registers the JVM shutdown hook (SIGTERM) that closes the client within
   * {@code closeTimeout}, waits until the client stops, and returns the exit code, which is also the process's exit
   * code after SIGTERM (not the JVM's 143).
   */
  public static int runUntilShutdown(Topology topology, Properties props, HealthState health,
      ServiceMetrics metrics, Duration closeTimeout) {
    ExitWithRunnerCode exit = new ExitWithRunnerCode();
    return exit.decided(runUntilShutdown(start(topology, props, health, metrics), closeTimeout, exit));
  }

  /** As above for a started runner and a given shutdown signal (tests fire their own). */
  public static int runUntilShutdown(StreamsRunner runner, Duration closeTimeout, ShutdownSignal signal) {
    signal.onShutdown(() -> runner.close(closeTimeout));
    int code = runner.awaitTermination();
    if (code != ExitCodes.OK) {
      runner.close(closeTimeout);
    }
    return code;
  }

  public KafkaStreams streams() {
    return streams;
  }

  /** The error that stopped a stream thread, if any. */
  public Throwable failure() {
    return fatal.get();
  }

  /** Blocks until the client is NOT_RUNNING or ERROR; {@link ExitCodes#OK} only for a requested, clean stop. */
  public int awaitTermination() {
    try {
      terminated.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.FAILED;
    }
    return exitCode();
  }

  /** The exit code as of now: FAILED after an uncaught error or the ERROR state, else OK. */
  public int exitCode() {
    return fatal.get() != null || errorState ? ExitCodes.FAILED : ExitCodes.OK;
  }

  /** Closes the client, waiting at most {@code timeout}; true when it closed in time. */
  public boolean close(Duration timeout) {
    boolean closed = streams.close(CloseOptions.timeout(timeout)
        .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    if (!closed) {
      LOG.warn("Kafka Streams did not close within {}", timeout);
    }
    return closed;
  }

  @Override
  public void close() {
    close(DEFAULT_CLOSE_TIMEOUT);
  }
}
