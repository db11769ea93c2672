package io.logpipe.sinks.route;

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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code logpipe router}: the routing stage as a service, from {@code logs.redacted.v1} to the sink topics, until
 * SIGTERM. Flags override the {@code ROUTER_*} environment (see the module README).
 */
@Command(name = "router", mixinStandardHelpOptions = true,
    description = "Route redacted events to the sink topics (logs.sink.{loki,opensearch,s3}.v1) by rules.")
public final class RouterCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(RouterCommand.class);

  @Option(names = "--bootstrap-servers", description = "Kafka bootstrap servers (ROUTER_BOOTSTRAP_SERVERS).")
  String bootstrapServers;

  @Option(names = "--default-sinks", split = ",", description = "Sinks of events no rule matches, e.g. s3 "
      + "(ROUTER_DEFAULT_SINKS; default loki,opensearch,s3).")
  List<String> defaultSinks;

  @Option(names = "--rule", paramLabel = "NAME.FIELD=VALUE", description = "A rule field, repeatable, e.g. "
      + "--rule errors.severity='>=ERROR' --rule errors.sinks=loki (ROUTER_RULE_<NAME>_<FIELD>); fields: sinks, "
      + "namespace, container, severity, message, labels.")
  Map<String, String> rules;

  @Option(names = "--application-id", description = "Kafka Streams application id (ROUTER_APPLICATION_ID).")
  String applicationId;

  @Option(names = "--http-port", description = "Port of /metrics, /healthz, /readyz (ROUTER_HTTP_PORT).")
  Integer httpPort;

  @Option(names = "--config-file", description = "YAML settings file (ROUTER_CONFIG_FILE).")
  String configFile;

  @Override
  public Integer call() {
    RouterConfig config;
    ConfigReader reader = ConfigReader.fromEnvironment(RouterConfig.PREFIX, flags());
    try {
      config = RouterConfig.read(reader);
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      return ExitCodes.CONFIG;
    }
    LOG.info("router settings:\n{}\nroutes:\n{}", reader.describe(), config.describeRouting());
    ServiceMetrics metrics = ServiceMetrics.create("router");
    HealthState health = new HealthState();
    Topology topology = StageTopology.ending(Topics.REDACTED,
        RouterStep.of(config, new RouterServiceMetrics(metrics)));
    Properties props = StreamsSettings.forStage(config.applicationId(), config.kafka(), config.stateDir(),
        RouterServiceMetrics.STAGE, config.errorPolicy(), metrics);
    try (metrics; HealthServer server = HealthServer.start(config.http().port(), metrics.registry(), health)) {
      LOG.info("router: health and metrics on port {}", server.port());
      return StreamsRunner.runUntilShutdown(topology, props, health, metrics, StreamsRunner.DEFAULT_CLOSE_TIMEOUT);
    }
  }

  /** Flags as un-prefixed setting names; a rule {@code errors.sinks} becomes {@code RULE_ERRORS_SINKS}. */
  Map<String, String> flags() {
    Map<String, String> flags = new HashMap<>();
    put(flags, "BOOTSTRAP_SERVERS", bootstrapServers);
    put(flags, "DEFAULT_SINKS", defaultSinks == null ? null : String.join(",", defaultSinks));
    put(flags, "APPLICATION_ID", applicationId);
    put(flags, "HTTP_PORT", httpPort == null ? null : httpPort.toString());
    put(flags, ConfigReader.CONFIG_FILE, configFile);
    if (rules != null) {
      rules.forEach((field, value) ->
          flags.put("RULE_" + field.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), value));
    }
    return flags;
  }

  private static void put(Map<String, String> flags, String name, String value) {
    if (value != null) {
      flags.put(name, value);
    }
  }
}
