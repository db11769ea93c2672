package io.logpipe.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logpipe.runtime.config.ConfigException;
import io.logpipe.runtime.config.ConfigReader;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventsCollectorConfigTest {

  private static EventsCollectorConfig read(Map<String, String> flags, Map<String, String> env) {
    return EventsCollectorConfig.read(ConfigReader.of("EVENTS", flags, env, Optional.empty()));
  }

  @Test
  void hasDefaultsThatRunInACluster() {
    EventsCollectorConfig c = read(Map.of(), Map.of("POD_NAME", "collector-abc", "POD_NAMESPACE", "logging"));
    assertThat(c.outputTopic()).isEqualTo("logs.enriched.v1");
    assertThat(c.stateTopic()).isEqualTo("logs.events-collector.state.v1");
    assertThat(c.name()).isEqualTo("logpipe-k8s-events");
    assertThat(c.transactionalId()).isEqualTo("logpipe-k8s-events");
    assertThat(c.lease().name()).isEqualTo("logpipe-k8s-events");
    assertThat(c.lease().namespace()).isEqualTo("logging");
    assertThat(c.lease().identity()).isEqualTo("collector-abc");
    assertThat(c.lease().leaseDuration()).isEqualTo(Duration.ofSeconds(15));
    assertThat(c.maxEventAge()).isLessThan(c.stateRetention());
    assertThat(c.batchSize()).isEqualTo(500);
    assertThat(c.kafka().bootstrapServers()).isEqualTo("localhost:9092");
  }

  @Test
  void flagsWinOverTheEnvironmentAndTheNameSetsTheDerivedDefaults() {
    EventsCollectorConfig c = read(Map.of("BOOTSTRAP_SERVERS", "k:9092", "NAME", "prod-events"),
        Map.of("EVENTS_BOOTSTRAP_SERVERS", "other:9092", "EVENTS_OUTPUT_TOPIC", "t.out", "EVENTS_STATE_TOPIC", "t.st"));
    assertThat(c.kafka().bootstrapServers()).isEqualTo("k:9092");
    assertThat(c.transactionalId()).isEqualTo("prod-events");
    assertThat(c.lease().name()).isEqualTo("prod-events");
    assertThat(c.outputTopic()).isEqualTo("t.out");
    assertThat(c.stateTopic()).isEqualTo("t.st");
  }

  @Test
  void withoutAPodNameTheIdentityIsUniquePerProcess() {
    assertThat(read(Map.of(), Map.of()).lease().identity()).startsWith("logpipe-k8s-events-")
        .isNotEqualTo(read(Map.of(), Map.of()).lease().identity());
  }

  @Test
  void reportsEveryProblemAtOnce() {
    assertThatThrownBy(() -> read(Map.of(), Map.of(
        "EVENTS_MAX_EVENT_AGE", "8d",
        "EVENTS_RENEW_DEADLINE", "20s",
        "EVENTS_BATCH_SIZE", "0",
        "EVENTS_STATE_TOPIC", "logs.enriched.v1",
        "EVENTS_SYNC_TIMEOUT", "soon")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("EVENTS_MAX_EVENT_AGE")
        .hasMessageContaining("EVENTS_RENEW_DEADLINE")
        .hasMessageContaining("EVENTS_BATCH_SIZE")
        .hasMessageContaining("EVENTS_STATE_TOPIC")
        .hasMessageContaining("EVENTS_SYNC_TIMEOUT");
  }
}
