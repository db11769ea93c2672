package io.logpipe.sinks.route;

import io.logpipe.runtime.cli.ServiceOptions;
import io.logpipe.runtime.cli.StageOptions;
import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.runtime.streams.StageService;
import io.logpipe.runtime.streams.StageTopology;
import io.logpipe.schemas.Topics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code logpipe router}: the routing stage as a service, from {@code logs.redacted.v1} to the sink topics, until
 * SIGTERM. Flags override the {@code ROUTER_*} environment (see the module README).
 */
@Command(name = "router", mixinStandardHelpOptions = true,
    description = "Route redacted events to the sink topics (logs.sink.{loki,opensearch,s3}.v1) by rules.")
public final class RouterCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(RouterCommand.class);

  @Mixin StageOptions common;

  @Option(names = "--default-sinks", split = ",", description = "Sinks of events no rule matches, e.g. s3 "
      + "(ROUTER_DEFAULT_SINKS; default loki,opensearch,s3).")
  List<String> defaultSinks;

  @Option(names = "--rule", paramLabel = "NAME.FIELD=VALUE", description = "A rule field, repeatable, e.g. "
      + "--rule errors.severity='>=ERROR' --rule errors.sinks=loki (ROUTER_RULE_<NAME>_<FIELD>); fields: sinks, "
      + "namespace, container, severity, message, labels.")
  Map<String, String> rules;

  @Override
  public Integer call() {
    return new StageService<>(RouterServiceMetrics.STAGE, RouterConfig::read, RouterConfig::stage,
        (config, metrics) -> {
          LOG.info("routes:\n{}", config.describeRouting());
          return StageTopology.ending(Topics.REDACTED, RouterStep.of(config, new RouterServiceMetrics(metrics)));
        })
        .run(ConfigReader.fromEnvironment(RouterConfig.PREFIX, flags()));
  }

  /** Flags as un-prefixed setting names; a rule {@code errors.sinks} becomes {@code RULE_ERRORS_SINKS}. */
  Map<String, String> flags() {
    Map<String, String> flags = common.flags();
    ServiceOptions.put(flags, "DEFAULT_SINKS", defaultSinks == null ? null : String.join(",", defaultSinks));
    if (rules != null) {
      rules.forEach((field, value) ->
          flags.put("RULE_" + field.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), value));
    }
    return flags;
  }
}
