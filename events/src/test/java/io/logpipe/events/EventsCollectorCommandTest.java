package io.logpipe.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.runtime.service.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EventsCollectorCommandTest {

  @Test
  void isTheK8sEventsCommandWithItsFlags() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new EventsCollectorCommand()).setOut(new PrintWriter(out));
    assertThat(cli.execute("--help")).isZero();
    assertThat(cli.getCommandName()).isEqualTo("k8s-events");
    assertThat(out.toString()).contains("--bootstrap-servers", "--lease-namespace", "--identity", "--state-topic",
        "--output-topic");
  }

  @Test
  void refusesAnInvalidConfigurationWithTheConfigExitCode() {
    assertThat(new CommandLine(new EventsCollectorCommand()).execute("--http-port", "70000"))
        .isEqualTo(ExitCodes.CONFIG);
  }

  @Test
  void passesFlagsUnderTheirConfigurationNames() {
    EventsCollectorCommand command = new EventsCollectorCommand();
    new CommandLine(command).parseArgs("--bootstrap-servers", "k:9092", "--identity", "pod-1");
    assertThat(command.flags()).containsEntry("BOOTSTRAP_SERVERS", "k:9092").containsEntry("IDENTITY", "pod-1")
        .doesNotContainKey("NAME");
  }
}
