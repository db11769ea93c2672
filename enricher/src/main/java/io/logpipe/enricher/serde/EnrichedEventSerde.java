package io.logpipe.enricher.serde;

import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.Topic;
import io.logpipe.schemas.Topics;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The value serde of the enricher's output topic: writes the same bytes as {@link Topics#LOG_EVENT} (so the redactor
 * and the sinks read them with the normal serde), faster for enriched events (see {@link EnrichedEventWriter});
 * reads with {@link Topics#LOG_EVENT}. It never changes the events it writes, so a step handing objects on (fused
 * mode) is unaffected. Thread-safe.
 */
public final class EnrichedEventSerde implements Serde<LogEvent> {

  /**
   * {@link Topics#ENRICHED} with a new instance of this serde for its values: the topic the enricher service writes.
   * A new one per call, so that the kept encodings belong to the topology using them, never to the JVM.
   */
  public static Topic<String, LogEvent> enrichedOutput() {
    return new Topic<>(Topics.ENRICHED.name(), Topics.ENRICHED.keySerde(), new EnrichedEventSerde());
  }

  private final EnrichedEventWriter writer = new EnrichedEventWriter();

  @Override
  public Serializer<LogEvent> serializer() {
    return (topic, event) -> event == null ? null : writer.write(event);
  }

  @Override
  public Deserializer<LogEvent> deserializer() {
    return Topics.LOG_EVENT.deserializer();
  }
}
