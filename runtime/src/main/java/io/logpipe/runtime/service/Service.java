package io.logpipe.runtime.service;

import io.logpipe.runtime.health.HealthState;

/**
 * A long-running service that is not a Kafka Streams application (the shipper, a sink worker), in the shape the
 * {@link ServiceRunner} drives: {@link #run} does the work on the runner's thread until {@link #stop} is called
 * or it fails.
 */
public interface Service {

  /**
   * Does the work; returns when stopped, throws when it fails (the runner then exits non-zero). Marks
   * {@code health} ready once it can take work, and not ready when it cannot (Kafka unreachable, backend down).
   */
  void run(HealthState health) throws Exception;

  /**
   * Asks {@link #run} to return soon (finishing the current batch); must not block. Called from another thread,
   * possibly before {@link #run} has started (a SIGTERM during start-up): {@code run} must then return at once.
   */
  void stop();
}
