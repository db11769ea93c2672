package io.logpipe.cli.local;

import io.logpipe.enricher.EnricherMetrics;
import io.logpipe.enricher.streams.EnricherStep;
import io.logpipe.multiline.MultilineConfig;
import io.logpipe.multiline.streams.MultilineMetrics;
import io.logpipe.multiline.streams.MultilineStep;
import io.logpipe.redactor.RedactorCommand;
import io.logpipe.redactor.RedactorConfig;
import io.logpipe.redactor.RedactorMetrics;
import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.runtime.health.ServiceMetrics;
import io.logpipe.runtime.streams.Step;
import io.logpipe.runtime.streams.Terminal;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.RawLine;
import io.logpipe.sinks.route.RouterConfig;
import io.logpipe.sinks.route.RouterServiceMetrics;
import io.logpipe.sinks.route.RouterStep;
import java.time.Clock;
import java.util.Map;

/**
 * The Streams stages of the pipeline, each built by its own module from its own configuration, so {@code local}
 * honours the same {@code MULTILINE_*}, {@code REDACTOR_*}, {@code ROUTER_*}, … variables as the split services.
 * Without a Kubernetes API the enricher fills what the log path tells and parses bodies.
 */
record PipelineSteps(Step<RawLine, LogEvent> multiline, Step<LogEvent, LogEvent> enricher,
    Step<LogEvent, LogEvent> redactor, Terminal<LogEvent> router) {

  static PipelineSteps configured(String bootstrapServers, ServiceMetrics metrics) {
    Map<String, String> kafka = Map.of("BOOTSTRAP_SERVERS", bootstrapServers);
    MultilineConfig multiline = MultilineConfig.read(ConfigReader.fromEnvironment(MultilineConfig.PREFIX, kafka));
    // Only the S3-layout file sink runs locally, so the default route is s3 (ROUTER_RULE_* rules still apply).
    Map<String, String> router = Map.of("BOOTSTRAP_SERVERS", bootstrapServers, "DEFAULT_SINKS", "s3");
    RouterConfig routing = RouterConfig.read(ConfigReader.fromEnvironment(RouterConfig.PREFIX, router));
    RedactorConfig redactor = RedactorConfig.read(ConfigReader.fromEnvironment(RedactorConfig.PREFIX, kafka));
    return new PipelineSteps(
        new MultilineStep(multiline.settings(), new MultilineMetrics(metrics.registry()), Clock.systemUTC()),
        EnricherStep.withoutApi(new EnricherMetrics(metrics)),
        RedactorCommand.step(redactor, new RedactorMetrics(metrics)),
        RouterStep.of(routing, new RouterServiceMetrics(metrics)));
  }

  /** Every stage in one topology, from raw lines to the sink topics. */
  Terminal<RawLine> fused() {
    return multiline.andThen(enricher).andThen(redactor).thenEnd(router);
  }
}
