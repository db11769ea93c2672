package io.logpipe.sinks;

import io.logpipe.runtime.errors.DeadLetterWriter;
import io.logpipe.runtime.health.ServiceMetrics;
import io.logpipe.sinks.loki.LokiSink;
import io.logpipe.sinks.opensearch.OpenSearchSink;
import io.logpipe.sinks.s3.FileObjectStore;
import io.logpipe.sinks.s3.ObjectLayout;
import io.logpipe.sinks.s3.ObjectStore;
import io.logpipe.sinks.s3.S3LayoutSink;
import io.logpipe.sinks.s3.S3ObjectStore;
import io.logpipe.sinks.s3.S3Settings;
import io.logpipe.sinks.worker.LogSink;
import io.logpipe.sinks.worker.SinkStats;
import io.logpipe.sinks.worker.SinkWorker;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Builds sink workers from their configuration: the consumer, the backend's {@link LogSink}, the dead letters. */
public final class SinkWorkers {

  private SinkWorkers() {}

  /** Starts a worker on its own thread in this process; close the handle to stop it. */
  public static RunningSink start(SinkConfig config) {
    return start(config, sink(config));
  }

  static RunningSink start(SinkConfig config, LogSink sink) {
    ServiceMetrics metrics = ServiceMetrics.bare("sink-" + config.backend().id());
    Parts parts = parts(config, sink, metrics);
    return new RunningSink(parts.worker(), parts.sink().target(), () -> {
      parts.close();
      metrics.close();
    }).start();
  }

  /** The pieces of one worker; {@link Parts#close} releases the consumer, sink and dead-letter producer. */
  public record Parts(SinkWorker worker, KafkaConsumer<byte[], byte[]> consumer, LogSink sink,
      DeadLetterWriter deadLetters) implements AutoCloseable {
    @Override
    public void close() {
      try (consumer; sink; deadLetters) {
        // closes all three, in reverse order, even if one fails
      }
    }
  }

  public static Parts parts(SinkConfig config, ServiceMetrics metrics) {
    return parts(config, sink(config), metrics);
  }

  /** As {@link #parts(SinkConfig, ServiceMetrics)} around a given sink (tests wrap one to inject failures). */
  static Parts parts(SinkConfig config, LogSink sink, ServiceMetrics metrics) {
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(consumerProperties(config), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    metrics.bind(consumer);
    DeadLetterWriter deadLetters =
        DeadLetterWriter.create(config.kafka(), stage(config), config.errorPolicy(), metrics);
    SinkWorker worker = new SinkWorker(consumer, config.topic(), sink, config.batch(), config.retryBackoff(),
        deadLetters, SinkStats.metered(metrics.registry(), config.backend().id()), InstantSource.system());
    return new Parts(worker, consumer, sink, deadLetters);
  }

  /** The stage name in dead-letter headers and metrics: {@code sink-s3}. */
  public static String stage(SinkConfig config) {
    return "sink-" + config.backend().id();
  }

  static Map<String, Object> consumerProperties(SinkConfig config) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, stage(config));
    // Offsets are committed by the worker, after the backend confirmed; the router writes transactionally.
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.min(1_000, config.batch().maxRecords()));
    props.putAll(config.kafka().clientProperties());
    return props;
  }

  static LogSink sink(SinkConfig config) {
    return switch (config.backend()) {
      case S3 -> {
        S3Settings s3 = config.s3().orElseThrow();
        yield new S3LayoutSink(new ObjectLayout(s3.prefix()), objectStore(s3));
      }
      case OPENSEARCH -> OpenSearchSink.create(config.opensearch().orElseThrow());
      case LOKI -> new LokiSink(config.loki().orElseThrow(), InstantSource.system());
    };
  }

  private static ObjectStore objectStore(S3Settings s3) {
    if (s3.isFileTarget()) {
      return new FileObjectStore(Path.of(s3.target()));
    }
    return S3ObjectStore.create(s3);
  }
}
