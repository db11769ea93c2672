package io.logpipe.enricher;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.runtime.service.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EnricherCommandTest {

  @Test
  void aBadSettingExitsWithTheConfigurationCodeBeforeAnythingStarts() {
    CommandLine cli = new CommandLine(new EnricherCommand());
    cli.setErr(new PrintWriter(new StringWriter()));

    int code = cli.execute("--no-kubernetes", "--hold-time", "soon", "--http-port", "0");

    assertThat(code).isEqualTo(ExitCodes.CONFIG);
  }

  @Test
  void mapsFlagsToUnprefixedSettingNames() {
    EnricherCommand command = new EnricherCommand();
    new CommandLine(command).parseArgs("--bootstrap-servers", "k:9092", "--no-kubernetes", "--deleted-pod-grace",
        "30m");

    assertThat(command.flags()).containsEntry("BOOTSTRAP_SERVERS", "k:9092").containsEntry("KUBERNETES", "false")
        .containsEntry("DELETED_POD_GRACE", "30m");
  }
}
