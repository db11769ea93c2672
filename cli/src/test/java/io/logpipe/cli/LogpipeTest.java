package io.logpipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class LogpipeTest {

  @Test
  void offersOneSubcommandPerStageAndTheLocalModesAndTools() {
    assertThat(Logpipe.commandLine().getSubcommands().keySet()).contains("shipper", "multiline", "enricher",
        "redactor", "router", "sink", "topics", "local", "demo", "parse", "redact", "enrich");
  }

  @ParameterizedTest
  @ValueSource(strings = {"shipper", "multiline", "enricher", "redactor", "router", "sink", "topics", "local",
      "demo", "parse", "redact", "enrich"})
  void everySubcommandExplainsItselfWithHelp(String command) {
    CommandLine cli = Logpipe.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute(command, "--help")).isZero();
    assertThat(out.toString()).contains("Usage:").contains(command);
  }

  @Test
  void topicsCreateRequiresItsBootstrapServers() {
    CommandLine cli = Logpipe.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    assertThat(cli.execute("topics", "create", "--partitions", "3")).isEqualTo(2);
    assertThat(err.toString()).contains("--bootstrap-servers");
  }
}
