package io.logpipe.runtime.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.runtime.health.HealthState;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamsHealthTest {

  @ParameterizedTest
  @CsvSource({
      "CREATED, true, false, starting (Kafka Streams CREATED)",
      "REBALANCING, true, false, rebalancing (Kafka Streams REBALANCING)",
      "RUNNING, true, true, ready",
      "PENDING_SHUTDOWN, true, false, shutting down (Kafka Streams PENDING_SHUTDOWN)",
      "NOT_RUNNING, true, false, stopped (Kafka Streams NOT_RUNNING)",
      "PENDING_ERROR, false, false, failed (Kafka Streams PENDING_ERROR)",
      "ERROR, false, false, failed (Kafka Streams ERROR)"})
  void mapsEveryStreamsStateToHealth(State state, boolean alive, boolean ready, String reason) {
    HealthState health = new HealthState();
    new StreamsHealth(health).onChange(state, State.CREATED);
    assertThat(health.isAlive()).isEqualTo(alive);
    assertThat(health.isReady()).isEqualTo(ready);
    assertThat(health.reason()).isEqualTo(reason);
  }

  @ParameterizedTest
  @CsvSource({"REBALANCING", "RUNNING", "NOT_RUNNING"})
  void aFailedClientStaysFailed(State later) {
    HealthState health = new HealthState();
    StreamsHealth mapping = new StreamsHealth(health);
    mapping.apply(State.ERROR);
    mapping.apply(later);
    assertThat(health.isAlive()).isFalse();
    assertThat(health.reason()).isEqualTo("failed (Kafka Streams ERROR)");
  }
}
