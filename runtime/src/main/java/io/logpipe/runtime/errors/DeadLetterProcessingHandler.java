package io.logpipe.runtime.errors;

import io.logpipe.runtime.health.DropReason;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Applies the stage's {@link ErrorPolicy} when a processor throws. The dead letter carries the bytes of the
 * SOURCE record that led to the failure ({@link ErrorHandlerContext#sourceRawKey()}, {@code sourceRawValue()}),
 * not the intermediate object, so it can be replayed into the stage's input topic. An error in a punctuation has
 * no source record: its dead letter has no key or value, only the headers.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

  private PoisonRecords poison;

  @Override
  public void configure(Map<String, ?> configs) {
    poison = StreamsErrorConfig.from(configs).poisonRecords();
  }

  @Override
  public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    PoisonRecords.Verdict verdict = poison.judge(context.topic(), context.partition(), context.offset(),
        context.sourceRawKey(), context.sourceRawValue(), exception, DropReason.PROCESSING_ERROR);
    if (!verdict.resume()) {
      return Response.fail();
    }
    return verdict.deadLetter().map(dlq -> Response.resume(List.of(dlq))).orElseGet(Response::resume);
  }
}
