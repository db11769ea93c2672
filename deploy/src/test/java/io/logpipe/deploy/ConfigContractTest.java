package io.logpipe.deploy;

import static io.logpipe.deploy.RenderedChart.container;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.logpipe.enricher.EnricherConfig;
import io.logpipe.events.EventsCollectorConfig;
import io.logpipe.multiline.MultilineConfig;
import io.logpipe.redactor.RedactorConfig;
import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.shipper.ShipperConfig;
import io.logpipe.shipper.run.SourcesConfig;
import io.logpipe.sinks.SinkConfig;
import io.logpipe.sinks.route.RouterConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The environment, files and flags the chart gives each container, read by that component's own configuration
 * class (the modules' {@code *Config.read}, the contract): every value accepted with no problem, and every variable
 * the chart sets under the component's prefix actually read by it (a misspelt name would be silently ignored).
 */
class ConfigContractTest {

  /** How each subcommand reads its configuration (what its picocli command does before starting). */
  private static final Map<String, Reader> READERS = Map.of(
      "shipper", new Reader("SHIPPER", r -> {
        ShipperConfig.read(r);
        SourcesConfig.read(r);
        r.done();
      }),
      "multiline", new Reader(MultilineConfig.PREFIX, MultilineConfig::read),
      "enricher", new Reader(EnricherConfig.PREFIX, EnricherConfig::read),
      "redactor", new Reader(RedactorConfig.PREFIX, RedactorConfig::read),
      "router", new Reader(RouterConfig.PREFIX, RouterConfig::read),
      "sink", new Reader(SinkConfig.PREFIX, SinkConfig::read),
      "k8s-events", new Reader(EventsCollectorConfig.PREFIX, EventsCollectorConfig::read));

  record Reader(String prefix, Consumer<ConfigReader> read) {}

  static Stream<Named<RenderedChart>> renders() {
    return Stream.of(Named.of("default values", RenderedChart.withDefaults()),
        Named.of("every optional feature", RenderedChart.withEveryFeature()),
        Named.of("at-least-once shipper, enricher without the API",
            RenderedChart.with(Map.of("shipper.mode", "at-least-once", "enricher.kubernetes", false))),
        Named.of("the shipper's node journal and extra files on", RenderedChart.with(Map.of(
            "shipper.journal.enabled", "true", "shipper.journal.units[0]", "kubelet",
            "shipper.files[0].name", "audit", "shipper.files[0].globs[0]", "/var/log/kubernetes/audit/*.log",
            "shipper.files[0].format", "audit", "shipper.files[0].labels.component", "kube-apiserver"))));
  }

  @ParameterizedTest
  @MethodSource("renders")
  void everyComponentAcceptsAndReadsTheSettingsTheChartGivesIt(RenderedChart chart, @TempDir Path root) {
    Map<String, PodTemplateSpec> workloads = chart.longRunningPodTemplates();
    assertThat(workloads).isNotEmpty();
    workloads.forEach((workload, template) -> {
      PodEnvironment pod = PodEnvironment.of(template, chart, root.resolve(workload.replace('/', '_')));
      String subcommand = container(template).getArgs().get(0);
      Reader reader = READERS.get(subcommand);
      assertThat(reader).as(workload + " runs an unknown subcommand " + subcommand).isNotNull();

      ConfigReader config = ConfigReader.of(reader.prefix(), pod.flags(), pod.env(),
          Optional.ofNullable(pod.env().get(reader.prefix() + "_" + ConfigReader.CONFIG_FILE)).map(Path::of));
      // *Config.read ends with done(): any problem throws, listing them all.
      reader.read().accept(config);

      Set<String> read = config.describe().lines().map(line -> line.substring(0, line.indexOf('=')))
          .collect(Collectors.toCollection(TreeSet::new));
      Set<String> set = pod.env().keySet().stream()
          .filter(name -> name.startsWith(reader.prefix() + "_"))
          .filter(name -> !name.startsWith(reader.prefix() + "_KAFKA_"))
          .filter(name -> !name.equals(reader.prefix() + "_" + ConfigReader.CONFIG_FILE))
          .collect(Collectors.toCollection(TreeSet::new));
      assertThat(read).as(workload + ": variables set by the chart but never read").containsAll(set);
    });
  }
}
