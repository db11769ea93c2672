package io.logpipe.multiline;

import io.logpipe.multiline.streams.MultilineMetrics;
import io.logpipe.multiline.streams.MultilineStep;
import io.logpipe.runtime.config.ConfigException;
import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.runtime.health.HealthServer;
import io.logpipe.runtime.health.HealthState;
import io.logpipe.runtime.health.ServiceMetrics;
import io.logpipe.runtime.service.ExitCodes;
import io.logpipe.runtime.streams.StageTopology;
import io.logpipe.runtime.streams.StreamsRunner;
import io.logpipe.runtime.streams.StreamsSettings;
import io.logpipe.schemas.Topics;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code logpipe multiline}: the multiline stage as a service, from {@code logs.raw.v1} to {@code logs.events.v1},
 * until SIGTERM. Flags override the {@code MULTILINE_*} environment (see the module README).
 */
@Command(name = "multiline", mixinStandardHelpOptions = true,
    description = "Parse CRI/docker lines, join partial lines and reassemble multi-line events "
        + "(logs.raw.v1 -> logs.events.v1).")
public final class MultilineCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(MultilineCommand.class);
  static final String STAGE = "multiline";

  @Option(names = "--bootstrap-servers", description = "Kafka bootstrap servers (MULTILINE_BOOTSTRAP_SERVERS).")
  String bootstrapServers;

  @Option(names = "--format", description = "auto, cri, docker or plain (MULTILINE_FORMAT; default auto).")
  String format;

  @Option(names = "--rules-file", description = "JSON multi-line rules (MULTILINE_RULES_FILE).")
  String rulesFile;

  @Option(names = "--quiet-time", description = "Emit an open event after this long without a line, e.g. 1s "
      + "(MULTILINE_QUIET_TIME; default 1s).")
  String quietTime;

  @Option(names = "--max-lines", description = "Lines per event (MULTILINE_MAX_LINES; default 1000).")
  Integer maxLines;

  @Option(names = "--max-bytes", description = "Bytes per event, e.g. 512KiB (MULTILINE_MAX_BYTES).")
  String maxBytes;

  @Option(names = "--overflow", description = "truncate or split (MULTILINE_OVERFLOW; default truncate).")
  String overflow;

  @Option(names = "--application-id", description = "Kafka Streams application id (MULTILINE_APPLICATION_ID).")
  String applicationId;

  @Option(names = "--http-port", description = "Port of /metrics, /healthz, /readyz (MULTILINE_HTTP_PORT).")
  Integer httpPort;

  @Option(names = "--config-file", description = "YAML settings file (MULTILINE_CONFIG_FILE).")
  String configFile;

  @Override
  public Integer call() {
    ConfigReader reader = ConfigReader.fromEnvironment(MultilineConfig.PREFIX, flags());
    MultilineConfig config;
    try {
      config = MultilineConfig.read(reader);
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      return ExitCodes.CONFIG;
    }
    LOG.info("multiline settings:\n{}", reader.describe());
    ServiceMetrics metrics = ServiceMetrics.create(STAGE);
    HealthState health = new HealthState();
    Topology topology = StageTopology.between(Topics.RAW,
        new MultilineStep(config.settings(), new MultilineMetrics(metrics.registry()), Clock.systemUTC()),
        Topics.EVENTS);
    Properties props = StreamsSettings.forStage(config.applicationId(), config.kafka(), config.stateDir(), STAGE,
        config.errorPolicy(), metrics);
    try (metrics; HealthServer server = HealthServer.start(config.http().port(), metrics.registry(), health)) {
      LOG.info("multiline: health and metrics on port {}", server.port());
      return StreamsRunner.runUntilShutdown(topology, props, health, metrics, StreamsRunner.DEFAULT_CLOSE_TIMEOUT);
    }
  }

  /** Flags as un-prefixed setting names. */
  Map<String, String> flags() {
    Map<String, String> flags = new HashMap<>();
    put(flags, "BOOTSTRAP_SERVERS", bootstrapServers);
    put(flags, "FORMAT", format);
    put(flags, "RULES_FILE", rulesFile);
    put(flags, "QUIET_TIME", quietTime);
    put(flags, "MAX_LINES", maxLines == null ? null : maxLines.toString());
    put(flags, "MAX_BYTES", maxBytes);
    put(flags, "OVERFLOW", overflow);
    put(flags, "APPLICATION_ID", applicationId);
    put(flags, "HTTP_PORT", httpPort == null ? null : httpPort.toString());
    put(flags, ConfigReader.CONFIG_FILE, configFile);
    return flags;
  }

  private static void put(Map<String, String> flags, String name, String value) {
    if (value != null) {
      flags.put(name, value);
    }
  }
}
