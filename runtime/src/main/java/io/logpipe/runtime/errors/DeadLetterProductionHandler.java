package io.logpipe.runtime.errors;

import io.logpipe.runtime.health.DropReason;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the stage's {@link ErrorPolicy} to output records that cannot be serialised, and to records the producer
 * refuses (too large, invalid) when the stage runs at-least-once. Retriable send errors are retried, as Streams'
 * default handler does. The dead letter carries the source record's bytes when there is one (an output too large
 * for its topic would be too large for the DLQ too), else the produced bytes.
 *
 * <p>Under exactly-once a refused send leaves the producer's transaction aborted whatever this handler answers:
 * Kafka 4.3.1 then fails the commit and the client dies anyway, and a dead letter sent from the producer's I/O
 * thread can stall it for {@code max.block.ms} (measured: 60 s, then the same failure). So under exactly-once a
 * refused send fails at once, logged with the reason; stages must bound what they produce (maximum event sizes
 * below the topics' {@code max.message.bytes}). Serialisation errors happen before the send and follow the policy
 * in both modes. Fatal producer errors (fencing) never reach this handler.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProductionHandler.class);

  private PoisonRecords poison;
  private boolean exactlyOnce;

  @Override
  public void configure(Map<String, ?> configs) {
    poison = StreamsErrorConfig.from(configs).poisonRecords();
    exactlyOnce = StreamsConfig.EXACTLY_ONCE_V2.equals(String.valueOf(configs.get(
        StreamsConfig.PROCESSING_GUARANTEE_CONFIG)));
  }

  @Override
  public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
      Exception exception) {
    if (exception instanceof RetriableException) {
      return Response.retry();
    }
    if (exactlyOnce) {
      LOG.error("stage {}: Kafka refused an output record for {} ({}); under exactly-once its transaction is lost,"
          + " so the stage stops: bound the record size upstream", poison.stage(), record.topic(),
          exception.getClass().getName());
      return Response.fail();
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
