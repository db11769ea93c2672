package io.logpipe.runtime.errors;

import io.logpipe.runtime.health.DropReason;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;

/**
 * Applies the stage's {@link ErrorPolicy} when an output record cannot be serialised or is refused by the producer
 * (too large, invalid). Retriable send errors are retried, as Streams' default handler does. The dead letter carries
 * the source record's bytes when there is one (an output too large for its topic would be too large for the DLQ
 * too), else the produced bytes. Fatal producer errors (fencing) never reach this handler: Streams handles them.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {

  private PoisonRecords poison;

  @Override
  public void configure(Map<String, ?> configs) {
    poison = StreamsErrorConfig.from(configs).poisonRecords();
  }

  @Override
  public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
      Exception exception) {
    if (exception instanceof RetriableException) {
      return Response.retry();
    }
    return apply(context, record.key(), record.value(), exception);
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
      SerializationExceptionOrigin origin) {
    return apply(context, null, null, exception);
  }

  private Response apply(ErrorHandlerContext context, byte[] producedKey, byte[] producedValue, Exception exception) {
    boolean hasSource = context.sourceRawKey() != null || context.sourceRawValue() != null;
    PoisonRecords.Verdict verdict = poison.judge(context.topic(), context.partition(), context.offset(),
        hasSource ? context.sourceRawKey() : producedKey, hasSource ? context.sourceRawValue() : producedValue,
        exception, DropReason.PRODUCTION_ERROR);
    if (!verdict.resume()) {
      return Response.fail();
    }
    return verdict.deadLetter().map(dlq -> Response.resume(List.of(dlq))).orElseGet(Response::resume);
  }
}
