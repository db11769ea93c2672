package io.logpipe.enricher;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.logpipe.enricher.cache.InformerMetadataSource;
import io.logpipe.enricher.cache.MetadataCache;
import io.logpipe.enricher.cache.MetadataSource;
import io.logpipe.enricher.serde.EnrichedEventSerde;
import io.logpipe.enricher.streams.EnricherStep;
import io.logpipe.runtime.cli.ServiceOptions;
import io.logpipe.runtime.cli.StageOptions;
import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.runtime.health.HealthServer;
import io.logpipe.runtime.health.HealthState;
import io.logpipe.runtime.health.ServiceMetrics;
import io.logpipe.runtime.service.ExitCodes;
import io.logpipe.runtime.streams.StageTopology;
import io.logpipe.runtime.streams.StreamsRunner;
import io.logpipe.schemas.Topics;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code logpipe enricher}: the enrichment stage as a service, from {@code logs.events.v1} to
 * {@code logs.enriched.v1}, until SIGTERM. The informers are started first and the stream is started only once they
 * have synced, so nothing is enriched from an empty cache after a restart (issue 5, "Start-up"); until then
 * {@code /readyz} answers 503. Flags override the {@code ENRICHER_*} environment (see the module README).
 */
@Command(name = "enricher", mixinStandardHelpOptions = true,
    description = "Add Kubernetes metadata and parsed bodies to events (logs.events.v1 -> logs.enriched.v1).")
public final class EnricherCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(EnricherCommand.class);

  @Mixin StageOptions common;

  @Option(names = "--kubernetes", negatable = true, description = "Watch the Kubernetes API (ENRICHER_KUBERNETES; "
      + "default true). --no-kubernetes fills only what the log path tells and parses bodies.")
  Boolean kubernetes;

  @Option(names = "--hold-time", description = "How long events of a pod not yet known wait for it, e.g. 5s "
      + "(ENRICHER_HOLD_TIME).")
  String holdTime;

  @Option(names = "--deleted-pod-grace", description = "How long a deleted pod's stream must be quiet before its "
      + "metadata is forgotten, e.g. 10m (ENRICHER_DELETED_POD_GRACE).")
  String deletedPodGrace;


  @Override
  public Integer call() {
    Optional<EnricherConfig> read = ConfigReader.fromEnvironment(EnricherConfig.PREFIX, flags())
        .readOrReport(EnricherConfig.STAGE, EnricherConfig::read);
    if (read.isEmpty()) {
      return ExitCodes.CONFIG;
    }
    EnricherConfig config = read.get();
    ServiceMetrics serviceMetrics = ServiceMetrics.create(EnricherMetrics.STAGE);
    EnricherMetrics metrics = new EnricherMetrics(serviceMetrics);
    HealthState health = new HealthState();
    health.markNotReady(config.kubernetes() ? "waiting for the informers to sync" : "starting");
    try (serviceMetrics;
        HealthServer server = HealthServer.start(config.stage().http().port(), serviceMetrics.registry(), health);
        KubernetesClient client = config.kubernetes() ? new KubernetesClientBuilder().build() : null;
        MetadataSource source = config.kubernetes() ? informers(client, config.settings(), metrics)
            : MetadataSource.none()) {
      LOG.info("enricher: health and metrics on port {}", server.port());
      if (source instanceof InformerMetadataSource informers && !awaitSync(informers, config.settings())) {
        health.markFailed("informers did not sync");
        return ExitCodes.FAILED;
      }
      Topology topology = StageTopology.between(Topics.EVENTS,
          EnricherStep.of(config.settings(), source, metrics), EnrichedEventSerde.enrichedOutput());
      return StreamsRunner.runUntilShutdown(topology, config.stage().streamsProperties(serviceMetrics), health,
          serviceMetrics, StreamsRunner.DEFAULT_CLOSE_TIMEOUT);
    }
  }

  private static InformerMetadataSource informers(KubernetesClient client, EnricherSettings settings,
      EnricherMetrics metrics) {
    MetadataCache cache = settings.newCache(InstantSource.system());
    metrics.gauge("pods", "Live pods in the metadata cache", cache::livePods);
    metrics.gauge("deleted.pods", "Deleted pods kept until their streams are quiet", cache::deletedPods);
    metrics.gauge("deleted.pods.forgotten.early", "Deleted pods forgotten before their grace time (bound reached)",
        cache::forgottenEarly);
    return InformerMetadataSource.start(client, cache, settings.newTrimmer(), settings.evictEvery());
  }

  private static boolean awaitSync(InformerMetadataSource informers, EnricherSettings settings) {
    try {
      informers.synced().get(settings.syncTimeout().toMillis(), TimeUnit.MILLISECONDS);
      LOG.info("enricher: informers synced, {} pods cached", informers.cache().livePods());
      return true;
    } catch (TimeoutException e) {
      LOG.error("enricher: informers did not sync within {}", settings.syncTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | CompletionException e) {
      LOG.error("enricher: informers failed to start (RBAC: get, list, watch on pods, namespaces, nodes, "
          + "replicasets, jobs)", e.getCause());
    }
    return false;
  }

  /** Flags as un-prefixed setting names. */
  Map<String, String> flags() {
    Map<String, String> flags = common.flags();
    ServiceOptions.put(flags, "KUBERNETES", kubernetes);
    ServiceOptions.put(flags, "HOLD_TIME", holdTime);
    ServiceOptions.put(flags, "DELETED_POD_GRACE", deletedPodGrace);
    return flags;
  }
}
