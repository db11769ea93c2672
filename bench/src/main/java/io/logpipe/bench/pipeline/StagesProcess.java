package io.logpipe.bench.pipeline;

import io.logpipe.enricher.EnricherMetrics;
import io.logpipe.enricher.streams.EnricherStep;
import io.logpipe.multiline.MultilineConfig;
import io.logpipe.multiline.streams.MultilineMetrics;
import io.logpipe.multiline.streams.MultilineStep;
import io.logpipe.redactor.RedactorCommand;
import io.logpipe.redactor.RedactorConfig;
import io.logpipe.redactor.RedactorMetrics;
import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.runtime.config.KafkaSettings;
import io.logpipe.runtime.errors.ErrorPolicy;
import io.logpipe.runtime.health.HealthServer;
import io.logpipe.runtime.health.HealthState;
import io.logpipe.runtime.health.ServiceMetrics;
import io.logpipe.runtime.streams.StageTopology;
import io.logpipe.runtime.streams.StreamsRunner;
import io.logpipe.runtime.streams.StreamsSettings;
import io.logpipe.schemas.Topics;
import io.logpipe.sinks.route.RouterConfig;
import io.logpipe.sinks.route.RouterServiceMetrics;
import io.logpipe.sinks.route.RouterStep;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A Kafka Streams application of the end-to-end bench in its own JVM, so that its CPU is read alone from /proc:
 * {@code fused} runs multiline → enricher (no Kubernetes API: path metadata and parsed bodies, as {@code local}
 * does) → redactor → router in one topology from {@code logs.raw.v1} to the sink topics; {@code identity} copies
 * {@code logs.raw.v1} byte for byte to {@value #IDENTITY_TOPIC} with the same exactly-once settings, the one-hop
 * ceiling DESIGN.md measures ("one Kafka Streams hop tops out near 220k records/s"). Both read the stages'
 * {@code MULTILINE_*}, {@code REDACTOR_*}, {@code ROUTER_*} variables and {@code BENCH_KAFKA_*} client overrides.
 *
 * <pre>StagesProcess fused|identity BOOTSTRAP HTTP_PORT STATE_DIR</pre>
 */
public final class StagesProcess {

  static final String IDENTITY_TOPIC = "bench.identity";
  static final String PREFIX = "BENCH";

  private StagesProcess() {}

  public static void main(String[] args) {
    String mode = args[0];
    Map<String, String> kafka = Map.of("BOOTSTRAP_SERVERS", args[1]);
    ServiceMetrics metrics = ServiceMetrics.create("bench-" + mode);
    Topology topology = switch (mode) {
      case "fused" -> fused(kafka, metrics);
      case "identity" -> identity();
      default -> throw new IllegalArgumentException("mode fused or identity, not " + mode);
    };
    KafkaSettings settings = read(PREFIX, kafka, KafkaSettings::read);
    Properties props = StreamsSettings.forStage("logpipe-bench-" + mode, settings, Path.of(args[3]), mode,
        ErrorPolicy.DEAD_LETTER, metrics);
    HealthState health = new HealthState();
    int code;
    try (metrics; HealthServer server = HealthServer.start(Integer.parseInt(args[2]), metrics.registry(), health)) {
      System.out.println("bench " + mode + ": /metrics and /readyz on port " + server.port());
      code = StreamsRunner.runUntilShutdown(topology, props, health, metrics, StreamsRunner.DEFAULT_CLOSE_TIMEOUT);
    }
    System.exit(code);
  }

  /** The same four steps, built from the same configuration, as {@code logpipe local --fused} runs them. */
  private static Topology fused(Map<String, String> kafka, ServiceMetrics metrics) {
    MultilineConfig multiline = read(MultilineConfig.PREFIX, kafka, MultilineConfig::read);
    RedactorConfig redactor = read(RedactorConfig.PREFIX, kafka, RedactorConfig::read);
    RouterConfig router = read(RouterConfig.PREFIX, kafka, RouterConfig::read);
    return StageTopology.ending(Topics.RAW,
        new MultilineStep(multiline.settings(), new MultilineMetrics(metrics.registry()), Clock.systemUTC())
            .andThen(EnricherStep.withoutApi(new EnricherMetrics(metrics)))
            .andThen(RedactorCommand.step(redactor, new RedactorMetrics(metrics)))
            .thenEnd(RouterStep.of(router, new RouterServiceMetrics(metrics))));
  }

  private static Topology identity() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(Topics.RAW.name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
            .withName(StageTopology.sourceName(Topics.RAW)))
        .to(IDENTITY_TOPIC, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("to-" + IDENTITY_TOPIC));
    return builder.build();
  }

  private static <C> C read(String prefix, Map<String, String> flags, Function<ConfigReader, C> read) {
    ConfigReader r = ConfigReader.fromEnvironment(prefix, flags);
    C config = read.apply(r);
    r.done();
    return config;
  }
}
