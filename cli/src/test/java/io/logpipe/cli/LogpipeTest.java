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
        "redactor", "router", "sink", "replay", "k8s-events", "topics", "local", "demo", "parse", "redact", "enrich");
  }

  @ParameterizedTest
  @ValueSource(strings = {"shipper", "multiline", "enricher", "redactor", "router", "sink", "replay", "k8s-events",
      "topics", "local", "demo", "parse", "redact", "enrich"})
  void everySubcommandExplainsItselfWithHelp(String command) {
    CommandLine cli = Logpipe.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute(command, "--help")).isZero();
    assertThat(out.toString()).contains("Usage:").contains(command);
  }

  @Test
  void topicsCreateReportsEveryInvalidSettingAtOnce() {
    CommandLine cli = Logpipe.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute("topics", "create", "--partitions", "0", "--unredacted-retention", "soon");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("TOPICS_PARTITIONS").contains("TOPICS_UNREDACTED_RETENTION");
  }
}
