package io.logpipe.cli;

import io.logpipe.runtime.cli.ServiceOptions;
import io.logpipe.runtime.config.ConfigException;
import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.runtime.config.KafkaSettings;
import io.logpipe.runtime.kafka.PipelineTopics;
import io.logpipe.runtime.kafka.TopicsOutcome;
import io.logpipe.runtime.service.ExitCodes;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code logpipe topics create}: creates every pipeline topic with one partition count. */
@Command(name = "topics", mixinStandardHelpOptions = true, description = "Manage the pipeline's Kafka topics.",
    subcommands = TopicsCommand.Create.class)
public final class TopicsCommand implements Callable<Integer> {

  static final String PREFIX = "TOPICS";

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.CONFIG;
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = {"Create every pipeline topic that is missing (idempotent; existing topics are left as they are "
          + "and reported). All pipeline topics share one partition count, so one container's order is kept end "
          + "to end. Exits 1 when an existing topic has another partition count.",
          "Kafka client settings (TLS, SASL) come from TOPICS_KAFKA_* variables, e.g. "
              + "TOPICS_KAFKA_SECURITY_PROTOCOL=SASL_SSL."})
  static final class Create implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--bootstrap-servers", description = "Kafka bootstrap servers, HOST:PORT[,…] "
        + "(env TOPICS_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    @Option(names = "--partitions", description = "Partitions of every pipeline topic: the unit of scaling of "
        + "every stage (env TOPICS_PARTITIONS; default 6).")
    Integer partitions;

    @Option(names = "--replication-factor", description = "Replication factor (env TOPICS_REPLICATION_FACTOR; "
        + "default 3; 1 on a single broker).")
    Short replicationFactor;

    @Option(names = "--unredacted-retention", description = "Retention of the topics holding unredacted text, "
        + "e.g. 24h (env TOPICS_UNREDACTED_RETENTION; default 24h).")
    String unredactedRetention;

    @Override
    public Integer call() {
      Map<String, String> flags = new LinkedHashMap<>();
      ServiceOptions.put(flags, "BOOTSTRAP_SERVERS", bootstrapServers);
      ServiceOptions.put(flags, "PARTITIONS", partitions);
      ServiceOptions.put(flags, "REPLICATION_FACTOR", replicationFactor);
      ServiceOptions.put(flags, "UNREDACTED_RETENTION", unredactedRetention);
      ConfigReader r = ConfigReader.fromEnvironment(PREFIX, flags);
      KafkaSettings kafka = KafkaSettings.read(r);
      int count = r.intInRange("PARTITIONS", 6, 1, 10_000);
      short replication = (short) r.intInRange("REPLICATION_FACTOR", 3, 1, Short.MAX_VALUE);
      Duration retention = r.duration("UNREDACTED_RETENTION", PipelineTopics.DEFAULT_UNREDACTED_RETENTION);
      try {
        r.done();
      } catch (ConfigException e) {
        spec.commandLine().getErr().println(e.getMessage());
        return ExitCodes.CONFIG;
      }
      TopicsOutcome outcome;
      try (Admin admin = Admin.create(kafka.clientProperties())) {
        outcome = PipelineTopics.create(admin, PipelineTopics.plan(count, replication, retention));
      }
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      out.println("pipeline topics on " + kafka.bootstrapServers() + ": created " + outcome.created()
          + ", already present " + outcome.existing());
      outcome.drifted().forEach(d -> out.println("left unchanged: " + d));
      outcome.mismatched().forEach(m -> err.println("partition count differs: " + m));
      out.flush();
      err.flush();
      return outcome.consistent() ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }
}
