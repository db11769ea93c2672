package io.logpipe.cli;

import io.logpipe.runtime.kafka.PipelineTopics;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code logpipe topics create}: creates every pipeline topic with one partition count. */
@Command(name = "topics", mixinStandardHelpOptions = true, description = "Manage the pipeline's Kafka topics.",
    subcommands = TopicsCommand.Create.class)
public final class TopicsCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    System.err.println("usage: logpipe topics create --bootstrap-servers HOST:PORT --partitions N");
    return 2;
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create every pipeline topic that is missing (idempotent). All pipeline topics share one "
          + "partition count, so one container's order is kept end to end.")
  static final class Create implements Callable<Integer> {

    @Option(names = "--bootstrap-servers", required = true, description = "Kafka bootstrap servers, HOST:PORT[,…].")
    String bootstrapServers;

    @Option(names = "--partitions", defaultValue = "6",
        description = "Partitions of every pipeline topic: the unit of scaling of every stage (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--replication-factor", defaultValue = "3",
        description = "Replication factor (default: ${DEFAULT-VALUE}; use 1 on a single broker).")
    short replicationFactor;

    @Override
    public Integer call() {
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
        PipelineTopics.create(admin, partitions, replicationFactor);
      }
      System.out.println("pipeline topics ready on " + bootstrapServers + " (" + partitions + " partitions)");
      return 0;
    }
  }
}
