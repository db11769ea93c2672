package io.logpipe.runtime.streams;

import io.logpipe.runtime.health.HealthState;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Maps {@link KafkaStreams.State} to readiness and liveness: RUNNING is ready; CREATED, REBALANCING and the
 * shutdown states are not ready, with the state as the reason; PENDING_ERROR and ERROR are failed, so the liveness
 * probe restarts a client whose threads have all died.
 */
public final class StreamsHealth implements KafkaStreams.StateListener {

  private final HealthState health;

  public StreamsHealth(HealthState health) {
    this.health = health;
  }

  @Override
  public void onChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
    apply(newState);
  }

  public void apply(KafkaStreams.State state) {
    switch (state) {
      case RUNNING -> health.markReady();
      case CREATED -> health.markNotReady("starting (Kafka Streams CREATED)");
      case REBALANCING -> health.markNotReady("rebalancing (Kafka Streams REBALANCING)");
      case PENDING_SHUTDOWN -> health.markNotReady("shutting down (Kafka Streams PENDING_SHUTDOWN)");
      case NOT_RUNNING -> health.markNotReady("stopped (Kafka Streams NOT_RUNNING)");
      case PENDING_ERROR, ERROR -> health.markFailed("failed (Kafka Streams " + state + ")");
      default -> health.markNotReady("Kafka Streams " + state);
    }
  }
}
