package io.logpipe.runtime.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.logpipe.runtime.config.KafkaSettings;
import io.logpipe.runtime.errors.ErrorPolicy;
import io.logpipe.runtime.health.HealthState;
import io.logpipe.runtime.health.ServiceMetrics;
import io.logpipe.runtime.service.ExitCodes;
import io.logpipe.schemas.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's lifecycle without a broker: the client stays REBALANCING, which is all these tests need. */
class StreamsRunnerTest {

  static final Topic<String, String> IN = new Topic<>("in.v1", Serdes.String(), Serdes.String());
  static final Topic<String, String> OUT = new Topic<>("out.v1", Serdes.String(), Serdes.String());

  @TempDir Path stateDir;

  private Properties props() {
    // Port 9 (discard) on loopback: nothing listens, so the client retries and never leaves REBALANCING.
    Properties props = StreamsSettings.forStage("runner-test", new KafkaSettings("127.0.0.1:9",
        Map.of("reconnect.backoff.max.ms", "200")), stateDir, "test", ErrorPolicy.DEAD_LETTER);
    return props;
  }

  @Test
  void isNotReadyWhileRebalancingAndExitsCleanlyWhenAskedToStop() {
    HealthState health = new HealthState();
    AtomicReference<Runnable> shutdown = new AtomicReference<>();
    try (ServiceMetrics metrics = ServiceMetrics.bare("test")) {
      StreamsRunner runner = StreamsRunner.start(StageTopology.between(IN, Step.identity(), OUT), props(), health,
          metrics);
      await().atMost(Duration.ofSeconds(10)).until(() -> runner.streams().state() == KafkaStreams.State.REBALANCING);
      assertThat(health.isReady()).isFalse();
      assertThat(health.reason()).contains("REBALANCING");
      assertThat(health.isAlive()).isTrue();
      assertThat(metrics.registry().getMeters()).as("Kafka Streams metrics are bound").isNotEmpty();

      CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
          () -> StreamsRunner.runUntilShutdown(runner, Duration.ofSeconds(10), shutdown::set));
      await().atMost(Duration.ofSeconds(5)).until(() -> shutdown.get() != null);
      assertThat(exit).isNotDone();

      shutdown.get().run();

      assertThat(exit).succeedsWithin(Duration.ofSeconds(15)).isEqualTo(ExitCodes.OK);
      assertThat(runner.streams().state()).isEqualTo(KafkaStreams.State.NOT_RUNNING);
      assertThat(health.isReady()).isFalse();
      assertThat(health.reason()).contains("NOT_RUNNING");
      assertThat(runner.failure()).isNull();
    }
  }
}
