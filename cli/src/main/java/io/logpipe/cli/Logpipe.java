package io.logpipe.cli;

import io.logpipe.cli.demo.DemoCommand;
import io.logpipe.cli.local.LocalCommand;
import io.logpipe.enricher.EnricherCommand;
import io.logpipe.enricher.tool.EnrichCommand;
import io.logpipe.events.EventsCollectorCommand;
import io.logpipe.multiline.MultilineCommand;
import io.logpipe.multiline.cli.ParseCommand;
import io.logpipe.redactor.RedactorCommand;
import io.logpipe.redactor.offline.RedactCommand;
import io.logpipe.shipper.ShipperCommand;
import io.logpipe.sinks.ReplayCommand;
import io.logpipe.sinks.SinkCommand;
import io.logpipe.sinks.route.RouterCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/logpipe}: one entry point, a subcommand per stage, local and demo modes, and offline tools. */
@Command(name = "logpipe", mixinStandardHelpOptions = true, version = "logpipe 0.1.0",
    description = "A Kubernetes log pipeline on Kafka: exactly once from the log file to the sink.",
    subcommands = {
        ShipperCommand.class, MultilineCommand.class, EnricherCommand.class, RedactorCommand.class,
        RouterCommand.class, SinkCommand.class, ReplayCommand.class, EventsCollectorCommand.class, TopicsCommand.class, LocalCommand.class, DemoCommand.class,
        ParseCommand.class, EnrichCommand.class, RedactCommand.class})
public final class Logpipe implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command tree, for tests that run commands in-process. */
  public static CommandLine commandLine() {
    return new CommandLine(new Logpipe()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
