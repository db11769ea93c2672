package io.logpipe.sinks;

import io.logpipe.runtime.cli.ServiceOptions;
import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.runtime.health.HealthState;
import io.logpipe.runtime.health.ServiceMetrics;
import io.logpipe.runtime.service.ExitCodes;
import io.logpipe.runtime.service.ServiceRunner;
import io.logpipe.sinks.worker.ReplayWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code logpipe replay --sink NAME --from TIMESTAMP [--to TIMESTAMP]} (issue 7): delivers a retained time range of
 * a sink topic to its backend again with a fresh consumer group, e.g. to fill a new OpenSearch cluster, and exits
 * when the range is delivered. Backend settings come from the same {@code SINK_*} environment as {@code sink}.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Re-deliver a retained time range of a sink topic into its backend, with a fresh consumer group.")
public final class ReplayCommand implements Callable<Integer> {

  @Mixin ServiceOptions common;

  @Option(names = "--sink", required = true, description = "loki, opensearch or s3.")
  String sink;

  @Option(names = "--from", required = true,
      description = "Start, inclusive: an instant (2026-01-01T10:00:00Z) or a UTC day (2026-01-01).")
  String from;

  @Option(names = "--to", description = "End, inclusive (default: what the topic holds when the replay starts).")
  String to;

  @Option(names = "--target", description = "The backend's address, as for `sink --target`.")
  String target;

  @Option(names = "--group-id", description = "Consumer group (default: logpipe-replay-<sink>-<start time>).")
  String groupId;

  @Override
  public Integer call() {
    ReplayWindow window;
    try {
      window = new ReplayWindow(instant(from), Optional.ofNullable(to).map(ReplayCommand::instant));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return ExitCodes.CONFIG;
    }
    SinkCommand flags = new SinkCommand();
    flags.backend = sink;
    flags.target = target;
    flags.common = common;
    flags.groupId = groupId != null ? groupId : "logpipe-replay-" + sink + "-" + Instant.now().toEpochMilli();
    Optional<SinkConfig> read = ConfigReader.fromEnvironment(SinkConfig.PREFIX, flags.flags())
        .readOrReport("replay", SinkConfig::read);
    if (read.isEmpty()) {
      return ExitCodes.CONFIG;
    }
    SinkConfig config = read.get();
    String stage = "replay-" + config.backend().id();
    try (ServiceMetrics metrics = ServiceMetrics.bare(stage);
        SinkWorkers.Parts parts = SinkWorkers.parts(config, metrics)) {
      int code = ServiceRunner.runUntilShutdown(stage, parts.worker().replaying(window), new HealthState(),
          ServiceRunner.DEFAULT_CLOSE_TIMEOUT);
      System.out.println("replayed " + parts.worker().stats() + " from " + config.topic() + " into "
          + parts.sink().target() + " (group " + config.groupId() + ")");
      return code;
    }
  }

  static Instant instant(String text) {
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException notAnInstant) {
      try {
        return LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("'" + text + "' is neither an instant (2026-01-01T10:00:00Z) nor a day "
            + "(2026-01-01)", e);
      }
    }
  }
}
