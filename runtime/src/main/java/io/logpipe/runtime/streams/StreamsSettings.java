package io.logpipe.runtime.streams;

import io.logpipe.runtime.config.KafkaSettings;
import io.logpipe.runtime.errors.DeadLetterDeserializationHandler;
import io.logpipe.runtime.errors.DeadLetterProcessingHandler;
import io.logpipe.runtime.errors.DeadLetterProductionHandler;
import io.logpipe.runtime.errors.ErrorPolicy;
import io.logpipe.runtime.errors.StreamsErrorConfig;
import io.logpipe.runtime.health.ServiceMetrics;
import io.logpipe.schemas.Topics;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams configuration of a stage: exactly-once v2, the logpipe exception handlers applying the stage's
 * {@link ErrorPolicy}, and defaults chosen for EOS latency. Client overrides ({@code <PREFIX>_KAFKA_*}) are applied
 * last, so an operator can change any of them ({@code MULTILINE_KAFKA_COMMIT_INTERVAL_MS=1000}).
 */
public final class StreamsSettings {

  /**
   * Under EOS a record is visible downstream only when its transaction commits, so the commit interval is the
   * floor of the end-to-end latency per hop; 100 ms is Streams' own EOS default and keeps five hops under a second.
   */
  public static final int COMMIT_INTERVAL_MS = 100;

  /**
   * Producer batches of 64 KiB instead of Kafka's 16 KiB. Each lz4 batch pays a fixed cost (Kafka's lz4 writer
   * allocates a 64 KiB block and its compressed twin per batch, however little it holds), and stages that write
   * larger records than they read (the enricher: 2.5 times) close more batches per event. Measured on an identity
   * topology (issue 5): 177.6 k to 277.6 k events per stage CPU-second. Latency is unchanged in practice: a batch
   * leaves when full, after {@code linger.ms}, or at the exactly-once commit, whichever comes first.
   */
  public static final int PRODUCER_BATCH_BYTES = 64 * 1024;

  public static Properties forStage(String applicationId, KafkaSettings kafka, Path stateDir, String stage,
      ErrorPolicy policy) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Integer.toString(COMMIT_INTERVAL_MS));
    // Dead letters carry a whole poison record, which can be as large as the biggest raw line.
    props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), Topics.MAX_RECORD_BYTES);
    props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
    // Global stores (none today) get the same policy. Kafka 4.3 warns without it and deprecates the key (true is
    // 5.0's fixed behaviour), hence the literal name.
    props.put("processing.exception.handler.global.enabled", "true");
    props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class);
    props.put(StreamsErrorConfig.STAGE, stage);
    props.put(StreamsErrorConfig.POLICY, policy.name());
    props.putAll(kafka.clientOverrides());
    // After the overrides, and only where the operator set neither form: a producer.-prefixed key would win over
    // the operator's plain one (e.g. STAGE_KAFKA_COMPRESSION_TYPE=zstd), silently.
    producerDefault(props, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    producerDefault(props, ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(PRODUCER_BATCH_BYTES));
    return props;
  }

  private static void producerDefault(Properties props, String key, String value) {
    String prefixed = StreamsConfig.producerPrefix(key);
    if (!props.containsKey(prefixed) && !props.containsKey(key)) {
      props.put(prefixed, value);
    }
  }

  /** As above, with {@code metrics} counting what the handlers drop and dead-letter. */
  public static Properties forStage(String applicationId, KafkaSettings kafka, Path stateDir, String stage,
      ErrorPolicy policy, ServiceMetrics metrics) {
    Properties props = forStage(applicationId, kafka, stateDir, stage, policy);
    props.put(StreamsErrorConfig.METRICS, metrics);
    return props;
  }

  private StreamsSettings() {}
}
