package io.logpipe.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.logpipe.runtime.config.KafkaSettings;
import io.logpipe.runtime.health.HealthState;
import io.logpipe.runtime.health.ServiceMetrics;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.Topics;
import io.logpipe.sinks.worker.BatchPolicy;
import io.logpipe.sinks.worker.ReplayWindow;
import io.logpipe.testkit.KafkaBroker;
import io.logpipe.testkit.KafkaTest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code logpipe replay}: a time range of a sink topic delivered again with a fresh group, then the worker stops. */
@KafkaTest
class ReplayIT {

  private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

  private static KafkaBroker broker;

  @TempDir
  Path dir;

  @Test
  void deliversExactlyTheRecordsOfTheTimeRangeAndReturns() throws Exception {
    String topic = broker.uniqueName("sink-replay");
    broker.createTopic(topic, 2);
    try (KafkaProducer<String, LogEvent> producer = broker.producer(Topics.SINK_S3)) {
      for (int minute = 0; minute < 10; minute++) {
        LogEvent event = TestEvents.event("ns-r", TestEvents.TIME, minute * 100L, "minute " + minute);
        long timestamp = START.plus(Duration.ofMinutes(minute)).toEpochMilli();
        producer.send(new ProducerRecord<>(topic, minute % 2, timestamp, TestEvents.key("ns-r"), event)).get();
      }
    }
    SinkConfig config = SinkConfig.s3Directory(new KafkaSettings(broker.bootstrapServers(), Map.of()), dir)
        .withTopic(topic).withGroupId(broker.uniqueName("replay-group"))
        .withBatch(new BatchPolicy(100, 1 << 20, Duration.ofMillis(200)));
    ReplayWindow window = new ReplayWindow(START.plus(Duration.ofMinutes(3)),
        Optional.of(START.plus(Duration.ofMinutes(6))));

    long delivered;
    try (ServiceMetrics metrics = ServiceMetrics.bare("replay-it");
        SinkWorkers.Parts parts = SinkWorkers.parts(config, metrics)) {
      assertTimeoutPreemptively(Duration.ofSeconds(60),
          () -> parts.worker().replaying(window).run(new HealthState()));
      delivered = parts.worker().stats().delivered();
    }

    assertThat(delivered).isEqualTo(4);
    List<String> messages = new ArrayList<>();
    for (byte[] object : SinkTestSupport.objects(dir).values()) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(object))) {
        new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
            .map(line -> line.replaceAll("^.*\"message\":\"([^\"]*)\".*$", "$1")).forEach(messages::add);
      }
    }
    assertThat(messages).containsExactlyInAnyOrder("minute 3", "minute 4", "minute 5", "minute 6");
  }
}
