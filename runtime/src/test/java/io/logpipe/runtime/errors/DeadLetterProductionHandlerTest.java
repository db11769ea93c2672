package io.logpipe.runtime.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Response;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Result;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.SerializationExceptionOrigin;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

class DeadLetterProductionHandlerTest {

  /** The context of a record read from logs.enriched.v1-1@40. */
  record Context(byte[] sourceRawKey, byte[] sourceRawValue) implements ErrorHandlerContext {
    @Override
    public String topic() {
      return "logs.enriched.v1";
    }

    @Override
    public int partition() {
      return 1;
    }

    @Override
    public long offset() {
      return 40L;
    }

    @Override
    public Headers headers() {
      return new RecordHeaders();
    }

    @Override
    public String processorNodeId() {
      return "to-logs.redacted.v1";
    }

    @Override
    public TaskId taskId() {
      return new TaskId(0, 1);
    }

    @Override
    public long timestamp() {
      return 0L;
    }
  }

  private final Context context = new Context(new byte[] {1}, new byte[] {2, 2});
  private final ProducerRecord<byte[], byte[]> produced =
      new ProducerRecord<>("logs.redacted.v1", new byte[] {9}, new byte[] {9, 9, 9});

  private static DeadLetterProductionHandler handler(String guarantee) {
    Map<String, Object> configs = new HashMap<>();
    configs.put(StreamsErrorConfig.STAGE, "redactor");
    configs.put(StreamsErrorConfig.POLICY, "DEAD_LETTER");
    configs.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
    DeadLetterProductionHandler handler = new DeadLetterProductionHandler();
    handler.configure(configs);
    return handler;
  }

  @Test
  void retriesRetriableSendErrors() {
    assertThat(handler(StreamsConfig.AT_LEAST_ONCE).handleError(context, produced, new NotEnoughReplicasException("x"))
        .result()).isEqualTo(Result.RETRY);
  }

  @Test
  void atLeastOnceDeadLettersTheSourceRecordOfARefusedOutput() {
    Response response = handler(StreamsConfig.AT_LEAST_ONCE).handleError(context, produced,
        new RecordTooLargeException("too big"));
    assertThat(response.result()).isEqualTo(Result.RESUME);
    assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(dlq -> {
      assertThat(dlq.key()).containsExactly(1);
      assertThat(dlq.value()).containsExactly(2, 2);
      assertThat(DeadLettersTest.headers(dlq.headers()))
          .containsEntry(DeadLetterHeaders.TOPIC, "logs.enriched.v1")
          .containsEntry(DeadLetterHeaders.OFFSET, "40")
          .containsEntry(DeadLetterHeaders.ERROR_CLASS, RecordTooLargeException.class.getName());
    });
  }

  @Test
  void exactlyOnceFailsARefusedOutputAtOnceBecauseItsTransactionIsLost() {
    Response response = handler(StreamsConfig.EXACTLY_ONCE_V2).handleError(context, produced,
        new RecordTooLargeException("too big"));
    assertThat(response.result()).isEqualTo(Result.FAIL);
    assertThat(response.deadLetterQueueRecords()).isEmpty();
  }

  @Test
  void serialisationErrorsFollowThePolicyEvenUnderExactlyOnce() {
    Response response = handler(StreamsConfig.EXACTLY_ONCE_V2).handleSerializationError(context, produced,
        new SerializationException("cannot encode"), SerializationExceptionOrigin.VALUE);
    assertThat(response.result()).isEqualTo(Result.RESUME);
    assertThat(response.deadLetterQueueRecords()).singleElement()
        .satisfies(dlq -> assertThat(dlq.value()).containsExactly(2, 2));
  }

  @Test
  void withoutASourceRecordTheProducedBytesAreDeadLettered() {
    Response response = handler(StreamsConfig.AT_LEAST_ONCE).handleError(new Context(null, null), produced,
        new RecordTooLargeException("too big"));
    assertThat(response.deadLetterQueueRecords()).singleElement()
        .satisfies(dlq -> assertThat(dlq.value()).containsExactly(9, 9, 9));
  }
}
