package io.logpipe.multiline;

import io.logpipe.multiline.streams.MultilineMetrics;
import io.logpipe.multiline.streams.MultilineStep;
import io.logpipe.runtime.cli.ServiceOptions;
import io.logpipe.runtime.cli.StageOptions;
import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.runtime.streams.StageService;
import io.logpipe.runtime.streams.StageTopology;
import io.logpipe.schemas.Topics;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code logpipe multiline}: the multiline stage as a service, from {@code logs.raw.v1} to {@code logs.events.v1},
 * until SIGTERM. Flags override the {@code MULTILINE_*} environment (see the module README).
 */
@Command(name = "multiline", mixinStandardHelpOptions = true,
    description = "Parse CRI/docker lines, join partial lines and reassemble multi-line events "
        + "(logs.raw.v1 -> logs.events.v1).")
public final class MultilineCommand implements Callable<Integer> {

  @Mixin StageOptions common;

  @Option(names = "--format", description = "auto, cri, docker or plain (MULTILINE_FORMAT; default auto).")
  String format;

  @Option(names = "--rules-file", description = "JSON multi-line rules (MULTILINE_RULES_FILE).")
  String rulesFile;

  @Option(names = "--quiet-time", description = "Emit an open event after this long without a line, e.g. 1s "
      + "(MULTILINE_QUIET_TIME; default 1s).")
  String quietTime;

  @Option(names = "--max-lines", description = "Lines per event (MULTILINE_MAX_LINES; default 1000).")
  Integer maxLines;

  @Option(names = "--max-bytes", description = "Bytes per event, e.g. 512KiB (MULTILINE_MAX_BYTES).")
  String maxBytes;

  @Option(names = "--overflow", description = "truncate or split (MULTILINE_OVERFLOW; default truncate).")
  String overflow;

  @Override
  public Integer call() {
    return new StageService<>(MultilineConfig.STAGE, MultilineConfig::read, MultilineConfig::stage,
        (config, metrics) -> StageTopology.between(Topics.RAW,
            new MultilineStep(config.settings(), new MultilineMetrics(metrics.registry()), Clock.systemUTC()),
            Topics.EVENTS))
        .run(ConfigReader.fromEnvironment(MultilineConfig.PREFIX, flags()));
  }

  /** Flags as un-prefixed setting names. */
  Map<String, String> flags() {
    Map<String, String> flags = common.flags();
    ServiceOptions.put(flags, "FORMAT", format);
    ServiceOptions.put(flags, "RULES_FILE", rulesFile);
    ServiceOptions.put(flags, "QUIET_TIME", quietTime);
    ServiceOptions.put(flags, "MAX_LINES", maxLines);
    ServiceOptions.put(flags, "MAX_BYTES", maxBytes);
    ServiceOptions.put(flags, "OVERFLOW", overflow);
    return flags;
  }
}
