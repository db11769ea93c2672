package io.logpipe.events;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.logpipe.events.collector.EventsCollector;
import io.logpipe.events.collector.EventsMetrics;
import io.logpipe.runtime.cli.ServiceOptions;
import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.runtime.health.HealthServer;
import io.logpipe.runtime.health.HealthState;
import io.logpipe.runtime.health.ServiceMetrics;
import io.logpipe.runtime.service.ExitCodes;
import io.logpipe.runtime.service.ServiceRunner;
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
 * {@code logpipe k8s-events --bootstrap-servers HOST:PORT [--lease-namespace NS] [--identity POD]}: the Kubernetes
 * Events collector (issue 9). Every flag is also an {@code EVENTS_*} variable; flags win. Reaches the API server as
 * fabric8 does by default (in-cluster service account, else {@code KUBECONFIG}/{@code ~/.kube/config}). Runs until
 * SIGTERM, releases the lease, returns 0.
 */
@Command(name = "k8s-events", mixinStandardHelpOptions = true,
    description = "Collect Kubernetes Events (events.k8s.io/v1) cluster-wide into logs.enriched.v1, each occurrence "
        + "exactly once; one active replica through a Lease.")
public final class EventsCollectorCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(EventsCollectorCommand.class);

  @Mixin ServiceOptions common;

  @Option(names = "--name", paramLabel = "NAME", description = "The collector deployment's name: source.node, "
      + "default lease name and transactional.id (env EVENTS_NAME, default logpipe-k8s-events).")
  String name;

  @Option(names = "--output-topic", paramLabel = "TOPIC",
      description = "Where Events go (env EVENTS_OUTPUT_TOPIC, default logs.enriched.v1).")
  String outputTopic;

  @Option(names = "--state-topic", paramLabel = "TOPIC", description = "Compacted topic remembering what was "
      + "emitted (env EVENTS_STATE_TOPIC, default logs.events-collector.state.v1).")
  String stateTopic;

  @Option(names = "--lease-namespace", paramLabel = "NS",
      description = "Namespace of the Lease (env EVENTS_LEASE_NAMESPACE or POD_NAMESPACE, default default).")
  String leaseNamespace;

  @Option(names = "--identity", paramLabel = "ID",
      description = "This replica's identity in the election (env EVENTS_IDENTITY or POD_NAME, default random).")
  String identity;

  @Override
  public Integer call() {
    Optional<EventsCollectorConfig> read = ConfigReader.fromEnvironment(EventsCollectorConfig.PREFIX, flags())
        .readOrReport("k8s-events", EventsCollectorConfig::read);
    if (read.isEmpty()) {
      return ExitCodes.CONFIG;
    }
    EventsCollectorConfig config = read.get();
    HealthState health = new HealthState();
    try (ServiceMetrics metrics = ServiceMetrics.create("k8s-events");
        HealthServer http = HealthServer.start(config.http().port(), metrics.registry(), health);
        KubernetesClient client = new KubernetesClientBuilder().build()) {
      LOG.info("health and metrics on port {}", http.port());
      EventsCollector collector = new EventsCollector(config, client, new EventsMetrics(metrics), Clock.systemUTC());
      return ServiceRunner.runUntilShutdown("k8s-events", collector, health, ServiceRunner.DEFAULT_CLOSE_TIMEOUT);
    }
  }

  /** The flags given, under their configuration names (flags win over the environment). */
  Map<String, String> flags() {
    Map<String, String> flags = common.flags();
    ServiceOptions.put(flags, "NAME", name);
    ServiceOptions.put(flags, "OUTPUT_TOPIC", outputTopic);
    ServiceOptions.put(flags, "STATE_TOPIC", stateTopic);
    ServiceOptions.put(flags, "LEASE_NAMESPACE", leaseNamespace);
    ServiceOptions.put(flags, "IDENTITY", identity);
    return flags;
  }

}
