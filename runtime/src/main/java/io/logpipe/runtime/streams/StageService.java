package io.logpipe.runtime.streams;

import io.logpipe.runtime.config.ConfigException;
import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.runtime.health.HealthServer;
import io.logpipe.runtime.health.HealthState;
import io.logpipe.runtime.health.ServiceMetrics;
import io.logpipe.runtime.service.ExitCodes;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Kafka Streams stage as a service, the same way for every stage: configuration read and validated (an
 * invalid one exits {@link ExitCodes#CONFIG} with every problem listed), the settings logged with secrets masked,
 * {@code /metrics}, {@code /healthz} and {@code /readyz} served, then the topology run until SIGTERM.
 *
 * @param <C> the stage's configuration record
 */
public final class StageService<C> {

  private static final Logger LOG = LoggerFactory.getLogger(StageService.class);

  private final String stage;
  private final Function<ConfigReader, C> read;
  private final Function<C, StageSettings> settings;
  private final BiFunction<C, ServiceMetrics, Topology> topology;

  /**
   * @param read reads the stage's configuration (throwing {@link ConfigException} when invalid)
   * @param settings the shared stage settings inside it
   * @param topology builds the stage's topology from it, counting into the service's metrics
   */
  public StageService(String stage, Function<ConfigReader, C> read, Function<C, StageSettings> settings,
      BiFunction<C, ServiceMetrics, Topology> topology) {
    this.stage = stage;
    this.read = read;
    this.settings = settings;
    this.topology = topology;
  }

  /** Runs until shutdown; returns the process exit code. */
  public int run(ConfigReader reader) {
    Optional<C> read = reader.readOrReport(stage, this.read);
    if (read.isEmpty()) {
      return ExitCodes.CONFIG;
    }
    C config = read.get();
    StageSettings common = settings.apply(config);
    ServiceMetrics metrics = ServiceMetrics.create(stage);
    HealthState health = new HealthState();
    Topology built = topology.apply(config, metrics);
    try (metrics; HealthServer server = HealthServer.start(common.http().port(), metrics.registry(), health)) {
      LOG.info("{}: health and metrics on port {}", stage, server.port());
      return StreamsRunner.runUntilShutdown(built, common.streamsProperties(metrics), health, metrics,
          StreamsRunner.DEFAULT_CLOSE_TIMEOUT);
    }
  }
}
