package io.logpipe.runtime.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logpipe.runtime.health.DropReason;
import io.logpipe.runtime.health.ServiceMetrics;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Response;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Result;
import org.junit.jupiter.api.Test;

class DeadLetterDeserializationHandlerTest {

  private final ServiceMetrics metrics = ServiceMetrics.bare("multiline");
  private final ConsumerRecord<byte[], byte[]> record =
      new ConsumerRecord<>("logs.raw.v1", 5, 9L, new byte[] {7}, new byte[] {8, 9});
  private final SerializationException error = new SerializationException("bad magic");

  private Response handle(Object policy) {
    DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
    handler.configure(Map.of(StreamsErrorConfig.STAGE, "multiline", StreamsErrorConfig.POLICY, policy,
        StreamsErrorConfig.METRICS, metrics));
    return handler.handleError(null, record, error);
  }

  @Test
  void deadLetterResumesWithTheConsumedBytes() {
    Response response = handle("dead-letter");
    assertThat(response.result()).isEqualTo(Result.RESUME);
    assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(dlq -> {
      assertThat(dlq.key()).containsExactly(7);
      assertThat(dlq.value()).containsExactly(8, 9);
      assertThat(DeadLettersTest.headers(dlq.headers()))
          .containsEntry(DeadLetterHeaders.STAGE, "multiline")
          .containsEntry(DeadLetterHeaders.TOPIC, "logs.raw.v1")
          .containsEntry(DeadLetterHeaders.PARTITION, "5")
          .containsEntry(DeadLetterHeaders.OFFSET, "9")
          .containsEntry(DeadLetterHeaders.ERROR_MESSAGE, "bad magic");
    });
  }

  @Test
  void dropResumesWithNothingAndCounts() {
    Response response = handle(ErrorPolicy.DROP);
    assertThat(response.result()).isEqualTo(Result.RESUME);
    assertThat(response.deadLetterQueueRecords()).isEmpty();
    assertThat(metrics.droppedCount("multiline", DropReason.UNDESERIALIZABLE)).isEqualTo(1.0);
  }

  @Test
  void failFails() {
    assertThat(handle("FAIL").result()).isEqualTo(Result.FAIL);
  }

  @Test
  void writesToAnotherDeadLetterTopicWhenConfigured() {
    DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
    handler.configure(Map.of(StreamsErrorConfig.STAGE, "multiline", StreamsErrorConfig.DLQ_TOPIC, "staging.dlq"));
    assertThat(handler.handleError(null, record, error).deadLetterQueueRecords())
        .singleElement().extracting(r -> r.topic()).isEqualTo("staging.dlq");
  }

  @Test
  void refusesAMissingStageOrAnUnknownPolicy() {
    DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
    assertThatThrownBy(() -> handler.configure(Map.of())).isInstanceOf(ConfigException.class)
        .hasMessageContaining(StreamsErrorConfig.STAGE);
    assertThatThrownBy(() -> handler.configure(Map.of(StreamsErrorConfig.STAGE, "x",
        StreamsErrorConfig.POLICY, "retry-forever"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining(StreamsErrorConfig.POLICY);
  }
}
