package io.logpipe.deploy;

import io.logpipe.enricher.EnricherMetrics;
import io.logpipe.events.collector.EventsMetrics;
import io.logpipe.multiline.streams.MultilineMetrics;
import io.logpipe.redactor.RedactorMetrics;
import io.logpipe.runtime.health.DropReason;
import io.logpipe.runtime.health.ServiceMetrics;
import io.logpipe.shipper.ShipperMetrics;
import io.logpipe.shipper.tail.ShipProgress;
import io.logpipe.sinks.route.RouterServiceMetrics;
import io.logpipe.sinks.worker.SinkStats;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

/** The metric names (Prometheus form) and their labels that the components' own code registers. */
final class ExportedMetrics {

  private ExportedMetrics() {}

  /**
   * Builds each component's meters exactly as its service does, on one registry: the runtime's JVM and process
   * meters, every stage's own metrics class, and Micrometer's bindings of real Kafka clients and a Kafka Streams
   * client (constructed, never started: nothing connects). Counters registered on first use (dead letters, drops,
   * redactions by rule) are used once.
   */
  static Map<String, Set<String>> scrape(Path stateDir) {
    try (ServiceMetrics metrics = ServiceMetrics.create("dashboard-test")) {
      new ShipperMetrics(metrics, new ShipProgress());
      new MultilineMetrics(metrics.registry());
      new EnricherMetrics(metrics);
      new RedactorMetrics(metrics).redacted("email", 1);
      new RouterServiceMetrics(metrics);
      SinkStats.metered(metrics.registry(), "s3");
      new EventsMetrics(metrics);
      metrics.recordsDropped("multiline", DropReason.EXCLUDED);
      metrics.deadLettered("multiline", "org.example.Boom");
      String nowhere = "127.0.0.1:9";
      try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
              Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, nowhere), new ByteArraySerializer(),
              new ByteArraySerializer());
          KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
              Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, nowhere, ConsumerConfig.GROUP_ID_CONFIG, "g"),
              new ByteArrayDeserializer(), new ByteArrayDeserializer());
          KafkaStreams streams = streams(nowhere, stateDir)) {
        metrics.bind(producer);
        metrics.bind(consumer);
        metrics.bind(streams);
        return parse(metrics.registry().scrape());
      }
    }
  }

  private static KafkaStreams streams(String bootstrap, Path stateDir) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in").to("out");
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dashboard-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    return new KafkaStreams(builder.build(), props);
  }

  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})?\\s");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");

  /** Prometheus text format: metric name → label names seen on its samples. */
  static Map<String, Set<String>> parse(String scrape) {
    Map<String, Set<String>> names = new HashMap<>();
    scrape.lines().filter(line -> !line.startsWith("#")).forEach(line -> {
      Matcher m = SAMPLE.matcher(line);
      if (m.find()) {
        Set<String> labels = names.computeIfAbsent(m.group(1), n -> new TreeSet<>());
        if (m.group(3) != null) {
          Matcher l = LABEL.matcher(m.group(3));
          while (l.find()) {
            labels.add(l.group(1));
          }
        }
      }
    });
    return names;
  }
}
