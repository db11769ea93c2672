package io.logpipe.redactor.streams;

import io.logpipe.runtime.streams.Step;
import io.logpipe.schemas.LogEvent;
import java.util.List;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * The redactor as a composable step: {@code logs.enriched.v1} events in, redacted events out, events a policy
 * drops removed. Stateless, so no store and no repartition: one named stateless processor.
 */
public final class RedactorStep implements Step<LogEvent, LogEvent> {
  /** Name of the processor node; stable across refactorings. */
  public static final String PROCESSOR = "redactor-redact";

  private final EventRedactor redactor;

  public RedactorStep(EventRedactor redactor) {
    this.redactor = redactor;
  }

  @Override
  public KStream<String, LogEvent> apply(KStream<String, LogEvent> input) {
    return input.flatMapValues(event -> redactor.redact(event).map(List::of).orElse(List.of()), Named.as(PROCESSOR));
  }
}
