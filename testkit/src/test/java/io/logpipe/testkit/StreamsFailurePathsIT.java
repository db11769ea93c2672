package io.logpipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.runtime.config.KafkaSettings;
import io.logpipe.runtime.errors.DeadLetterHeaders;
import io.logpipe.runtime.errors.ErrorPolicy;
import io.logpipe.runtime.errors.StreamsErrorConfig;
import io.logpipe.runtime.health.HealthState;
import io.logpipe.runtime.service.ExitCodes;
import io.logpipe.runtime.streams.StageTopology;
import io.logpipe.runtime.streams.Step;
import io.logpipe.runtime.streams.StreamsRunner;
import io.logpipe.runtime.streams.StreamsSettings;
import io.logpipe.schemas.Topic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

/**
 * runtime's failure paths against a real broker under exactly_once_v2, where TopologyTestDriver cannot show them:
 * dead letters from the deserialization and processing handlers committed with the stage's output, and a FAIL
 * policy turning into a failed client and a non-zero exit. Each test has its own dead-letter topic
 * ({@code logpipe.dlq.topic}), so the JVM-wide pipeline topics stay untouched.
 */
@KafkaTest
class StreamsFailurePathsIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Step<String, String> UPPER_UNLESS_POISON = in -> in.mapValues(v -> {
    if (v.contains("poison")) {
      throw new IllegalStateException("cannot handle this one");
    }
    return v.toUpperCase(Locale.ROOT);
  });

  private final Topic<String, String> in;
  private final Topic<String, String> out;
  private final String dlq;
  private final KafkaBroker broker;

  StreamsFailurePathsIT(KafkaBroker broker) {
    this.broker = broker;
    in = new Topic<>(broker.uniqueName("failure-in"), Serdes.String(), Serdes.String());
    out = new Topic<>(broker.uniqueName("failure-out"), Serdes.String(), Serdes.String());
    dlq = broker.uniqueName("failure-dlq");
    for (String topic : List.of(in.name(), out.name(), dlq)) {
      broker.createTopic(topic, 1);
    }
  }

  private Properties props(ErrorPolicy policy) {
    String app = broker.uniqueName("failure-app");
    Properties props = StreamsSettings.forStage(app,
        new KafkaSettings(broker.bootstrapServers(), Map.of("consumer.auto.offset.reset", "earliest")),
        Path.of(System.getProperty("java.io.tmpdir"), "kafka-streams", app), "upper", policy);
    props.put(StreamsErrorConfig.DLQ_TOPIC, dlq);
    return props;
  }

  private void send(byte[]... values) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer = broker.producer()) {
      for (byte[] value : values) {
        producer.send(new ProducerRecord<>(in.name(), bytes("ns/pod/uid/c"), value)).get();
      }
    }
  }

  @Test
  void deadLettersFromBothHandlersAreCommittedWithTheOutput() throws Exception {
    Topic<String, Integer> numbers = new Topic<>(in.name(), Serdes.String(), Serdes.Integer());
    Topic<String, Integer> doubled = new Topic<>(out.name(), Serdes.String(), Serdes.Integer());
    send(new byte[] {1, 2, 3}, new byte[] {0, 0, 0, 21});

    try (StreamsRunner runner = StreamsRunner.start(
        StageTopology.between(numbers, s -> s.mapValues(n -> {
          if (n == 21) {
            throw new IllegalStateException("no odd numbers");
          }
          return n * 2;
        }), doubled), props(ErrorPolicy.DEAD_LETTER), new HealthState())) {
      List<ConsumerRecord<byte[], byte[]>> letters = broker.readCommitted(dlq, new ByteArrayDeserializer(),
          new ByteArrayDeserializer(), 2, TIMEOUT);

      assertThat(letters).extracting(ConsumerRecord::value)
          .containsExactly(new byte[] {1, 2, 3}, new byte[] {0, 0, 0, 21});
      assertThat(letters).extracting(r -> header(r, DeadLetterHeaders.ERROR_CLASS)).containsExactly(
          "org.apache.kafka.common.errors.SerializationException", "java.lang.IllegalStateException");
      assertThat(letters).extracting(r -> header(r, DeadLetterHeaders.OFFSET)).containsExactly("0", "1");
      assertThat(letters).allSatisfy(r -> {
        assertThat(r.key()).isEqualTo(bytes("ns/pod/uid/c"));
        assertThat(header(r, DeadLetterHeaders.TOPIC)).isEqualTo(in.name());
        assertThat(header(r, DeadLetterHeaders.STAGE)).isEqualTo("upper");
      });
      assertThat(runner.streams().state().isRunningOrRebalancing()).isTrue();
    }
  }

  @Test
  void processingErrorUnderDeadLetterLetsTheRestThrough() throws Exception {
    send(bytes("a poison pill"), bytes("fine"));
    HealthState health = new HealthState();
    try (StreamsRunner runner = StreamsRunner.start(StageTopology.between(in, UPPER_UNLESS_POISON, out),
        props(ErrorPolicy.DEAD_LETTER), health)) {
      assertThat(broker.readCommitted(out, 1, TIMEOUT)).extracting(ConsumerRecord::value).containsExactly("FINE");
      assertThat(broker.readCommitted(dlq, new ByteArrayDeserializer(), new ByteArrayDeserializer(), 1, TIMEOUT))
          .extracting(ConsumerRecord::value).containsExactly(bytes("a poison pill"));
      assertThat(health.isAlive()).isTrue();
      assertThat(runner.failure()).isNull();
    }
  }

  @Test
  void failPolicyStopsTheClientAndExitsNonZero() throws Exception {
    send(bytes("poison"), bytes("fine"));
    HealthState health = new HealthState();
    StreamsRunner runner = StreamsRunner.start(StageTopology.between(in, UPPER_UNLESS_POISON, out),
        props(ErrorPolicy.FAIL), health);

    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
        () -> StreamsRunner.runUntilShutdown(runner, Duration.ofSeconds(10), action -> { }));

    assertThat(exit).succeedsWithin(TIMEOUT).isEqualTo(ExitCodes.FAILED);
    assertThat(health.isAlive()).isFalse();
    assertThat(health.reason()).contains("StreamsException");
    assertThat(runner.failure()).hasRootCauseInstanceOf(IllegalStateException.class);
    assertThat(broker.readAllCommitted(out, Duration.ofSeconds(1))).as("nothing passes the poison record").isEmpty();
  }

  @Test
  void anOutputKafkaRefusesUnderExactlyOnceFailsTheStageAtOnce() throws Exception {
    Topic<String, String> small = new Topic<>(broker.uniqueName("failure-small"), Serdes.String(), Serdes.String());
    broker.createTopic(small.name(), 1, Map.of("max.message.bytes", "2000"));
    send(bytes("grow"));
    Properties props = props(ErrorPolicy.DEAD_LETTER);
    props.put("producer.compression.type", "none");
    HealthState health = new HealthState();
    StreamsRunner runner = StreamsRunner.start(StageTopology.between(in,
        s -> s.mapValues(v -> v.repeat(1000)), small), props, health);

    assertThat(CompletableFuture.supplyAsync(runner::awaitTermination))
        .succeedsWithin(Duration.ofSeconds(30)).isEqualTo(ExitCodes.FAILED);
    runner.close();
    assertThat(health.isAlive()).isFalse();
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
