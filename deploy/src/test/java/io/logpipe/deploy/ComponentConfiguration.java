package io.logpipe.deploy;

import io.logpipe.enricher.EnricherCommand;
import io.logpipe.enricher.EnricherConfig;
import io.logpipe.events.EventsCollectorCommand;
import io.logpipe.events.EventsCollectorConfig;
import io.logpipe.multiline.MultilineCommand;
import io.logpipe.multiline.MultilineConfig;
import io.logpipe.redactor.RedactorCommand;
import io.logpipe.redactor.RedactorConfig;
import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.shipper.ShipperCommand;
import io.logpipe.shipper.ShipperConfig;
import io.logpipe.shipper.run.SourcesConfig;
import io.logpipe.sinks.SinkCommand;
import io.logpipe.sinks.SinkConfig;
import io.logpipe.sinks.route.RouterCommand;
import io.logpipe.sinks.route.RouterConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A component as {@code docs/configuration.md} documents it: its section name, variable prefix, picocli command, and
 * how its own configuration class reads the settings, once per branch the reader can take (each sink backend, each
 * shipper mode and source, a routing rule), so that every variable it may read is seen.
 */
record ComponentConfiguration(String name, String prefix, Class<?> command, Consumer<ConfigReader> read,
    List<Map<String, String>> variants) {

  static final List<ComponentConfiguration> ALL = List.of(
      // As ShipperCommand reads: pod logs, then the other sources (extra files, journal, sidecar), each variant
      // switching one of them on.
      new ComponentConfiguration("shipper", "SHIPPER", ShipperCommand.class, r -> {
        ShipperConfig.read(r);
        SourcesConfig.read(r);
        r.done();
      }, List.of(Map.of("NODE_NAME", "n"), Map.of("NODE_NAME", "n", "MODE", "at-least-once"),
          Map.of("NODE_NAME", "n", "FILES", "audit", "FILES_AUDIT_GLOBS", "/var/log/kubernetes/audit/*.log"),
          Map.of("NODE_NAME", "n", "JOURNAL_ENABLED", "true"),
          Map.of("NODE_NAME", "n", "SIDECAR_GLOBS", "/var/log/app/*.log", "SIDECAR_NAMESPACE", "ns",
              "SIDECAR_POD", "p", "SIDECAR_POD_UID", "u", "SIDECAR_CONTAINER", "c"))),
      new ComponentConfiguration("multiline", MultilineConfig.PREFIX, MultilineCommand.class, MultilineConfig::read,
          List.of(Map.of())),
      new ComponentConfiguration("enricher", EnricherConfig.PREFIX, EnricherCommand.class, EnricherConfig::read,
          List.of(Map.of())),
      new ComponentConfiguration("redactor", RedactorConfig.PREFIX, RedactorCommand.class, RedactorConfig::read,
          List.of(Map.of())),
      new ComponentConfiguration("router", RouterConfig.PREFIX, RouterCommand.class, RouterConfig::read,
          List.of(Map.of(), Map.of("RULE_ERRORS_SINKS", "loki"))),
      new ComponentConfiguration("sink", SinkConfig.PREFIX, SinkCommand.class, SinkConfig::read, List.of(
          Map.of("BACKEND", "loki", "LOKI_URL", "http://127.0.0.1:3100"),
          Map.of("BACKEND", "opensearch", "OPENSEARCH_URL", "http://127.0.0.1:9200"),
          Map.of("BACKEND", "s3", "S3_TARGET", "s3://bucket"))),
      new ComponentConfiguration("k8s-events", EventsCollectorConfig.PREFIX, EventsCollectorCommand.class,
          EventsCollectorConfig::read, List.of(Map.of())));

  /**
   * Every variable read under any variant, with the value {@code describe()} reports when the variable is not set
   * (the default; {@code <missing>} for a required one). Variants set only what their branch needs, as flags.
   */
  Map<String, String> settingsRead() {
    Map<String, String> found = new TreeMap<>();
    for (Map<String, String> flags : variants) {
      ConfigReader r = ConfigReader.of(prefix, flags, Map.of(), Optional.empty());
      read.accept(r);
      r.describe().lines().forEach(line -> {
        String name = line.substring(0, line.indexOf('='));
        String value = line.substring(line.indexOf('=') + 1);
        String bare = name.substring(prefix.length() + 1);
        boolean given = flags.containsKey(bare);
        found.putIfAbsent(name, given ? "<set by the variant>" : value.replaceFirst(" \\(default\\)$", ""));
      });
    }
    return found;
  }
}
