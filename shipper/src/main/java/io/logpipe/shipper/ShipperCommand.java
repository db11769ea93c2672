package io.logpipe.shipper;

import io.logpipe.runtime.cli.ServiceOptions;
import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.runtime.health.HealthServer;
import io.logpipe.runtime.health.HealthState;
import io.logpipe.runtime.health.ServiceMetrics;
import io.logpipe.runtime.service.ExitCodes;
import io.logpipe.runtime.service.Service;
import io.logpipe.runtime.service.ServiceRunner;
import io.logpipe.shipper.run.ShipperServices;
import io.logpipe.shipper.run.SourcesConfig;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code logpipe shipper --log-root DIR --bootstrap-servers HOST:PORT --node-name NAME [--exclude-namespaces LIST]
 * [--mode exactly-once|at-least-once]} (issue 3, "Command line"). Every flag is also a {@code SHIPPER_*} variable
 * (the node name also plain {@code NODE_NAME}); flags win. Runs until SIGTERM, finishes the open batch, returns 0.
 */
@Command(name = "shipper", mixinStandardHelpOptions = true,
    description = "Tail every container log under the log root and ship each line to logs.raw.v1 exactly once.")
public final class ShipperCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(ShipperCommand.class);

  @Mixin ServiceOptions common;

  @Option(names = "--log-root", paramLabel = "DIR",
      description = "Directory laid out like /var/log/pods (env SHIPPER_LOG_ROOT, default /var/log/pods).")
  String logRoot;

  @Option(names = "--node-name", paramLabel = "NAME",
      description = "This node's name; the transactional id derives from it (env NODE_NAME or SHIPPER_NODE_NAME).")
  String nodeName;

  @Option(names = "--exclude-namespaces", paramLabel = "LIST",
      description = "Comma-separated namespaces not shipped; \"\" excludes none (env SHIPPER_EXCLUDE_NAMESPACES, "
          + "default kube-system).")
  String excludeNamespaces;

  @Option(names = "--mode", paramLabel = "exactly-once|at-least-once",
      description = "Delivery guarantee (env SHIPPER_MODE, default exactly-once).")
  String mode;

  @Option(names = "--positions-file", paramLabel = "FILE",
      description = "At-least-once mode's local positions file (env SHIPPER_POSITIONS_FILE).")
  String positionsFile;

  @Override
  public Integer call() {
    Optional<Settings> read = ConfigReader.fromEnvironment("SHIPPER", flags())
        .readOrReport("shipper", r -> new Settings(ShipperConfig.read(r), SourcesConfig.read(r)));
    if (read.isEmpty()) {
      return ExitCodes.CONFIG;
    }
    ShipperConfig config = read.get().shipper();
    HealthState health = new HealthState();
    try (ServiceMetrics metrics = ServiceMetrics.create("shipper");
        HealthServer http = HealthServer.start(config.http().port(), metrics.registry(), health)) {
      LOG.info("health and metrics on port {}", http.port());
      // Pod logs, plus the extra node files and the journal when switched on; or sidecar mode (issue 9).
      Service shipper = ShipperServices.of(config, read.get().sources(), metrics, Clock.systemUTC());
      // After SIGTERM the process exits with the runner's code: 0 once the open transaction is finished (issue 3).
      return ServiceRunner.runUntilShutdown("shipper", shipper, health, ServiceRunner.DEFAULT_CLOSE_TIMEOUT);
    }
  }

  /** Everything the command reads, every problem reported at once. */
  record Settings(ShipperConfig shipper, SourcesConfig sources) {}

  /** The flags given, under their configuration names (flags win over the environment). */
  Map<String, String> flags() {
    Map<String, String> flags = common.flags();
    ServiceOptions.put(flags, "LOG_ROOT", logRoot);
    ServiceOptions.put(flags, "NODE_NAME", nodeName);
    ServiceOptions.put(flags, "EXCLUDE_NAMESPACES", excludeNamespaces);
    ServiceOptions.put(flags, "MODE", mode);
    ServiceOptions.put(flags, "POSITIONS_FILE", positionsFile);
    return flags;
  }

}
