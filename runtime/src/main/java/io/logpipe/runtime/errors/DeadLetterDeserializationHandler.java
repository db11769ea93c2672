package io.logpipe.runtime.errors;

import io.logpipe.runtime.health.DropReason;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Applies the stage's {@link ErrorPolicy} to records Kafka Streams cannot deserialise. The dead letter carries the
 * consumed bytes as they were; Streams writes it inside the task's exactly-once transaction (KIP-1034), so the
 * record is either dead-lettered and passed, or neither.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

  private PoisonRecords poison;

  @Override
  public void configure(Map<String, ?> configs) {
    poison = StreamsErrorConfig.from(configs).poisonRecords();
  }

  @Override
  public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
      Exception exception) {
    PoisonRecords.Verdict verdict = poison.judge(record.topic(), record.partition(), record.offset(), record.key(),
        record.value(), exception, DropReason.UNDESERIALIZABLE);
    if (!verdict.resume()) {
      return Response.fail();
    }
    return verdict.deadLetter().map(dlq -> Response.resume(List.of(dlq))).orElseGet(Response::resume);
  }
}
