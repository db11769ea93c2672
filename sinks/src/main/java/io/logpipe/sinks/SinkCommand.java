package io.logpipe.sinks;

import io.logpipe.runtime.cli.ServiceOptions;
import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.runtime.health.HealthServer;
import io.logpipe.runtime.health.HealthState;
import io.logpipe.runtime.health.ServiceMetrics;
import io.logpipe.runtime.service.ExitCodes;
import io.logpipe.runtime.service.ServiceRunner;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code logpipe sink --backend s3 --target file:///dir --bootstrap-servers …}: one backend's worker as a service,
 * until SIGTERM. Flags override the {@code SINK_*} environment (see the module README).
 */
@Command(name = "sink", mixinStandardHelpOptions = true,
    description = "Deliver a sink topic to its backend (loki, opensearch, s3), committing only what it confirmed.")
public final class SinkCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(SinkCommand.class);

  @Mixin ServiceOptions common;

  @Option(names = "--backend", description = "loki, opensearch or s3 (SINK_BACKEND).")
  String backend;

  @Option(names = "--target", description = "Where to deliver: for s3 file:///dir or s3://bucket[/prefix] "
      + "(SINK_S3_TARGET).")
  String target;

  @Option(names = "--group-id", description = "Consumer group (SINK_GROUP_ID; default logpipe-sink-<backend>).")
  String groupId;

  @Override
  public Integer call() {
    Optional<SinkConfig> read = ConfigReader.fromEnvironment(SinkConfig.PREFIX, flags())
        .readOrReport("sink", SinkConfig::read);
    if (read.isEmpty()) {
      return ExitCodes.CONFIG;
    }
    SinkConfig config = read.get();
    String stage = SinkWorkers.stage(config);
    HealthState health = new HealthState();
    try (ServiceMetrics metrics = ServiceMetrics.create(stage);
        SinkWorkers.Parts parts = SinkWorkers.parts(config, metrics);
        HealthServer server = HealthServer.start(config.http().port(), metrics.registry(), health)) {
      LOG.info("{}: delivering {} to {}; health and metrics on port {}", stage, config.topic(),
          parts.sink().target(), server.port());
      return ServiceRunner.runUntilShutdown(stage, parts.worker(), health, ServiceRunner.DEFAULT_CLOSE_TIMEOUT);
    }
  }

  /** Flags as un-prefixed setting names; {@code --target} is the chosen backend's address. */
  Map<String, String> flags() {
    Map<String, String> flags = common.flags();
    ServiceOptions.put(flags, "BACKEND", backend);
    ServiceOptions.put(flags, "GROUP_ID", groupId);
    if (target != null) {
      String kind = backend == null ? "s3" : backend.toLowerCase(Locale.ROOT);
      ServiceOptions.put(flags, switch (kind) {
        case "loki" -> "LOKI_URL";
        case "opensearch" -> "OPENSEARCH_URL";
        default -> "S3_TARGET";
      }, target);
    }
    return flags;
  }

}
