package io.logpipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.schemas.Topics;
import io.logpipe.testkit.KafkaBroker;
import io.logpipe.testkit.KafkaTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

@KafkaTest
class TopicsCommandIT {

  @Test
  void createsEveryPipelineTopicIdempotentlyAndFailsOnAnotherPartitionCount(KafkaBroker broker) throws Exception {
    String bootstrap = broker.bootstrapServers();
    // Same count as the module's other ITs, which share the broker's pipeline topics.
    assertThat(run("topics", "create", "--bootstrap-servers", bootstrap, "--partitions", "3",
        "--replication-factor", "1").exit).isZero();
    var names = Topics.all().stream().map(t -> t.name()).toList();
    var described = broker.admin().describeTopics(names).allTopicNames().get();
    assertThat(described.values()).extracting(TopicDescription::partitions).allSatisfy(p -> assertThat(p).hasSize(3));

    Result again = run("topics", "create", "--bootstrap-servers", bootstrap, "--partitions", "3",
        "--replication-factor", "1");
    assertThat(again.exit).isZero();
    assertThat(again.out).contains("created []");

    Result other = run("topics", "create", "--bootstrap-servers", bootstrap, "--partitions", "5",
        "--replication-factor", "1");
    assertThat(other.exit).isEqualTo(1);
    assertThat(other.err).contains("partition count differs").contains(Topics.RAW.name());
  }

  record Result(int exit, String out, String err) {}

  private static Result run(String... args) {
    CommandLine cli = Logpipe.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

}
